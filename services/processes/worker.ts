import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { moduleFile } from '../common/module-path.js';
import { config, type HubConfig } from '../common/config.js';
import { connectClient, connectionOptions, hubClient, hubDataConverter } from '../common/temporal.js';
import { configureLogs, log } from '../common/log.js';
import { ormPool, reportPoolToTemporal } from '../common/metrics.js';
import { installTemporalRuntime, type TemporalRuntimeOptions } from '../common/temporal-runtime.js';
import { startTracing } from '../common/tracing.js';
import { activityTracingInterceptors, workflowSpanSinks } from '../common/tracing-worker.js';
import { createProcessesOrm } from './orm.js';
import { createBatchActivities } from './operations/batch-activities.js';
import { CATALOG } from './catalog.js';
import { collectActivities, type ProcessCatalog } from './kit/process-catalog.js';
import type { ActivityDeps } from './kit/process-definition.js';
import { workflowEntry } from './kit/workflow-bundle.js';
import { createTaskActivities } from './tasks/activities.js';
import { createRegistryClient } from './registry/client.js';
import { registerSearchAttributes } from './kit/search-attributes.js';
import { isEntryPoint } from '../common/entry.js';
import { parseCli } from '../common/cli.js';
import { Health, serveProbes, stopOnSignals } from '../common/health.js';

/** The bundle's entry point: every workflow of the catalog (the hub's own unless given another). */
export const workflowsPath = (catalog: ProcessCatalog = CATALOG) => workflowEntry(catalog);

/**
 * The bundle's workflow interceptors: the traces' (services/common/tracing-workflow.ts), in every bundle, since
 * a bundle is built before anyone knows whether its worker traces; untraced runs pass through.
 * A bundle built elsewhere (test/global-setup.ts) must list them too: bundleWorkflowCode({
 * workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES }).
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [moduleFile('../common/tracing-workflow', import.meta.url)];

/**
 * Installs the process's Temporal Runtime (services/common/temporal-runtime.ts): the SDK's lines
 * through the hub's log, its own from WARN up (its INFO lines include the whole bundler report),
 * and the worker's Prometheus exporter when `metricsAddress` is given (off unless asked, so the
 * tests' many workers never compete for a port). Must run before the first Temporal connection
 * of the process; later calls change nothing.
 */
export function quietTemporalLogs(options: TemporalRuntimeOptions = {}): { metricsAddress?: string } {
  return installTemporalRuntime(options);
}

/** The task kit's activities and every catalogued process's, with a duplicate name refused. */
export function hubActivities(deps: ActivityDeps, catalog: ProcessCatalog = CATALOG) {
  return collectActivities({
    'the task kit': createTaskActivities({ orm: deps.orm, registry: deps.registry }),
    'batch operations': createBatchActivities({ ...deps, catalog }),
    ...Object.fromEntries(catalog.processes.map((process) => [process.processType, process.activities(deps)])),
  });
}

/**
 * Where the workflow code comes from: a bundle built once (tests share one per run, handed over
 * in HUB_WORKFLOW_BUNDLE, built with WORKFLOW_INTERCEPTOR_MODULES from the hub's catalog) or the
 * catalog's workflows, bundled by this worker with them (always for a catalog of one's own).
 */
export function workflowSource(catalog: ProcessCatalog = CATALOG): Pick<
  WorkerOptions,
  'workflowBundle' | 'workflowsPath'
> & {
  workflowModules: string[];
} {
  const bundle = catalog === CATALOG ? process.env.HUB_WORKFLOW_BUNDLE : undefined;
  return bundle
    ? { workflowBundle: { codePath: bundle }, workflowModules: [] }
    : { workflowsPath: workflowsPath(catalog), workflowModules: WORKFLOW_INTERCEPTOR_MODULES };
}

/**
 * The worker's slots and sticky cache from WORKER_* (config.ts), each left to the SDK when unset.
 * One worker is one process: to run more workflow tasks at once, add replicas on the same task
 * queue before raising the slots (docs/operations.md says what each costs).
 */
export function workerTuning(settings: Pick<HubConfig, 'worker'>): Partial<WorkerOptions> {
  const { shutdownGraceMs, ...slots } = settings.worker;
  const defined = Object.fromEntries(Object.entries(slots).filter(([, value]) => value !== undefined));
  // On SIGTERM: no new tasks are polled, running activities get this long to finish, and what
  // is still running then is cancelled so that Temporal retries it on another worker.
  return { ...defined, shutdownGraceTime: shutdownGraceMs };
}

/** Marked by services/processes/workflow-stack-traces.ts on the main thread when node preloaded it. */
const STACK_TRACES_PRELOADED = Symbol.for('chamber-hub.workflow-stack-traces');

/**
 * Says so when WORKFLOW_STACK_TRACES=off cannot take effect: the SDK sets its promise hook inside
 * its own threads, which only a preload of this process reaches (docs/operations.md).
 */
function checkStackTraceSwitch(settings: Pick<HubConfig, 'workflowStackTraces'>) {
  if (settings.workflowStackTraces || (globalThis as Record<symbol, unknown>)[STACK_TRACES_PRELOADED]) return;
  log.warn(
    'WORKFLOW_STACK_TRACES is off but node was started without --import <dist/>services/processes/workflow-stack-traces.js: the workflow threads keep the stack-trace hook',
    { service: 'worker' },
  );
}

/** Runs the catalog's workflows and activities (the hub's own unless a test hands it another) until stopped. */
export async function startWorker(
  settings: HubConfig = config(),
  options: { orm?: MikroORM; catalog?: ProcessCatalog } = {},
) {
  const catalog = options.catalog ?? CATALOG;
  checkStackTraceSwitch(settings);
  const orm = options.orm ?? (await createProcessesOrm(catalog, settings.databaseUrl));
  // The same TLS / API key and the same payload codec for the worker and its client.
  const connection = await NativeConnection.connect(connectionOptions(settings));
  const clientConnection = await connectClient(settings);
  await registerSearchAttributes(
    clientConnection,
    settings.temporalNamespace,
    catalog.processes.flatMap((p) => p.searchAttributes ?? []),
  );
  const temporal = hubClient(clientConnection, settings);
  const registry = createRegistryClient(settings.registryUrl, settings);
  // The worker's pool on the SDK's exporter (a no-op meter when the Runtime has no metrics).
  const stopPoolReport = reportPoolToTemporal(Runtime.instance().metricMeter, 'processes', await ormPool(orm));
  const { workflowModules, ...source } = workflowSource(catalog);
  const worker = await Worker.create({
    connection,
    namespace: settings.temporalNamespace,
    taskQueue: settings.taskQueue,
    dataConverter: hubDataConverter(settings),
    ...source,
    activities: hubActivities({ orm, registry, temporal }, catalog),
    // Traces (services/common/tracing-worker.ts): the activities' spans when this process traces;
    // the workflows' spans come through the sink, registered either way.
    interceptors: { activity: activityTracingInterceptors(), workflowModules },
    sinks: workflowSpanSinks(),
    ...workerTuning(settings),
  });
  const running = worker.run();
  log.info(`polling task queue "${settings.taskQueue}" at ${settings.temporalAddress}`, { service: 'worker' });
  const health = new Health('worker', {
    worker: async () => {
      if (worker.getState() !== 'RUNNING') throw new Error(`the worker is ${worker.getState().toLowerCase()}`);
    },
    temporal: () => clientConnection.workflowService.getSystemInfo({}),
    postgres: () => orm.em.getConnection().execute('select 1'),
  });
  return {
    worker,
    health,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      stopPoolReport();
      await connection.close();
      await clientConnection.close();
      if (!options.orm) await orm.close();
    },
  };
}

if (isEntryPoint(import.meta.url)) {
  parseCli({
    usage: 'npm run worker',
    about:
      "The Temporal worker alone: the hub's workflows and activities on TEMPORAL_TASK_QUEUE (configured by the environment).",
  });
  configureLogs(config().log);
  const tracing = await startTracing(config().tracing, 'worker');
  const { metricsAddress } = quietTemporalLogs({ metricsAddress: config().workerMetricsAddress });
  if (metricsAddress) log.info(`worker metrics at http://${metricsAddress}/metrics`, { service: 'worker' });
  const running = await startWorker();
  // The worker has no HTTP server of its own: a small one answers the probes.
  const probes = await serveProbes(running.health, config().workerProbePort, config().listenHost);
  log.info(`worker probes at ${probes.url}/healthz and /readyz`, { service: 'worker' });
  stopOnSignals(
    running.health,
    async () => {
      await running.stop(); // finishes (or hands back) its tasks first
      await probes.stop();
      await tracing.shutdown();
    },
    { delayMs: 0, deadlineMs: config().worker.shutdownGraceMs + 30_000 },
  );
}
