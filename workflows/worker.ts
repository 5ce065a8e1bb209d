import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { config, type HubConfig } from '../services/shared/config.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { createTrainingActivities } from './training/activities.js';

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

/** Runs the hub's workflows and activities until stopped. */
export async function startWorker(settings: HubConfig = config()) {
  const orm = await createProcessesOrm(settings.databaseUrl);
  const connection = await NativeConnection.connect({ address: settings.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: settings.temporalNamespace,
    taskQueue: settings.taskQueue,
    workflowsPath: fileURLToPath(new URL('./index.ts', import.meta.url)),
    activities: { ...createTrainingActivities({ orm }) },
  });
  const running = worker.run();
  console.log(`[worker] polling task queue "${settings.taskQueue}" at ${settings.temporalAddress}`);
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await orm.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  quietTemporalLogs();
  const running = await startWorker();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop());
}
