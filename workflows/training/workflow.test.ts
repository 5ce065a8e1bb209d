import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { CATALOG } from '../../services/processes/catalog.js';
import { TrainingCourse } from '../../services/processes/training/course.js';
import { seedOrganizationId } from '../../infra/seed/run.js';
import {
  createHubWorker,
  createTimeSkippingEnv,
  maybeSaveHistory as saveHistory,
} from '../../test/support/time-skipping.js';
import { staffOf } from '../../test/support/training.js';
import { decideUpdate, extendTaskUpdate, type DecisionReport, type TaskDecision } from '../human-task/contracts.js';
import {
  applicationWorkflowId,
  attendanceUpdate,
  stateQuery,
  taskOpenedUpdate,
  TRAINING_WORKFLOW_TYPE,
  withdrawUpdate,
  type TrainingApplication,
  type TrainingState,
} from './types.js';

// The training workflow on Temporal's time-skipping server with the real activities writing to
// the test run's PostgreSQL and registry: weeks of deadlines pass in seconds.
// SAVE_HISTORIES=1 also writes each run's history to ./histories for replay.test.ts.

const DAY = 24 * 60 * 60 * 1000;
const HISTORIES = new URL('./histories/', import.meta.url);
const maybeSaveHistory = (name: string, handle: WorkflowHandle) => saveHistory(HISTORIES, name, handle);
const wenzhou = seedOrganizationId('wenzhou');
/** Escalated to the officers of the Federations that supervise the chamber: Jiaxing's and the province's. */
const SUPERVISING_OFFICERS = ['federation', 'federation-zhejiang']
  .map((key) => `role:FEDERATION_OFFICER@fed:${seedOrganizationId(key)}`)
  .sort();

let env: TestWorkflowEnvironment;
let orm: MikroORM;
const workers: { worker: Worker; running: Promise<void> }[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 4 });
});

afterAll(async () => {
  for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  await Promise.all(workers.map(({ running }) => running));
  await env?.teardown();
  await orm?.close();
});

/** A course on its own task queue (and worker), so tests cannot steal each other's tasks. */
async function course(capacity: number, { days = 2, startsInDays = 30 } = {}) {
  const taskQueue = `training-${randomUUID()}`;
  const worker = await createHubWorker(env, { orm, taskQueue });
  workers.push({ worker, running: worker.run() });
  const startsOn = new Date((await env.currentTimeMs()) + startsInDays * DAY).toISOString().slice(0, 10);
  const em = orm.em.fork();
  const row = em.create(TrainingCourse, { title: '时间快进培训班', days, capacity, startsOn, completionDays: days });
  await em.flush();
  return { taskQueue, course: { id: row.id, title: row.title, days, startsOn, completionDays: days } };
}

async function apply(where: Awaited<ReturnType<typeof course>>, name: string) {
  const personId = await staffOf(wenzhou, name);
  const application: TrainingApplication = {
    enrollmentId: randomUUID(),
    workflowId: applicationWorkflowId(where.course.id, personId),
    endorseTaskId: randomUUID(),
    course: where.course,
    personId,
    personName: name,
    organizationId: wenzhou,
    organizationName: '嘉兴市温州商会',
    requestedBy: 'test-integrator',
    deadlines: { endorsementMs: 14 * DAY, escalationMs: 3 * DAY, confirmationMs: 7 * DAY },
  };
  const handle = await env.client.workflow.start(TRAINING_WORKFLOW_TYPE, {
    taskQueue: where.taskQueue,
    workflowId: application.workflowId,
    args: [application],
  });
  await handle.executeUpdate(taskOpenedUpdate);
  return { application, handle };
}

const decision = (taskId: string, value: string, decidedBy = 'secretary-wenzhou'): TaskDecision => ({
  taskId,
  decision: value,
  comment: '测试',
  decidedBy,
  values: value === 'REJECT' ? { reason: '测试' } : null,
});

async function decide(
  handle: WorkflowHandle,
  taskId: string,
  value: string,
  decidedBy?: string,
): Promise<TrainingState> {
  // The update answers a DecisionReport: the application and its state once the workflow has acted.
  const report = (await handle.executeUpdate(decideUpdate, {
    args: [decision(taskId, value, decidedBy)],
    updateId: taskId,
  })) as DecisionReport<TrainingApplication, TrainingState>;
  return report.state;
}

/** Endorsed and confirmed: the update answers once the seat rule has placed the application. */
async function admit(handle: WorkflowHandle, application: TrainingApplication): Promise<TrainingState> {
  const endorsed = await decide(handle, application.endorseTaskId, 'APPROVE');
  expect(endorsed.status).toBe('AWAITING_CONFIRMATION');
  return decide(handle, endorsed.openTaskId!, 'APPROVE', 'officer-li');
}

async function sql<R>(text: string, ...values: unknown[]): Promise<R[]> {
  return orm.em.getConnection().execute<R[]>(text, values);
}

/** Activities started by a timer finish in real time after env.sleep returns: poll briefly. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 40 && !check(value); attempt++) {
    await new Promise((done) => setTimeout(done, 100));
    value = await read();
  }
  return value;
}

const taskRow = (id: string) =>
  sql<{ status: string; escalated: boolean; candidate_keys: string[] }>(
    'select status, escalated, candidate_keys from processes.human_task where id = ?',
    id,
  ).then((rows) => rows[0]);
const notificationKinds = (taskId: string) =>
  sql<{ kind: string }>(
    'select kind from processes.task_notification where task_id = ? order by created_at',
    taskId,
  ).then((rows) => rows.map((r) => r.kind));
const enrollmentStatus = (id: string) =>
  sql<{ status: string }>('select status from processes.training_enrollment where id = ?', id).then(
    (rows) => rows[0].status,
  );

describe('trainingEnrollment on the time-skipping server', () => {
  it('reminds at the follow-up date, escalates to the Federation at the due date, then expires', async () => {
    const where = await course(5);
    const { application, handle } = await apply(where, '孙一');
    const taskId = application.endorseTaskId;
    const startedAt = await env.currentTimeMs();

    await env.sleep(7 * DAY + 3_600_000);
    expect(
      await eventually(
        () => notificationKinds(taskId),
        (kinds) => kinds.length > 0,
      ),
    ).toEqual(['REMINDER']);
    expect(await taskRow(taskId)).toMatchObject({ status: 'OPEN', escalated: false });

    await env.sleep(7 * DAY);
    const escalated = await eventually(
      () => taskRow(taskId),
      (row) => row.escalated,
    );
    expect({ ...escalated, candidate_keys: [...escalated.candidate_keys].sort() }).toEqual({
      status: 'OPEN',
      escalated: true,
      candidate_keys: SUPERVISING_OFFICERS,
    });
    expect(await notificationKinds(taskId)).toEqual(['REMINDER', 'ESCALATION']);
    // The chamber it was taken from is told, beside the officers it went to.
    const [escalation] = await sql<{ audience: string[] }>(
      "select audience from processes.task_notification where task_id = ? and kind = 'ESCALATION'",
      taskId,
    );
    expect([...escalation.audience].sort()).toEqual([`role:APPROVER@org:${wenzhou}`, ...SUPERVISING_OFFICERS].sort());

    // Awaiting the result lets the server skip the escalation's three days.
    const result = (await handle.result()) as TrainingState;
    expect(result.status).toBe('EXPIRED');
    expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(17 * DAY - 60_000);
    expect((await taskRow(taskId)).status).toBe('EXPIRED');
    expect(await enrollmentStatus(application.enrollmentId)).toBe('EXPIRED');
    // A decision after the end is refused by the workflow, not recorded.
    await expect(
      handle.executeUpdate(decideUpdate, { args: [decision(taskId, 'APPROVE')], updateId: randomUUID() }),
    ).rejects.toThrow();
    await maybeSaveHistory('expired-v3', handle);
  });

  it("makes the chamber's task and its escalation fall due before a near course starts", async () => {
    const where = await course(5, { startsInDays: 6 });
    const { application, handle } = await apply(where, '孙九');
    const startsAt = Date.parse(`${where.course.startsOn}T00:00:00+08:00`);
    const dueOf = async () =>
      new Date(
        (
          await sql<{ due_at: string }>(
            'select due_at from processes.human_task where id = ?',
            application.endorseTaskId,
          )
        )[0].due_at,
      );
    // The usual 14 days would end after the first day; the whole chain (14 + 3 + 7 days) shrinks.
    const due = (await dueOf()).getTime();
    expect(startsAt - (await env.currentTimeMs())).toBeLessThan(14 * DAY);
    expect(due).toBeLessThan(startsAt);
    await env.sleep(due - (await env.currentTimeMs()) + 3_600_000);
    await eventually(
      () => taskRow(application.endorseTaskId),
      (row) => row.escalated,
    );
    expect((await dueOf()).getTime()).toBeLessThan(startsAt);
    await maybeSaveHistory('due-before-course-v3', handle);
  });

  it('moves the deadline when an admin extends the task (extendTask): no escalation at the old due date', async () => {
    const where = await course(5, { startsInDays: 60 });
    const { application, handle } = await apply(where, '孙七');
    const taskId = application.endorseTaskId;
    const dueAt = (await env.currentTimeMs()) + 14 * DAY;
    await expect(
      handle.executeUpdate(extendTaskUpdate, { args: [{ taskId, dueAt: (await env.currentTimeMs()) - 1 }] }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    await handle.executeUpdate(extendTaskUpdate, { args: [{ taskId, dueAt: dueAt + 10 * DAY }] });
    await env.sleep(14 * DAY + 3_600_000);
    expect(await taskRow(taskId)).toMatchObject({ status: 'OPEN', escalated: false });
    await env.sleep(10 * DAY);
    expect(
      await eventually(
        () => taskRow(taskId),
        (row) => row.escalated,
      ),
    ).toMatchObject({ status: 'OPEN', candidate_keys: expect.arrayContaining(SUPERVISING_OFFICERS) as string[] });
  });

  it('closes the task and marks the application when an admin cancels the run, which ends CANCELLED', async () => {
    const where = await course(5);
    const { application, handle } = await apply(where, '孙八');
    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    expect((await taskRow(application.endorseTaskId)).status).toBe('CANCELLED');
    expect(await enrollmentStatus(application.enrollmentId)).toBe('CANCELLED');
  });

  it('lets the Federation officer decide an escalated endorsement', async () => {
    const where = await course(5);
    const { application, handle } = await apply(where, '孙二');
    await env.sleep(14 * DAY + 3_600_000);
    await eventually(
      () => taskRow(application.endorseTaskId),
      (row) => row.escalated,
    );
    const state = await decide(handle, application.endorseTaskId, 'APPROVE', 'officer-li');
    expect(state.status).toBe('AWAITING_CONFIRMATION');
  });

  it('refuses a malformed or stray decision in the validator, leaving the state as it was', async () => {
    const where = await course(5);
    const { application, handle } = await apply(where, '孙三');
    const stray = randomUUID();
    await expect(
      handle.executeUpdate(decideUpdate, { args: [decision(stray, 'APPROVE')], updateId: stray }),
    ).rejects.toMatchObject({ cause: { message: `Task ${stray} is not open in this process` } });
    const noReason = { ...decision(application.endorseTaskId, 'REJECT'), values: null };
    await expect(handle.executeUpdate(decideUpdate, { args: [noReason], updateId: randomUUID() })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );
    expect(await handle.query(stateQuery)).toMatchObject({
      status: 'AWAITING_ENDORSEMENT',
      openTaskId: application.endorseTaskId,
      decision: null,
    });
    const rejected = await decide(handle, application.endorseTaskId, 'REJECT');
    expect(rejected.status).toBe('REJECTED');
    await maybeSaveHistory('rejected-v3', handle);
  });

  it('promotes the first on the waiting list when a seat frees, and certifies completion once', async () => {
    const where = await course(1);
    const first = await apply(where, '周甲');
    const second = await apply(where, '周乙');
    expect((await admit(first.handle, first.application)).status).toBe('ENROLLED');
    expect((await admit(second.handle, second.application)).status).toBe('WAITLISTED');

    const withdrawn = await first.handle.executeUpdate(withdrawUpdate, {
      args: [{ by: 'secretary-wenzhou', reason: '另有安排' }],
    });
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(
      (
        await eventually(
          () => second.handle.query(stateQuery),
          (s) => s.status === 'ENROLLED',
        )
      ).status,
    ).toBe('ENROLLED');
    expect(await enrollmentStatus(second.application.enrollmentId)).toBe('ENROLLED');

    for (const day of [1, 2])
      await second.handle.executeUpdate(attendanceUpdate, {
        args: [{ day, attended: true, recordedBy: 'officer-li' }],
      });
    const result = (await second.handle.result()) as TrainingState;
    expect(result.status).toBe('COMPLETED');
    const certificates = await sql<{ id: string; person_id: string }>(
      'select id, person_id from registry.certification where idempotency_key = ?',
      `training-certificate:${second.application.enrollmentId}`,
    );
    expect(certificates).toEqual([{ id: result.certificateId, person_id: second.application.personId }]);
    await maybeSaveHistory('completed-v3', second.handle);
  });

  it('ends a wait-listed application when the course starts without a free seat', async () => {
    const where = await course(1, { startsInDays: 3 });
    const first = await apply(where, '吴甲');
    const second = await apply(where, '吴乙');
    await admit(first.handle, first.application);
    expect((await admit(second.handle, second.application)).status).toBe('WAITLISTED');
    expect(((await second.handle.result()) as TrainingState).status).toBe('EXPIRED');
    expect(await enrollmentStatus(second.application.enrollmentId)).toBe('EXPIRED');
    expect(await enrollmentStatus(first.application.enrollmentId)).toBe('ENROLLED');
  });
});
