import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { temporalClient } from '../support/hub.js';
import {
  Cleanup,
  eventually,
  hubEnv,
  seededDatabase,
  startDelayProxy,
  startPart,
  startParts,
  type Child,
  type DelayProxy,
} from '../support/processes.js';
import { applyForTraining, attend, endorseAndConfirm } from '../support/remote-training.js';
import { beginCourseOf } from '../support/training.js';

// The worker killed (SIGKILL) in the middle of an activity and started again. The activity is
// the completion certificate's write-back to the registry, the one side effect of the training
// process outside the hub's own tables. The worker reaches the registry through a proxy that
// lets the write through but swallows the answer: the certificate exists, the activity has not
// finished, and then the worker dies. Temporal gives the attempt up after its start-to-close
// timeout (30 s in the workflow) and runs it again on the new worker, first against a registry
// that is down as well (retried), then against the registry back up; the write carries the same
// idempotency key each time: one certificate, and the run COMPLETED.

const cleanup = new Cleanup();
let env: Record<string, string>;
let worker: Child;
let registry: Child;
let proxy: DelayProxy;
let gatewayUrl: string;
let db: pg.Pool;

beforeAll(async () => {
  const database = await seededDatabase('faults_worker');
  cleanup.add('database', database.stop);
  db = new pg.Pool({ connectionString: database.url, max: 2 });
  cleanup.add('pool', () => db.end());
  env = await hubEnv({ DATABASE_URL: database.url });
  ({ registry } = await startParts(['registry', 'processes'], env, cleanup));
  proxy = await startDelayProxy(env.REGISTRY_URL, cleanup);
  [worker] = await Promise.all([
    startPart('worker', { ...env, REGISTRY_URL: proxy.url }, cleanup),
    startPart('gateway', env, cleanup),
  ]);
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
}, 180_000);
afterAll(() => cleanup.run());

const certificates = async (personId: string) =>
  (await db.query<{ id: string }>('select id from registry.certification where person_id = $1', [personId])).rows;

describe('the worker killed in the middle of an activity', () => {
  it('completes the run after a restart, and the certificate is written once', async () => {
    const enrollment = await applyForTraining(gatewayUrl, 1);
    expect(await endorseAndConfirm(gatewayUrl, enrollment.id)).toBe('ENROLLED');

    await beginCourseOf((text, values) => db.query(text, values), enrollment.id);
    proxy.swallowAnswers = true;
    await attend(gatewayUrl, enrollment.id, 1); // the last day: the workflow issues the certificate
    // The registry has written it; the activity is still waiting for the answer.
    await eventually(
      'the certificate in the registry',
      async () => ((await certificates(enrollment.personId)).length ? true : undefined),
      20_000,
      50,
    );
    await worker.kill();
    const handle = (await temporalClient()).workflow.getHandle(enrollment.workflowId);
    const pending = (await handle.describe()).raw.pendingActivities ?? [];
    expect(pending.map((a) => a.activityType?.name)).toEqual(['issueCertificate']);

    // The registry goes down too: the retry on the new worker fails, and is retried again.
    await registry.stop();
    proxy.swallowAnswers = false;
    worker = await startPart('worker', { ...env, REGISTRY_URL: proxy.url }, cleanup, 'worker (restarted)');
    await eventually(
      'a retry that met the registry down',
      async () => {
        const [activity] = (await handle.describe()).raw.pendingActivities ?? [];
        // Attempt 1 timed out with the old worker, attempt 2 failed on the registry (its message
        // is encrypted in the history, like every failure's): the third is due.
        return (activity?.attempt ?? 0) >= 3 ? true : undefined;
      },
      60_000,
      500,
    );
    registry = await startPart('registry', env, cleanup, 'registry (restarted)');
    const result = await handle.result();
    expect(result.status).toBe('COMPLETED');
    const rows = await certificates(enrollment.personId);
    expect(rows).toHaveLength(1);
    expect(result.certificateId).toBe(rows[0].id);
    const [row] = (
      await db.query('select status, certificate_id from processes.training_enrollment where id = $1', [enrollment.id])
    ).rows;
    expect(row).toEqual({ status: 'COMPLETED', certificate_id: rows[0].id });
  }, 120_000);
});
