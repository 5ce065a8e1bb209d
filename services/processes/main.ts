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
import { processesContext } from './context.js';
import { buildProcessesSchema } from './schema.js';
import { createRegistryClient } from './registry/client.js';
import { registerSearchAttributes } from './search-attributes.js';
import { ensureEvaluationSchedules } from './evaluation/schedule.js';
import { Health, stopOnSignals } from '../common/health.js';

export async function startProcesses(settings = config()) {
  const orm = await createProcessesOrm(settings.databaseUrl);
  const connection = await connectClient(settings);
  // Runs are started with the hub's search attributes: they must exist first.
  await registerSearchAttributes(connection, settings.temporalNamespace);
  const temporal = hubClient(connection, settings); // encrypts what it sends, decrypts what it reads
  // The yearly evaluation campaigns, made once in whatever Temporal namespace the hub uses.
  await ensureEvaluationSchedules(temporal, settings.taskQueue);
  const { schema } = await buildProcessesSchema();
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
    }),
  });
  return {
    ...served,
    health,
    stop: async () => {
      await served.stop();
      await connection.close();
      await orm.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  configureLogs(config().log);
  const tracing = await startTracing(config().tracing, 'processes');
  const processes = await startProcesses();
  stopOnSignals(processes.health, () => processes.stop().finally(() => tracing.shutdown()), {
    delayMs: config().shutdownDelayMs,
  });
}
