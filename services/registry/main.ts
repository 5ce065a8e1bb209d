import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { config } from '../common/config.js';
import { serveSubgraph } from '../common/http.js';
import { configureLogs } from '../common/log.js';
import { startTracing } from '../common/tracing.js';
import { ormPool, ServiceMetrics } from '../common/metrics.js';
import { createRegistryOrm } from './orm.js';
import { registryContext } from './context.js';
import { buildRegistrySchema } from './schema.js';

export async function startRegistry(settings = config()) {
  const orm = await createRegistryOrm(settings.databaseUrl);
  const { schema } = await buildRegistrySchema();
  const metrics = new ServiceMetrics('registry');
  metrics.watchPool('registry', await ormPool(orm));
  const served = await serveSubgraph({
    name: 'registry',
    schema,
    metrics,
    port: settings.registryPort,
    host: settings.listenHost,
    settings,
    context: registryContext(orm, settings),
    // No cache hints are set or read anywhere in the hub; the default cache-control plugin
    // still ran a hook on every field (and made Apollo wrap every resolver to call it): 126
    // edges and their ends are ~900 fields.
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  return { ...served, stop: async () => { await served.stop(); await orm.close(); } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  configureLogs(config().log);
  const tracing = await startTracing(config().tracing, 'registry');
  const registry = await startRegistry();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void registry.stop().finally(() => tracing.shutdown()).finally(() => process.exit(0)));
}
