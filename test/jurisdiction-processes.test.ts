import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { codeOf, federationToken, gql, orgId, sql, token } from './support/hub.js';
import { createCourse, decide, enrolled, openTaskOf } from './support/training.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { createTaskActivities } from '../services/processes/tasks/activities.js';
import { createRegistryClient } from '../services/processes/registry/client.js';

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
