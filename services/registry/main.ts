import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { config } from '../common/config.js';
import { serveSubgraph } from '../common/http.js';
import { configureLogs } from '../common/log.js';
import { startTracing } from '../common/tracing.js';
import { dependencyGauge, ormPool, ServiceMetrics } from '../common/metrics.js';
import { createRegistryOrm } from './orm.js';
import { registryContext } from './context.js';
import { buildRegistrySchema } from './schema.js';
import { isEntryPoint } from '../common/entry.js';
import { exportRoutes } from './export/http.js';
import { tokenVerifier } from '../common/identity.js';
import { Health, stopOnSignals } from '../common/health.js';

export async function startRegistry(settings = config()) {
  const orm = await createRegistryOrm(settings.databaseUrl);
  const { schema } = await buildRegistrySchema();
  const verify = tokenVerifier(settings);
  const metrics = new ServiceMetrics('registry');
  metrics.watchPool('registry', await ormPool(orm));
  const health = new Health('registry', { postgres: () => orm.em.getConnection().execute('select 1') });
  dependencyGauge(metrics, () => health.readiness());
  const served = await serveSubgraph({
    name: 'registry',
    schema,
    metrics,
    health,
    port: settings.registryPort,
    host: settings.listenHost,
    settings,
    context: registryContext(orm, settings, verify),
    // GET /export/<list>.csv|.xlsx: the lists and the statistics report as files (export/http.ts).
    route: exportRoutes({ schema, orm, verify }),
  });
  return {
    ...served,
    health,
    stop: async () => {
      await served.stop();
      await orm.close();
    },
  };
}

if (isEntryPoint(import.meta.url)) {
  configureLogs(config().log);
  const tracing = await startTracing(config().tracing, 'registry');
  const registry = await startRegistry();
  stopOnSignals(registry.health, () => registry.stop().finally(() => tracing.shutdown()), {
    delayMs: config().shutdownDelayMs,
  });
}
