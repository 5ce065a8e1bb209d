import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, gql, sql, temporalClient, token, type GraphQLResponse } from './support/hub.js';
import { procurementWorld } from './support/procurement-world.js';
import { until } from './support/until.js';
import { BATCH_WORKFLOW_TYPE } from '../workflows/operations/batch.js';
import { ORGANIZATION_ID, PROCESS_TYPE } from '../workflows/human-task/search-attributes.js';
import { PROCUREMENT_WORKFLOW_TYPE, procurementWorkflowId, submitBidUpdate } from '../workflows/procurement/types.js';
import { DEFAULT_DEADLINES } from '../services/processes/procurement/params.js';

// Admins operate runs through the gateway (issue 10, §3): cancel, terminate, retry, reset,
// reassign and extend a task, a batch over fifty runs, schedules; each audited (who, when,
// why, outcome), each leaving the projections consistent with the run.

const tag = randomUUID().slice(0, 6);
let world: Awaited<ReturnType<typeof procurementWorld>>;
let admin: string;
let officer: string;
const fieldOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.field;

const PUBLISH = 'mutation ($need: ProcurementNeedInput!) { publishProcurement(need: $need) { id workflowId } }';
async function publish(closesInMs: number, title = `运维测试${tag}`): Promise<{ id: string; workflowId: string }> {
  const r = await gql(
    PUBLISH,
    {
      need: {
        agencyId: world.agency.id,
        categoryCode: 'POLICY_PUBLICITY',
        title,
        description: '政策宣传',
        budgetFen: 1_000_000,
        method: 'COMPETITIVE_CONSULTATION',
        priceWeight: 20,
        technicalWeight: 80,
        closesAt: new Date(Date.now() + closesInMs).toISOString(),
        committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
        noticeDays: 1,
      },
    },
    officer,
  );
  expect(r.errors).toBeUndefined();
  return r.data.publishProcurement;
}
/** A procurement that failed at once (one bid where two are needed): its FAILED_PROCUREMENT task is open. */
async function failedProcurement() {
  const p = await publish(2_500);
  const bid = await gql(
    'mutation ($id: ID!, $bid: BidInput!) { submitBid(procurementId: $id, bid: $bid) { id } }',
    { id: p.id, bid: { organizationId: world.bidders.yi.id, priceFen: 900_000, proposal: '宣传方案' } },
    await token(['APPROVER'], [world.bidders.yi.id]),
  );
  expect(bid.errors).toBeUndefined();
  const [task] = await until(
    () =>
      sql(
        "select id, due_at from processes.human_task where process_id = $1 and kind = 'FAILED_PROCUREMENT' and status = 'OPEN'",
        [p.id],
      ),
    (t) => t.length === 1,
    'the failed-procurement task',
    { tries: 150, everyMs: 200 },
  );
  return { ...p, taskId: task.id as string, dueAt: task.due_at as Date };
}
const stage = async (id: string) => (await sql('select stage from processes.procurement where id = $1', [id]))[0].stage;
const audits = (target: string) =>
  sql('select actor, action, reason, outcome, error from processes.run_audit where target = $1 order by at', [target]);

beforeAll(async () => {
  world = await procurementWorld(tag);
  admin = await token(['ADMIN'], [], 'admin-wang');
  officer = await token(['AGENCY_OFFICER'], [world.agency.id], world.officer.id);
});

describe('operating runs through the gateway', () => {
  it(
    'cancels a run: audited, the workflow closes its task and marks its process, every party told',
    { timeout: 60_000 },
    async () => {
      const p = await failedProcurement();
      const CANCEL =
        'mutation ($id: ID!, $reason: String!) { cancelRun(id: $id, reason: $reason) { workflowId status tasksClosed audit { actor action reason outcome } } }';
      expect(codeOf(await gql(CANCEL, { id: p.workflowId, reason: '测试' }, officer))).toBe('FORBIDDEN');
      const noReason = await gql(CANCEL, { id: p.workflowId, reason: ' ' }, admin);
      expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
      expect(await audits(p.workflowId)).toEqual([]);

      const cancelled = await gql(CANCEL, { id: p.workflowId, reason: '重复立项' }, admin);
      expect(cancelled.errors).toBeUndefined();
      expect(cancelled.data.cancelRun).toMatchObject({
        workflowId: p.workflowId,
        status: 'CANCELLED',
        audit: { actor: 'admin-wang', action: 'CANCEL', reason: '重复立项', outcome: 'DONE' },
      });
      expect(await stage(p.id)).toBe('CANCELLED');
      expect((await sql('select status from processes.human_task where id = $1', [p.taskId]))[0].status).toBe(
        'CANCELLED',
      );
      const [notice] = await sql(
        "select message, audience from processes.task_notification where process_id = $1 and notice_key = 'cancelled'",
        [p.id],
      );
      expect(notice.message).toContain('管理员取消');
      expect(notice.audience).toContain(`role:APPROVER@org:${world.bidders.yi.id}`);
      const described = await (await temporalClient()).workflow.getHandle(p.workflowId).describe();
      expect(described.status.name).toBe('CANCELLED');

      // Once more: the run is no longer running, and the refusal is on record too.
      expect(codeOf(await gql(CANCEL, { id: p.workflowId, reason: '再取消' }, admin))).toBe('CONFLICT');
      expect((await audits(p.workflowId)).map((a) => [a.action, a.outcome])).toEqual([
        ['CANCEL', 'DONE'],
        ['CANCEL', 'FAILED'],
      ]);
      const listed = await gql(
        'query ($t: String) { runAudit(target: $t) { action outcome error } }',
        { t: p.workflowId },
        admin,
      );
      expect(listed.data.runAudit[0]).toMatchObject({
        action: 'CANCEL',
        outcome: 'FAILED',
        error: expect.stringContaining('not running'),
      });
    },
  );

  it(
    'terminates a run: the workflow gets no say, so the projection is settled for it',
    { timeout: 60_000 },
    async () => {
      const p = await failedProcurement();
      const r = await gql(
        'mutation ($id: ID!) { terminateRun(id: $id, reason: "卡死，人工终止") { status tasksClosed audit { action outcome } } }',
        { id: p.workflowId },
        admin,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.terminateRun).toEqual({
        status: 'TERMINATED',
        tasksClosed: 1,
        audit: { action: 'TERMINATE', outcome: 'DONE' },
      });
      expect(await stage(p.id)).toBe('TERMINATED');
      expect(
        (await sql('select close_reason from processes.procurement where id = $1', [p.id]))[0].close_reason,
      ).toContain('管理员终止：卡死，人工终止');
      expect((await sql('select status, comment from processes.human_task where id = $1', [p.taskId]))[0]).toEqual({
        status: 'CANCELLED',
        comment: '运行已终止：卡死，人工终止',
      });
      expect(codeOf(await gql('mutation { terminateRun(id: "no-such-run", reason: "x") { status } }', {}, admin))).toBe(
        'NOT_FOUND',
      );
    },
  );

  it("reassigns a task and extends its due date (the workflow's deadline moves too)", { timeout: 60_000 }, async () => {
    const p = await failedProcurement();
    const REASSIGN =
      'mutation ($t: ID!, $c: [CandidateInput!]!) { reassignTask(taskId: $t, candidates: $c, reason: "经办人休假") { candidates { role organizationId subject } status } }';
    const bad = await gql(REASSIGN, { t: p.taskId, c: [{ role: 'KING' }] }, admin);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'candidates[0].role']);
    const r = await gql(REASSIGN, { t: p.taskId, c: [{ subject: 'deputy-officer' }] }, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.reassignTask).toEqual({
      candidates: [{ role: null, organizationId: null, subject: 'deputy-officer' }],
      status: 'OPEN',
    });
    const inbox = async (as: string) =>
      (
        await gql('{ myTasks(kind: "FAILED_PROCUREMENT", status: OPEN, first: 50) { edges { node { id } } } }', {}, as)
      ).data.myTasks.edges.map((e: { node: { id: string } }) => e.node.id);
    const deputy = await token(['AGENCY_OFFICER'], [], 'deputy-officer');
    expect(await inbox(deputy)).toContain(p.taskId);
    expect(await inbox(officer)).not.toContain(p.taskId);
    const notices = (await gql('{ myNotifications(first: 5) { edges { node { kind message } } } }', {}, deputy)).data
      .myNotifications.edges;
    expect(notices[0].node.message).toContain('已由管理员转交办理：经办人休假');

    const EXTEND =
      'mutation ($t: ID!, $d: DateTimeISO!) { extendTaskDue(taskId: $t, dueAt: $d, reason: "等待预算批复") { dueAt } }';
    const earlier = await gql(EXTEND, { t: p.taskId, d: new Date(p.dueAt.getTime() - 1000).toISOString() }, admin);
    expect([codeOf(earlier), fieldOf(earlier)]).toEqual(['BAD_USER_INPUT', 'dueAt']);
    const later = new Date(p.dueAt.getTime() + 20 * 86_400_000);
    const extended = await gql(EXTEND, { t: p.taskId, d: later.toISOString() }, admin);
    expect(extended.errors).toBeUndefined();
    expect(new Date(extended.data.extendTaskDue.dueAt).getTime()).toBe(later.getTime());
    // The bad candidate was refused before anything was recorded; the early date inside the operation.
    expect((await audits(p.taskId)).map((a) => [a.action, a.outcome])).toEqual([
      ['REASSIGN_TASK', 'DONE'],
      ['EXTEND_TASK', 'FAILED'],
      ['EXTEND_TASK', 'DONE'],
    ]);
    // Decided by the deputy, the run goes on as it would have.
    const decided = await gql(
      'mutation ($t: ID!) { decideTask(id: $t, input: { outcome: CLOSE }) { task { status } } }',
      { t: p.taskId },
      deputy,
    );
    expect(decided.errors).toBeUndefined();
    await until(
      () => stage(p.id),
      (s) => s === 'CLOSED',
      'the procurement closed',
    );
  });

  it(
    'retries a pending activity only when there is one, and resets a run to an earlier point',
    { timeout: 60_000 },
    async () => {
      const p = await publish(3_600_000);
      const none = await gql(
        'mutation ($id: ID!) { retryActivity(id: $id, reason: "重试") { status } }',
        { id: p.workflowId },
        admin,
      );
      expect(codeOf(none)).toBe('CONFLICT');
      const unknown = await gql(
        'mutation ($id: ID!) { retryActivity(id: $id, activityId: "42", reason: "重试") { status } }',
        { id: p.workflowId },
        admin,
      );
      expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'activityId']);

      const client = await temporalClient();
      // A run can be reset only to a workflow task it has completed; on a loaded machine the
      // first one may still be running when publishing has answered.
      await until(
        () => client.workflow.getHandle(p.workflowId).fetchHistory(),
        (h) => (h.events ?? []).some((e) => e.workflowTaskCompletedEventAttributes),
        "the run's first workflow task completed",
      );
      const before = await client.workflow.getHandle(p.workflowId).describe();
      const wrongPoint = await gql(
        'mutation ($id: ID!) { resetRun(id: $id, toEventId: 1, reason: "回退") { runId } }',
        { id: p.workflowId },
        admin,
      );
      expect([codeOf(wrongPoint), fieldOf(wrongPoint)]).toEqual(['BAD_USER_INPUT', 'toEventId']);
      const reset = await gql(
        'mutation ($id: ID!) { resetRun(id: $id, reason: "投标窗口异常，回退重放") { runId status audit { action outcome } } }',
        { id: p.workflowId },
        admin,
      );
      expect(reset.errors).toBeUndefined();
      expect(reset.data.resetRun).toMatchObject({ status: 'RUNNING', audit: { action: 'RESET', outcome: 'DONE' } });
      expect(reset.data.resetRun.runId).not.toBe(before.runId);
      const after = await client.workflow.getHandle(p.workflowId).describe();
      expect([after.runId, after.status.name]).toEqual([reset.data.resetRun.runId, 'RUNNING']);
      await client.workflow.getHandle(p.workflowId).terminate('test clean-up');
    },
  );

  it('retries a failing activity now: its attempts start again', { timeout: 90_000 }, async () => {
    // A run whose screening fails on every attempt (its eligibility rules are missing, which the
    // resolver never lets through): screenBids retries with growing back-off.
    const client = await temporalClient();
    const procurementId = randomUUID();
    const need = {
      agencyId: world.agency.id,
      agencyName: world.agency.name,
      categoryCode: 'POLICY_PUBLICITY',
      categoryName: '政策宣传与评估',
      title: `重试${tag}`,
      description: '宣传',
      budgetFen: 1_000_000,
      method: 'COMPETITIVE_CONSULTATION',
      weights: { price: 20, technical: 80 },
      eligibility: null,
      committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
      noticeDays: 1,
    };
    const run = await client.workflow.start(PROCUREMENT_WORKFLOW_TYPE, {
      taskQueue: 'hub-test',
      workflowId: procurementWorkflowId(procurementId),
      args: [
        {
          procurementId,
          need,
          closesAt: Date.now() + 1_000,
          year: 2026,
          publishedBy: 'test',
          deadlinesMs: DEFAULT_DEADLINES,
        },
      ],
    });
    await run
      .executeUpdate(submitBidUpdate, {
        args: [{ organizationId: world.bidders.yi.id, priceFen: 1000, proposal: '方案', submittedBy: 'test' }],
      })
      .catch(() => undefined);
    const attempt = async () => (await run.describe()).raw.pendingActivities?.[0]?.attempt ?? 0;
    const before = await until(attempt, (n) => n >= 4, 'the fourth attempt', { tries: 300, everyMs: 100 });
    const pending = (await run.describe()).raw.pendingActivities![0];
    expect(pending.activityType?.name).toBe('screenBids');
    expect(pending.lastFailure?.message).toBeTruthy();
    const r = await gql(
      'mutation ($id: ID!, $a: String) { retryActivity(id: $id, activityId: $a, reason: "规则已修复，立即重试") { status audit { action outcome } } }',
      { id: run.workflowId, a: pending.activityId },
      admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.retryActivity).toEqual({ status: 'RUNNING', audit: { action: 'RETRY_ACTIVITY', outcome: 'DONE' } });
    expect(
      await until(attempt, (n) => n < before, 'attempts starting again', { tries: 50, everyMs: 100 }),
    ).toBeLessThan(before);
    await run.terminate('test clean-up');
  });

  it('cancels fifty runs in one batch, with progress, as a workflow of its own', { timeout: 180_000 }, async () => {
    // A world of its own, so the filter selects exactly these fifty.
    const batchWorld = await procurementWorld(`${tag}b`);
    const batchOfficer = await token(['AGENCY_OFFICER'], [batchWorld.agency.id], batchWorld.officer.id);
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 10) {
      const published = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          gql(
            PUBLISH,
            {
              need: {
                agencyId: batchWorld.agency.id,
                categoryCode: 'POLICY_PUBLICITY',
                title: `批量${i + j}`,
                description: '宣传',
                budgetFen: 1_000_000,
                method: 'COMPETITIVE_CONSULTATION',
                priceWeight: 20,
                technicalWeight: 80,
                closesAt: new Date(Date.now() + 3_600_000).toISOString(),
                committee: [batchWorld.committee.zhang.id, batchWorld.committee.li.id, batchWorld.committee.chen.id],
                noticeDays: 1,
              },
            },
            batchOfficer,
          ),
        ),
      );
      ids.push(...published.map((r) => r.data.publishProcurement.id));
    }
    const filter = { processType: 'PROCUREMENT', organizationId: batchWorld.agency.id, stage: 'BIDDING' };
    const client = await temporalClient();
    await until(
      () =>
        client.workflow
          .count(`ExecutionStatus = 'Running' AND HubOrganizationId = '${batchWorld.agency.id}'`)
          .then((c) => c.count),
      (n) => n === 50,
      'fifty runs in visibility',
      { tries: 150, everyMs: 200 },
    );

    expect(
      codeOf(
        await gql('mutation { startBatchOperation(filter: {}, action: CANCEL, reason: "全部") { id } }', {}, admin),
      ),
    ).toBe('BAD_USER_INPUT');
    const started = await gql(
      'mutation ($f: BatchFilter!) { startBatchOperation(filter: $f, action: CANCEL, reason: "预算取消，批量撤销") { id status audit { action outcome } } }',
      { f: filter },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const batchId = started.data.startBatchOperation.id;
    expect(started.data.startBatchOperation.audit).toEqual({ action: 'BATCH_CANCEL', outcome: 'DONE' });
    const seen: number[] = [];
    const progress = await until(
      async () => {
        const r = (
          await gql('query ($id: ID!) { batchOperation(id: $id) { status total done failed } }', { id: batchId }, admin)
        ).data.batchOperation;
        seen.push(r.done);
        return r;
      },
      (r) => r.status === 'DONE',
      'the batch',
      { tries: 300, everyMs: 300 },
    );
    expect(progress).toEqual({ status: 'DONE', total: 50, done: 50, failed: 0 });
    expect(seen.some((n) => n > 0 && n < 50) || seen.length === 1).toBe(true);
    const stages = await sql(
      'select stage, count(*)::int as n from processes.procurement where id = any($1::uuid[]) group by stage',
      [ids],
    );
    expect(stages).toEqual([{ stage: 'CANCELLED', n: 50 }]);
    const batch = await client.workflow.getHandle(batchId).describe();
    expect(batch.type).toBe(BATCH_WORKFLOW_TYPE);
    // Its run says what it is in words, as the runs list shows it.
    expect(await batch.staticSummary()).toBe('批量取消：预算取消，批量撤销');
    expect(
      codeOf(
        await gql('query { batchOperation(id: "batch-00000000-0000-0000-0000-000000000000") { status } }', {}, admin),
      ),
    ).toBe('NOT_FOUND');
  });

  it(
    "reassigns the open tasks of a filter's runs in one batch, then terminates them in another",
    { timeout: 120_000 },
    async () => {
      const runs = await Promise.all([failedProcurement(), failedProcurement(), failedProcurement()]);
      const client = await temporalClient();
      await until(
        () =>
          client.workflow
            .count(`ExecutionStatus = 'Running' AND HubOrganizationId = '${world.agency.id}'`)
            .then((c) => c.count),
        (n) => n === 3,
        'three running runs of the agency',
        { tries: 150, everyMs: 200 },
      );
      const batch = async (action: string, extra = '') => {
        const started = await gql(
          `mutation ($f: BatchFilter!) { startBatchOperation(filter: $f, action: ${action}, reason: "批量${action}"${extra}) { id } }`,
          { f: { organizationId: world.agency.id, processType: 'PROCUREMENT' } },
          admin,
        );
        expect(started.errors).toBeUndefined();
        return until(
          () =>
            gql(
              'query ($id: ID!) { batchOperation(id: $id) { status total done failed } }',
              { id: started.data.startBatchOperation.id },
              admin,
            ).then((r) => r.data.batchOperation),
          (b) => b.status === 'DONE',
          `the ${action} batch`,
          { tries: 150, everyMs: 200 },
        );
      };
      expect(
        codeOf(
          await gql(
            'mutation { startBatchOperation(filter: { stage: "FAILED" }, action: REASSIGN, reason: "转交") { id } }',
            {},
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(await batch('REASSIGN', ', candidates: [{ subject: "batch-deputy" }]')).toEqual({
        status: 'DONE',
        total: 3,
        done: 3,
        failed: 0,
      });
      const keys = await sql('select candidate_keys from processes.human_task where id = any($1::uuid[])', [
        runs.map((r) => r.taskId),
      ]);
      expect(keys.map((k) => k.candidate_keys)).toEqual([
        ['subject:batch-deputy'],
        ['subject:batch-deputy'],
        ['subject:batch-deputy'],
      ]);
      expect(await batch('TERMINATE')).toEqual({ status: 'DONE', total: 3, done: 3, failed: 0 });
      for (const run of runs) {
        expect(await stage(run.id)).toBe('TERMINATED');
        expect((await sql('select status from processes.human_task where id = $1', [run.taskId]))[0].status).toBe(
          'CANCELLED',
        );
      }
    },
  );

  it('stops a batch between runs when it is cancelled: what it did stays done', { timeout: 90_000 }, async () => {
    // Twenty runs no worker serves: a cancellation request never closes them, so each one holds
    // the batch for its 10 s wait, and the batch is surely still working when it is cancelled.
    const client = await temporalClient();
    const organizationId = randomUUID();
    const ids = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) =>
          (
            await client.workflow.start(PROCUREMENT_WORKFLOW_TYPE, {
              taskQueue: `nobody-${tag}`,
              workflowId: `batch-cancel-${tag}-${i}`,
              args: [{}],
              typedSearchAttributes: [
                { key: PROCESS_TYPE, value: 'PROCUREMENT' },
                { key: ORGANIZATION_ID, value: organizationId },
              ],
            })
          ).workflowId,
      ),
    );
    try {
      await until(
        () => client.workflow.count(`HubOrganizationId = '${organizationId}'`).then((c) => c.count),
        (n) => n === 20,
        'twenty runs in visibility',
        { tries: 100, everyMs: 200 },
      );
      const started = await gql(
        'mutation ($f: BatchFilter!) { startBatchOperation(filter: $f, action: CANCEL, reason: "批量取消（将中途停止）") { id } }',
        { f: { organizationId } },
        admin,
      );
      const batchId = started.data.startBatchOperation.id;
      await until(
        () =>
          gql('query ($id: ID!) { batchOperation(id: $id) { status } }', { id: batchId }, admin).then(
            (r) => r.data.batchOperation.status,
          ),
        (s) => s === 'RUNNING',
        'the batch at work',
        { tries: 100, everyMs: 100 },
      );
      const stopped = await gql(
        'mutation ($id: ID!) { cancelBatchOperation(id: $id, reason: "范围选错，停止") { status total done audit { action outcome } } }',
        { id: batchId },
        admin,
      );
      expect(stopped.errors).toBeUndefined();
      expect(stopped.data.cancelBatchOperation).toMatchObject({
        status: 'CANCELLED',
        total: 20,
        audit: { action: 'CANCEL_BATCH', outcome: 'DONE' },
      });
      expect(stopped.data.cancelBatchOperation.done).toBeLessThan(20);
      expect((await client.workflow.getHandle(batchId).describe()).status.name).toBe('COMPLETED');
    } finally {
      await Promise.all(
        ids.map((id) =>
          client.workflow
            .getHandle(id)
            .terminate('test clean-up')
            .catch(() => undefined),
        ),
      );
    }
  });

  it('lists, pauses with a note, resumes, triggers and backfills a schedule', { timeout: 60_000 }, async () => {
    // A schedule of its own whose runs are harmless: a batch that selects nothing.
    const client = await temporalClient();
    const id = `test-schedule-${tag}`;
    const nobody = { processType: 'PROCUREMENT', organizationId: randomUUID() };
    await client.schedule.create({
      scheduleId: id,
      spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 15, hour: 1 }] },
      action: {
        type: 'startWorkflow',
        workflowType: BATCH_WORKFLOW_TYPE,
        taskQueue: 'hub-test',
        args: [
          {
            batchId: id,
            action: 'CANCEL',
            query: `ExecutionStatus = 'Running' AND HubOrganizationId = '${nobody.organizationId}'`,
            reason: 'schedule test',
            requestedBy: 'test',
          },
        ],
      },
    });
    try {
      // Schedules are listed from visibility, which sees a new one a moment later.
      const listed = await until(
        () =>
          gql('{ schedules { id workflowType paused } }', {}, admin).then((r) => r.data.schedules as { id: string }[]),
        (all) => all.some((s) => s.id === id),
        'the new schedule listed',
        { tries: 100, everyMs: 200 },
      );
      expect(listed).toContainEqual({ id, workflowType: BATCH_WORKFLOW_TYPE, paused: false });
      expect(codeOf(await gql('{ schedules { id } }', {}, officer))).toBe('FORBIDDEN');
      const paused = await gql(
        'mutation ($id: ID!) { pauseSchedule(id: $id, note: "春节暂停") { paused note audit { action } } }',
        { id },
        admin,
      );
      expect(paused.data.pauseSchedule).toMatchObject({
        paused: true,
        note: expect.stringContaining('春节暂停'),
        audit: { action: 'PAUSE_SCHEDULE' },
      });
      expect(
        (await gql('mutation ($id: ID!) { resumeSchedule(id: $id, reason: "节后恢复") { paused } }', { id }, admin))
          .data.resumeSchedule.paused,
      ).toBe(false);
      expect(
        (await gql('mutation ($id: ID!) { triggerSchedule(id: $id, reason: "补跑") { id } }', { id }, admin)).errors,
      ).toBeUndefined();
      const backfill = await gql(
        'mutation ($id: ID!) { backfillSchedule(id: $id, from: "2024-01-01T00:00:00Z", to: "2025-12-31T00:00:00Z", reason: "补两年") { id } }',
        { id },
        admin,
      );
      expect(backfill.errors).toBeUndefined();
      // One triggered run and two backfilled (15 January 2024 and 2025).
      await until(
        () =>
          gql('{ schedules { id recentRuns } }', {}, admin).then(
            (r) => r.data.schedules.find((s: { id: string }) => s.id === id).recentRuns.length,
          ),
        (n) => n >= 3,
        'three runs of the schedule',
        { tries: 100, everyMs: 200 },
      );
      expect((await audits(id)).map((a) => a.action)).toEqual([
        'PAUSE_SCHEDULE',
        'RESUME_SCHEDULE',
        'TRIGGER_SCHEDULE',
        'BACKFILL_SCHEDULE',
      ]);
      expect(codeOf(await gql('mutation { pauseSchedule(id: "no-such-schedule", note: "x") { id } }', {}, admin))).toBe(
        'NOT_FOUND',
      );
    } finally {
      await client.schedule.getHandle(id).delete();
    }
  });
});
