import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import { config, type HubConfig } from '../common/config.js';
import { connectClient, connectionOptions, hubClient, hubDataConverter } from '../common/temporal.js';
import { createProcessesOrm } from './orm.js';
import { CATALOG, collectActivities } from './catalog.js';
import type { ActivityDeps } from './process-definition.js';
import { createTaskActivities } from './tasks/activities.js';
import { createRegistryClient } from './registry/client.js';
import { registerSearchAttributes } from './search-attributes.js';

/** The bundle's entry point: every workflow the hub runs. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

/**
 * Keeps the SDK to warnings (its INFO lines include the whole bundler report). Must run before
 * the first Temporal connection of the process; later calls change nothing.
 */
export function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // A runtime already exists (e.g. a test environment created it first): keep its logger.
  }
}

/** The task kit's activities and every catalogued process's, with a duplicate name refused. */
export function hubActivities(deps: ActivityDeps) {
  return collectActivities({
    'the task kit': createTaskActivities({ orm: deps.orm }),
    ...Object.fromEntries(CATALOG.map((process) => [process.processType, process.activities(deps)])),
  });
}

/**
 * Where the workflow code comes from: a bundle built once (tests share one per run, handed over
 * in HUB_WORKFLOW_BUNDLE) or the source, bundled by this worker.
 */
export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const bundle = process.env.HUB_WORKFLOW_BUNDLE;
  return bundle ? { workflowBundle: { codePath: bundle } } : { workflowsPath: WORKFLOWS_PATH };
}

/** Runs the hub's workflows and activities until stopped. */
export async function startWorker(settings: HubConfig = config(), options: { orm?: MikroORM } = {}) {
  const orm = options.orm ?? (await createProcessesOrm(settings.databaseUrl));
  // The same TLS / API key and the same payload codec for the worker and its client.
  const connection = await NativeConnection.connect(connectionOptions(settings));
  const clientConnection = await connectClient(settings);
  await registerSearchAttributes(clientConnection, settings.temporalNamespace);
  const temporal = hubClient(clientConnection, settings);
  const registry = createRegistryClient(settings.registryUrl, { jwtSecret: settings.jwtSecret });
  const worker = await Worker.create({
    connection,
    namespace: settings.temporalNamespace,
    taskQueue: settings.taskQueue,
    dataConverter: hubDataConverter(settings),
    ...workflowSource(),
    activities: hubActivities({ orm, registry, temporal }),
  });
  const running = worker.run();
  console.log(`[worker] polling task queue "${settings.taskQueue}" at ${settings.temporalAddress}`);
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
      if (!options.orm) await orm.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  quietTemporalLogs();
  const running = await startWorker();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop());
}
