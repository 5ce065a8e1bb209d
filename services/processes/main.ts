import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { config } from '../common/config.js';
import { serveSubgraph } from '../common/http.js';
import { configureLogs } from '../common/log.js';
import { startTracing } from '../common/tracing.js';
import {
  dependencyGauge,
  ormPool,
  pastDueTasksGauge,
  PAST_DUE_GRACE_MINUTES,
  ServiceMetrics,
} from '../common/metrics.js';
import { connectClient, hubClient } from '../common/temporal.js';
import { createProcessesOrm } from './orm.js';
import { processesContext } from './kit/context.js';
import { buildProcessesSchema } from './schema.js';
import { createRegistryClient } from './registry/client.js';
import { registerSearchAttributes } from './kit/search-attributes.js';
import { CATALOG } from './catalog.js';
import type { ProcessCatalog } from './kit/process-catalog.js';
import { isEntryPoint } from '../common/entry.js';
import { Health, stopOnSignals } from '../common/health.js';
import { tokenVerifier } from '../common/identity.js';
import { startDeliveryLoop } from './kit/delivery/loop.js';

/** The processes subgraph for `catalog` (the hub's own unless a test hands it another). */
export async function startProcesses(settings = config(), catalog: ProcessCatalog = CATALOG) {
  const orm = await createProcessesOrm(catalog, settings.databaseUrl);
  const connection = await connectClient(settings);
  // Runs are started with the hub's search attributes: they must exist first.
  await registerSearchAttributes(
    connection,
    settings.temporalNamespace,
    catalog.processes.flatMap((p) => p.searchAttributes ?? []),
  );
  const temporal = hubClient(connection, settings); // encrypts what it sends, decrypts what it reads
  // What the processes need made once per Temporal namespace (the yearly Schedules ...).
  for (const process of catalog.processes) await process.onStart?.({ temporal, taskQueue: settings.taskQueue });
  const { schema } = await buildProcessesSchema(catalog);
  const metrics = new ServiceMetrics('processes');
  metrics.watchPool('processes', await ormPool(orm));
  const health = new Health('processes', {
    postgres: () => orm.em.getConnection().execute('select 1'),
    temporal: () => connection.workflowService.getSystemInfo({}),
  });
  dependencyGauge(metrics, () => health.readiness());
  pastDueTasksGauge(metrics, async () => {
    const [row] = await orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        `select count(*) from processes.human_task where status in ('OPEN', 'CLAIMED') and due_at < now() - interval '${PAST_DUE_GRACE_MINUTES} minutes'`,
      );
    return Number(row?.count ?? 0);
  });
  const verify = tokenVerifier(settings);
  const routes = catalog.processes.flatMap((p) => (p.httpRoute ? [p.httpRoute({ orm, verify })] : []));
  const served = await serveSubgraph({
    name: 'processes',
    schema,
    metrics,
    health,
    port: settings.processesPort,
    host: settings.listenHost,
    settings,
    context: processesContext({
      orm,
      temporal,
      registry: createRegistryClient(settings.registryUrl, settings),
      settings,
      catalog,
    }),
    // Plain HTTP of the catalog's processes (the import's large uploads), first one that answers.
    route: (req) => {
      for (const route of routes) {
        const handler = route(req);
        if (handler) return handler;
      }
      return undefined;
    },
  });
  // Email and DingTalk leave from here, off the processes' path (kit/delivery/loop.ts).
  const delivery = settings.notificationDelivery.enabled
    ? startDeliveryLoop(orm, settings.notificationDelivery)
    : undefined;
  return {
    ...served,
    health,
    stop: async () => {
      await delivery?.stop();
      await served.stop();
      await connection.close();
      await orm.close();
    },
  };
}

if (isEntryPoint(import.meta.url)) {
  configureLogs(config().log);
  const tracing = await startTracing(config().tracing, 'processes');
  const processes = await startProcesses();
  stopOnSignals(processes.health, () => processes.stop().finally(() => tracing.shutdown()), {
    delayMs: config().shutdownDelayMs,
  });
}
