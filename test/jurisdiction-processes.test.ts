import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { codeOf, federationToken, gql, orgId, sql, temporalClient, token } from './support/hub.js';
import { until } from './support/until.js';
import { BATCH_WORKFLOW_TYPE } from '../workflows/operations/batch.js';
import { createCourse, decide, enrolled, openTaskOf } from './support/training.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { createTaskActivities } from '../services/processes/tasks/activities.js';
import { createRegistryClient } from '../services/processes/registry/client.js';
import { defaultParams } from '../services/processes/evaluation/params.js';
import { EvaluationCampaign } from '../services/processes/evaluation/campaign.js';
import { EvaluationApplication } from '../services/processes/evaluation/application.js';

// The processes by jurisdiction (docs/jurisdiction.md): an officer task goes to the officers
// of the Federations that supervise its organisation, an admin sees and operates only the runs
// of their Federation's jurisdiction, and escalation goes to the supervising Federations.

const wenzhou = orgId('wenzhou'); // 嘉兴市温州商会: supervised by Jiaxing, a member of the province
const fed = {
  province: orgId('federation-zhejiang'),
  jiaxing: orgId('federation'),
  huzhou: orgId('federation-huzhou'),
  wuxing: orgId('federation-wuxing'),
};

const TASK = 'query ($id: ID!) { task(id: $id) { id status candidates { role organizationId } } }';
const CLAIM = 'mutation ($id: ID!) { claimTask(id: $id) { id status assignee } }';
const MY_TASKS = `query ($o: ID!) { myTasks(first: 100, organizationId: $o, status: OPEN) { edges { node { id } } } }`;
const inbox = async (bearer: string) => {
  const r = await gql(MY_TASKS, { o: wenzhou }, bearer);
  expect(r.errors).toBeUndefined();
  return (r.data.myTasks.edges as { node: { id: string } }[]).map((e) => e.node.id);
};
const RUN = 'query ($id: ID!) { processRun(id: $id) { id organization { id } } }';
const RUNS = `query ($o: ID!) { processRuns(first: 50, filter: { organizationId: $o }) { edges { node { id } } } }`;
const listedRuns = async (bearer: string) => {
  const r = await gql(RUNS, { o: wenzhou }, bearer);
  expect(r.errors).toBeUndefined();
  return (r.data.processRuns.edges as { node: { id: string } }[]).map((e) => e.node.id);
};
const CANCEL = 'mutation ($id: ID!, $reason: String!) { cancelRun(id: $id, reason: $reason) { workflowId status } }';

let enrollment: { id: string; workflowId: string; taskId: string };
let confirmTaskId: string;

beforeAll(async () => {
  enrollment = await enrolled(await createCourse(5), wenzhou, '辖区一');
  const endorsed = await decide(enrollment.taskId, 'APPROVE', await token(['APPROVER'], [wenzhou]), '同意');
  expect(endorsed.errors).toBeUndefined();
  const jiaxingOfficer = await federationToken(['FEDERATION_OFFICER'], 'federation', 'officer-jiaxing');
  confirmTaskId = (await openTaskOf(enrollment.id, jiaxingOfficer)).id;
});

describe('officer tasks by jurisdiction', () => {
  it('goes to the officers of the Federations that supervise the chamber: keys per Federation, the candidate as written', async () => {
    const [row] = await sql('select candidate_keys from processes.human_task where id = $1', [confirmTaskId]);
    expect([...row.candidate_keys].sort()).toEqual(
      [`role:FEDERATION_OFFICER@fed:${fed.jiaxing}`, `role:FEDERATION_OFFICER@fed:${fed.province}`].sort(),
    );
    const shown = await gql(TASK, { id: confirmTaskId }, await token(['ADMIN']));
    expect(shown.data.task.candidates).toEqual([{ role: 'FEDERATION_OFFICER', organizationId: null }]);
  });

  it('a Huzhou officer neither sees, claims nor decides a Jiaxing chamber’s task; the province’s officer sees it', async () => {
    const huzhou = await federationToken(['FEDERATION_OFFICER'], 'federation-huzhou', 'officer-huzhou');
    expect(await inbox(huzhou)).not.toContain(confirmTaskId);
    expect(codeOf(await gql(TASK, { id: confirmTaskId }, huzhou))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CLAIM, { id: confirmTaskId }, huzhou))).toBe('FORBIDDEN');
    expect(codeOf(await decide(confirmTaskId, 'APPROVE', huzhou, '越权'))).toBe('FORBIDDEN');
    const [row] = await sql('select status, assignee from processes.human_task where id = $1', [confirmTaskId]);
    expect(row).toEqual({ status: 'OPEN', assignee: null });

    const province = await federationToken(['FEDERATION_OFFICER'], 'federation-zhejiang', 'officer-zhejiang');
    expect(await inbox(province)).toContain(confirmTaskId);

    // Admins see a task as admins only within their jurisdiction.
    const huzhouAdmin = await federationToken(['ADMIN'], 'federation-huzhou', 'admin-huzhou');
    const refused = await gql(TASK, { id: confirmTaskId }, huzhouAdmin);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toContain('不在你所在工商联的管辖范围内');
    const jiaxingAdmin = await federationToken(['ADMIN'], 'federation', 'admin-jiaxing');
    expect((await gql(TASK, { id: confirmTaskId }, jiaxingAdmin)).data.task.id).toBe(confirmTaskId);
  });

  it('a Jiaxing officer sees it in the inbox, claims and decides it', async () => {
    const jiaxing = await federationToken(['FEDERATION_OFFICER'], 'federation', 'officer-jiaxing');
    expect(await inbox(jiaxing)).toContain(confirmTaskId);
    const claimed = await gql(CLAIM, { id: confirmTaskId }, jiaxing);
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data.claimTask).toMatchObject({ status: 'CLAIMED', assignee: 'officer-jiaxing' });
    const decided = await decide(confirmTaskId, 'APPROVE', jiaxing, '确认');
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideTask.task).toMatchObject({ status: 'DONE', decidedBy: 'officer-jiaxing' });
  });
});

describe('runs by jurisdiction', () => {
  it('a Huzhou admin neither sees nor cancels a Jiaxing run, nor reaches it by a batch; the province admin can', async () => {
    const huzhou = await federationToken(['ADMIN'], 'federation-huzhou', 'admin-huzhou');
    expect(await listedRuns(huzhou)).not.toContain(enrollment.workflowId);
    expect(codeOf(await gql(RUN, { id: enrollment.workflowId }, huzhou))).toBe('NOT_FOUND');
    // the deprecated fields too
    expect(
      codeOf(await gql('query ($id: ID!) { workflowRun(id: $id) { id } }', { id: enrollment.workflowId }, huzhou)),
    ).toBe('NOT_FOUND');
    const legacy = await gql(
      'query ($o: ID!) { workflowRuns(organizationId: $o, first: 100) { runs { id } } }',
      { o: wenzhou },
      huzhou,
    );
    expect(legacy.errors).toBeUndefined();
    expect(legacy.data.workflowRuns.runs.map((r: { id: string }) => r.id)).not.toContain(enrollment.workflowId);
    const refused = await gql(CANCEL, { id: enrollment.workflowId, reason: '越权' }, huzhou);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toContain('不在你所在工商联的管辖范围内');
    const batch = await gql(
      `mutation ($o: ID!) { startBatchOperation(filter: { organizationId: $o }, action: CANCEL, reason: "越权") { id total } }`,
      { o: wenzhou },
      huzhou,
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.data.startBatchOperation.total).toBe(0);

    const jiaxing = await federationToken(['ADMIN'], 'federation', 'admin-jiaxing');
    expect(await listedRuns(jiaxing)).toContain(enrollment.workflowId);
    const legacyJiaxing = await gql(
      'query ($o: ID!) { workflowRuns(organizationId: $o, first: 100) { runs { id } } }',
      { o: wenzhou },
      jiaxing,
    );
    expect(legacyJiaxing.data.workflowRuns.runs.map((r: { id: string }) => r.id)).toContain(enrollment.workflowId);

    const province = await federationToken(['ADMIN'], 'federation-zhejiang', 'admin-zhejiang');
    expect(await listedRuns(province)).toContain(enrollment.workflowId);
    const seen = await gql(RUN, { id: enrollment.workflowId }, province);
    expect(seen.data.processRun.organization).toEqual({ id: wenzhou });
    const cancelled = await gql(CANCEL, { id: enrollment.workflowId, reason: '省级管理员撤销' }, province);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelRun.workflowId).toBe(enrollment.workflowId);
  });
});

describe('escalation by jurisdiction', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 2 });
  });
  afterAll(() => orm?.close());

  it("goes to the officers of the Federations above the task's organisation, not to every officer", async () => {
    const activities = createTaskActivities({
      orm,
      registry: createRegistryClient(inject('registryUrl'), {
        jwtSecret: inject('jwtSecret'),
        subgraphSecrets: [inject('subgraphSecret')],
      }),
    });
    const taskId = crypto.randomUUID();
    await activities.openTask({
      taskId,
      processType: 'TRAINING_ENROLLMENT',
      processId: taskId,
      workflowId: `test-escalation-${taskId}`,
      kind: 'ENDORSE_ENROLLMENT',
      title: '推荐参加培训',
      summary: '测试升级',
      organizationId: fed.wuxing, // 湖州市吴兴区工商联: Huzhou's, and the province's
      candidates: [{ role: 'APPROVER', organizationId: fed.wuxing }],
      dueInMs: 86_400_000,
      form: { outcomes: ['APPROVE', 'REJECT'], fields: [] },
    });
    await activities.escalateTask({ taskId, candidates: [{ role: 'FEDERATION_OFFICER' }], dueInMs: 86_400_000 });
    const [row] = await sql('select candidate_keys, escalated from processes.human_task where id = $1', [taskId]);
    expect(row.escalated).toBe(true);
    expect([...row.candidate_keys].sort()).toEqual(
      [fed.wuxing, fed.huzhou, fed.province].map((f) => `role:FEDERATION_OFFICER@fed:${f}`).sort(),
    );
    const huzhou = await federationToken(['FEDERATION_OFFICER'], 'federation-huzhou', 'officer-huzhou');
    const jiaxing = await federationToken(['FEDERATION_OFFICER'], 'federation', 'officer-jiaxing');
    expect((await gql(TASK, { id: taskId }, huzhou)).data.task.id).toBe(taskId);
    expect(codeOf(await gql(TASK, { id: taskId }, jiaxing))).toBe('FORBIDDEN');
    await sql('delete from processes.task_notification where task_id = $1', [taskId]);
    await sql('delete from processes.human_task where id = $1', [taskId]);
  });
});

describe('process records, the audit, batches and shared views by jurisdiction', () => {
  const as = (roles: ('ADMIN' | 'FEDERATION_OFFICER')[], key: string) =>
    federationToken(roles, key, `${roles[0].toLowerCase()}-${key}`);
  const ENROLLMENT = 'query ($id: ID!) { trainingEnrollment(id: $id) { id } }';
  const ATTEND = 'mutation ($id: ID!) { recordAttendance(enrollmentId: $id, day: 1, attended: true) { id } }';
  const WITHDRAW = 'mutation ($id: ID!) { withdrawTrainingEnrollment(id: $id, reason: "越权") { id } }';

  it('an enrollment: seen by its city and the province, NOT_FOUND to another city, FORBIDDEN to act on', async () => {
    for (const key of ['federation', 'federation-zhejiang']) {
      for (const role of ['ADMIN', 'FEDERATION_OFFICER'] as const) {
        const r = await gql(ENROLLMENT, { id: enrollment.id }, await as([role], key));
        expect(r.data?.trainingEnrollment?.id, `${role} of ${key}`).toBe(enrollment.id);
      }
    }
    const huzhouAdmin = await as(['ADMIN'], 'federation-huzhou');
    const huzhouOfficer = await as(['FEDERATION_OFFICER'], 'federation-huzhou');
    expect(codeOf(await gql(ENROLLMENT, { id: enrollment.id }, huzhouAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await gql(ENROLLMENT, { id: enrollment.id }, huzhouOfficer))).toBe('NOT_FOUND');
    const attend = await gql(ATTEND, { id: enrollment.id }, huzhouOfficer);
    expect(codeOf(attend)).toBe('FORBIDDEN');
    expect(attend.errors![0].message).toContain('不在你所在工商联的管辖范围内');
    expect(codeOf(await gql(WITHDRAW, { id: enrollment.id }, huzhouAdmin))).toBe('FORBIDDEN');
  });

  describe('evaluation applications', () => {
    let orm: MikroORM;
    const campaignId = `jurisdiction-campaign-${crypto.randomUUID().slice(0, 8)}`;
    const jiaxingApplication = crypto.randomUUID();
    const huzhouApplication = crypto.randomUUID();
    beforeAll(async () => {
      // Rows as the campaign's workflows write them: one organisation of Jiaxing's, one of Huzhou's.
      orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 2 });
      const em = orm.em.fork();
      em.create(EvaluationCampaign, {
        id: campaignId,
        year: 2025,
        track: 'RATING',
        stage: 'APPLICATIONS',
        workflowId: campaignId,
        params: defaultParams(2025, 'RATING'),
        startedBy: 'test',
      });
      for (const [id, organizationId, name] of [
        [jiaxingApplication, wenzhou, '嘉兴市温州商会'],
        [huzhouApplication, fed.wuxing, '湖州市吴兴区工商业联合会'],
      ])
        em.create(EvaluationApplication, {
          id,
          campaignId,
          workflowId: `${campaignId}-${organizationId}`,
          organizationId,
          organizationName: name,
          status: 'SELF_ASSESSMENT',
        });
      await em.flush();
    });
    afterAll(() => orm?.close());

    const CAMPAIGN = `query ($id: ID!) { evaluationCampaign(id: $id) { applications { id } stageCounts { stage count } } }`;
    const APPLICATION = 'query ($id: ID!) { evaluationApplication(id: $id) { id } }';
    const listed = async (bearer: string) => {
      const r = await gql(CAMPAIGN, { id: campaignId }, bearer);
      expect(r.errors).toBeUndefined();
      return {
        ids: (r.data.evaluationCampaign.applications as { id: string }[]).map((a) => a.id).sort(),
        counted: r.data.evaluationCampaign.stageCounts,
      };
    };

    it('a city lists and reads its own, the province both, another city’s is NOT_FOUND', async () => {
      for (const role of ['ADMIN', 'FEDERATION_OFFICER'] as const) {
        const jiaxing = await as([role], 'federation');
        expect(await listed(jiaxing)).toEqual({
          ids: [jiaxingApplication],
          counted: [{ stage: 'SELF_ASSESSMENT', count: 1 }],
        });
        expect((await gql(APPLICATION, { id: jiaxingApplication }, jiaxing)).data.evaluationApplication.id).toBe(
          jiaxingApplication,
        );
        expect(codeOf(await gql(APPLICATION, { id: huzhouApplication }, jiaxing))).toBe('NOT_FOUND');
        const huzhou = await as([role], 'federation-huzhou');
        expect((await listed(huzhou)).ids).toEqual([huzhouApplication]);
        expect(codeOf(await gql(APPLICATION, { id: jiaxingApplication }, huzhou))).toBe('NOT_FOUND');
        const province = await as([role], 'federation-zhejiang');
        expect(await listed(province)).toEqual({
          ids: [jiaxingApplication, huzhouApplication].sort(),
          counted: [{ stage: 'SELF_ASSESSMENT', count: 2 }],
        });
      }
    });
  });

  it("a batch and its audit are its admin's Federation's: NOT_FOUND to another city, seen by the province", async () => {
    const huzhou = await as(['ADMIN'], 'federation-huzhou');
    const started = await gql(
      `mutation ($o: ID!) { startBatchOperation(filter: { organizationId: $o }, action: CANCEL, reason: "湖州清理") { id } }`,
      { o: fed.wuxing },
      huzhou,
    );
    expect(started.errors).toBeUndefined();
    const batchId: string = started.data.startBatchOperation.id;
    const BATCH = 'query ($id: ID!) { batchOperation(id: $id) { id } }';
    const AUDIT = 'query ($t: String) { runAudit(target: $t, first: 200) { action target } }';
    const CANCEL_BATCH = 'mutation ($id: ID!) { cancelBatchOperation(id: $id, reason: "越权") { id } }';

    const jiaxing = await as(['ADMIN'], 'federation');
    expect(codeOf(await gql(BATCH, { id: batchId }, jiaxing))).toBe('NOT_FOUND');
    expect(codeOf(await gql(CANCEL_BATCH, { id: batchId }, jiaxing))).toBe('NOT_FOUND');
    expect((await gql(AUDIT, { t: batchId }, jiaxing)).data.runAudit).toEqual([]);
    const everything = (await gql(AUDIT, {}, jiaxing)).data.runAudit as { target: string }[];
    expect(everything.map((e) => e.target)).not.toContain(batchId);

    expect((await gql(AUDIT, { t: batchId }, huzhou)).data.runAudit).toEqual([
      { action: 'BATCH_CANCEL', target: batchId },
    ]);
    const province = await as(['ADMIN'], 'federation-zhejiang');
    expect((await gql(BATCH, { id: batchId }, province)).data.batchOperation.id).toBe(batchId);
    expect((await gql(AUDIT, { t: batchId }, province)).data.runAudit).toHaveLength(1);
  });

  it("a shared view is shared within its owner's jurisdiction: not with another city, with the province", async () => {
    const huzhou = await as(['ADMIN'], 'federation-huzhou');
    const saved = await gql(
      'mutation ($n: String!) { saveRunView(name: $n, filter: { processType: EVALUATION }, shared: true) { id } }',
      { n: `湖州的评价 ${crypto.randomUUID().slice(0, 6)}` },
      huzhou,
    );
    expect(saved.errors).toBeUndefined();
    const viewId: string = saved.data.saveRunView.id;
    const VIEWS = '{ runViews { id } }';
    const ids = async (bearer: string) =>
      ((await gql(VIEWS, {}, bearer)).data.runViews as { id: string }[]).map((v) => v.id);
    const jiaxing = await as(['ADMIN'], 'federation');
    expect(await ids(jiaxing)).not.toContain(viewId);
    expect(codeOf(await gql('mutation ($id: ID!) { deleteRunView(id: $id) }', { id: viewId }, jiaxing))).toBe(
      'NOT_FOUND',
    );
    expect(await ids(await as(['ADMIN'], 'federation-zhejiang'))).toContain(viewId);
    expect(await ids(huzhou)).toContain(viewId);
  });

  it("a schedule naming a Federation is that Federation's: NOT_FOUND to another city, before anything is audited", async () => {
    const client = await temporalClient();
    const id = `huzhou-schedule-${crypto.randomUUID().slice(0, 8)}`;
    await client.schedule.create({
      scheduleId: id,
      memo: { federationId: fed.huzhou },
      state: { paused: true },
      spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 15, hour: 1 }] },
      action: {
        type: 'startWorkflow',
        workflowType: BATCH_WORKFLOW_TYPE,
        taskQueue: 'hub-test',
        args: [
          {
            batchId: id,
            action: 'CANCEL',
            query: "ExecutionStatus = 'Running' AND HubOrganizationId = 'none'",
            reason: 'test',
            requestedBy: 'test',
          },
        ],
      },
    });
    try {
      const SCHEDULES = '{ schedules { id } }';
      const listed = async (bearer: string) =>
        ((await gql(SCHEDULES, {}, bearer)).data.schedules as { id: string }[]).map((s) => s.id);
      const huzhou = await as(['ADMIN'], 'federation-huzhou');
      await until(
        () => listed(huzhou),
        (ids) => ids.includes(id),
        "Huzhou's schedule listed",
      );
      expect(await listed(await as(['ADMIN'], 'federation-zhejiang'))).toContain(id);
      const jiaxing = await as(['ADMIN'], 'federation');
      expect(await listed(jiaxing)).not.toContain(id);
      const resume = 'mutation ($id: ID!) { resumeSchedule(id: $id, reason: "越权") { id paused } }';
      expect(codeOf(await gql(resume, { id }, jiaxing))).toBe('NOT_FOUND');
      expect(await sql('select id from processes.run_audit where target = $1', [id])).toEqual([]);
      expect((await client.schedule.getHandle(id).describe()).state.paused).toBe(true);
      const resumed = await gql(resume, { id }, huzhou);
      expect(resumed.errors).toBeUndefined();
      expect(resumed.data.resumeSchedule.paused).toBe(false);
    } finally {
      await client.schedule.getHandle(id).delete();
    }
  });
});
