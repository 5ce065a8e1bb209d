import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { SEED_COURSE, seedOrganizationId } from '../../infra/seed/run.js';
import { createTimeSkippingEnv, createTrainingWorker } from '../../test/support/time-skipping.js';
import {
  decideUpdate, stateQuery, taskOpenedUpdate, trainingWorkflowId, TRAINING_WORKFLOW_TYPE,
  type Decision, type EnrollmentRequest, type EnrollmentState,
} from './types.js';

// The training workflow on Temporal's time-skipping server with the real activities writing to
// the test run's PostgreSQL: the 14-day endorsement deadline passes in seconds.
// SAVE_HISTORIES=1 also writes each run's history to ./histories for replay.test.ts.

const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORIES = fileURLToPath(new URL('./histories/', import.meta.url));

let env: TestWorkflowEnvironment;
let orm: MikroORM;
const workers: { worker: Worker; running: Promise<void> }[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  orm = await createProcessesOrm(inject('databaseUrl'), { poolMax: 4 });
});

afterAll(async () => {
  for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  await Promise.all(workers.map(({ running }) => running));
  await env?.teardown();
  await orm?.close();
});

/** Starts one enrollment on its own task queue (and worker), so tests cannot steal each other's tasks. */
async function startEnrollment(name: string, endorsementDeadlineMs = 14 * DAY_MS) {
  const taskQueue = `training-${name}-${randomUUID()}`;
  const worker = await createTrainingWorker(env, { orm, taskQueue });
  workers.push({ worker, running: worker.run() });
  const request: EnrollmentRequest = {
    enrollmentId: randomUUID(),
    taskId: randomUUID(),
    courseId: SEED_COURSE.id,
    courseTitle: SEED_COURSE.title,
    personName: '王小明',
    organizationId: seedOrganizationId('wenzhou'),
    organizationName: '嘉兴市温州商会',
    requestedBy: 'test-integrator',
    endorsementDeadlineMs,
  };
  const handle = await env.client.workflow.start(TRAINING_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: trainingWorkflowId(request.enrollmentId),
    args: [request],
  });
  // Decisions are only accepted once the task exists; this waits for openEndorsementTask.
  await handle.executeUpdate(taskOpenedUpdate);
  return { request, handle };
}

async function row<R>(text: string, id: string): Promise<R> {
  const rows = await orm.em.getConnection().execute<R[]>(text, [id]);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const enrollmentRow = (id: string) =>
  row<{ status: string; closed_at: Date | null }>('select status, closed_at from processes.training_enrollment where id = ?', id);
const taskRow = (id: string) =>
  row<{ status: string; decision: string | null; decided_by: string | null }>(
    'select status, decision, decided_by from processes.human_task where id = ?', id);

/**
 * Keeps the finished run's history as a replay fixture when asked to. JSON.stringify uses the
 * History message's own toJSON; replay.test.ts reads it back with History.fromObject. (The SDK's
 * historyToJSON would give the `temporal workflow show` format, but it fails with "type must be a
 * Type" here: @temporalio/common and @temporalio/proto each get their own nested protobufjs 8.)
 */
async function maybeSaveHistory(name: string, handle: WorkflowHandle) {
  if (process.env.SAVE_HISTORIES !== '1') return;
  mkdirSync(HISTORIES, { recursive: true });
  writeFileSync(`${HISTORIES}${name}.json`, `${JSON.stringify(await handle.fetchHistory(), null, 2)}\n`);
}

const decision = (taskId: string, value: Decision['decision']): Decision =>
  ({ taskId, decision: value, comment: '测试', decidedBy: 'secretary-wenzhou' });

describe('trainingEnrollment on the time-skipping server', () => {
  it('expires an application nobody endorses within 14 days', async () => {
    const { request, handle } = await startEnrollment('expired');
    const startedAt = await env.currentTimeMs();

    await env.sleep('13 days');
    expect((await taskRow(request.taskId)).status).toBe('OPEN');
    expect((await enrollmentRow(request.enrollmentId)).status).toBe('AWAITING_ENDORSEMENT');
    expect(await handle.query(stateQuery)).toMatchObject({ status: 'AWAITING_ENDORSEMENT', openTaskId: request.taskId });

    // Awaiting the result lets the server skip the remaining day to the deadline.
    const result: EnrollmentState = await handle.result();
    expect(result).toEqual({ status: 'EXPIRED', openTaskId: null, decision: null });
    expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(14 * DAY_MS - 60_000);

    const enrollment = await enrollmentRow(request.enrollmentId);
    expect(enrollment.status).toBe('EXPIRED');
    expect(enrollment.closed_at).not.toBeNull();
    expect((await taskRow(request.taskId)).status).toBe('EXPIRED');
    await maybeSaveHistory('expired', handle);
  });

  it('enrols on approval and rejects a decision for another task without changing state', async () => {
    const { request, handle } = await startEnrollment('approved');

    const stray = randomUUID();
    const rejected = handle.executeUpdate(decideUpdate, { args: [decision(stray, 'APPROVE')], updateId: stray });
    await expect(rejected).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(rejected).rejects.toMatchObject({ cause: { message: `Task ${stray} is not open in this enrollment` } });
    expect(await handle.query(stateQuery)).toEqual({ status: 'AWAITING_ENDORSEMENT', openTaskId: request.taskId, decision: null });
    expect((await taskRow(request.taskId)).status).toBe('OPEN');

    const state = await handle.executeUpdate(decideUpdate, { args: [decision(request.taskId, 'APPROVE')], updateId: request.taskId });
    expect(state).toMatchObject({ status: 'ENROLLED', openTaskId: null, decision: { taskId: request.taskId, decision: 'APPROVE' } });
    expect((await handle.result()).status).toBe('ENROLLED');

    const enrollment = await enrollmentRow(request.enrollmentId);
    expect(enrollment.status).toBe('ENROLLED');
    expect(enrollment.closed_at).not.toBeNull();
    expect(await taskRow(request.taskId)).toEqual({ status: 'DONE', decision: 'APPROVE', decided_by: 'secretary-wenzhou' });
    await maybeSaveHistory('approved', handle);
  });

  it('ends REJECTED when the chamber rejects', async () => {
    const { request, handle } = await startEnrollment('rejected');

    const state = await handle.executeUpdate(decideUpdate, { args: [decision(request.taskId, 'REJECT')], updateId: request.taskId });
    expect(state.status).toBe('REJECTED');
    expect((await handle.result()).status).toBe('REJECTED');

    expect((await enrollmentRow(request.enrollmentId)).status).toBe('REJECTED');
    expect(await taskRow(request.taskId)).toEqual({ status: 'DONE', decision: 'REJECT', decided_by: 'secretary-wenzhou' });
    await maybeSaveHistory('rejected', handle);
  });
});
