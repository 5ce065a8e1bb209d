import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { token } from '../support/hub.js';
import { freePort } from '../../infra/dev/ports.js';
import { Cleanup, eventually, hubEnv, seededDatabase, startParts } from '../support/processes.js';
import { applyForTraining, decide, OFFICER, openTask } from '../support/remote-training.js';
import { startDevTemporal, type DevTemporal } from '../../infra/dev/temporal.js';
import { seedOrganizationId } from '../../infra/seed/run.js';

// The Temporal server restarted. A dev server of the test's own that keeps its history in a
// file (the suite's server is in memory and serves every other test), stopped and started
// again on the same port while a training application waits for the chamber's decision. The
// hub's processes (subgraph and worker) are not restarted: their connections must come back
// by themselves, and the run must go on from where it was.

const cleanup = new Cleanup();
let temporal: DevTemporal;
let gatewayUrl: string;
let port: number;
let dbFile: string;

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-faults-temporal-'));
  cleanup.add('history folder', async () => rmSync(folder, { recursive: true, force: true }));
  dbFile = join(folder, 'temporal.db');
  port = await freePort();
  temporal = await startDevTemporal({ port, dbFile });
  cleanup.add('temporal', () => temporal.stop());
  const database = await seededDatabase('faults_temporal');
  cleanup.add('database', database.stop);
  const env = await hubEnv({ DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address });
  await startParts(['registry', 'processes', 'worker', 'gateway'], env, cleanup);
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
}, 180_000);
afterAll(() => cleanup.run());

describe('the Temporal server restarted', () => {
  it('lets an application opened before the restart be decided after it', async () => {
    const enrollment = await applyForTraining(gatewayUrl);
    const approver = await token(['APPROVER'], [seedOrganizationId('wenzhou')]);
    const taskId = await openTask(gatewayUrl, enrollment.id, approver);

    await temporal.stop();
    temporal = await startDevTemporal({ port, dbFile });

    // The subgraph's client and the worker reconnect on their own; the first decision may meet
    // them still reconnecting, so it is retried (the update id is the task id: one decision).
    const stage = await eventually(
      'the endorsement after the restart',
      async () => decide(gatewayUrl, taskId, approver),
      60_000,
      500,
    );
    expect(stage).toBe('AWAITING_CONFIRMATION');
    const officer = await token(['FEDERATION_OFFICER'], [], OFFICER);
    expect(await decide(gatewayUrl, await openTask(gatewayUrl, enrollment.id, officer), officer)).toBe('ENROLLED');
  }, 120_000);
});
