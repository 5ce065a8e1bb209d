import { describe, expect, inject, it } from 'vitest';
import { codeOf, gql, orgId, sql, token } from './support/hub.js';
import { createCourse, decide, enrolled } from './support/training.js';

// The human-task kit through the gateway: who sees a task, claiming, delegation, comments,
// racing decisions, the inbox's filters and orders, and tasks as federated entities.

const wenzhou = orgId('wenzhou');
const henan = orgId('henan');
const approverA = () => token(['APPROVER'], [wenzhou], 'approver-a');
const approverB = () => token(['APPROVER'], [wenzhou], 'approver-b');

const TASK =
  'query ($id: ID!) { task(id: $id) { id status assignee delegatedTo decision comment comments { author body } candidates { role organizationId } } }';
const taskOf = async (id: string, as: string) => gql(TASK, { id }, as);

describe('who sees a task', () => {
  it('shows a task, its decision and its comments only to candidates, assignee, delegates and admins', async () => {
    const courseId = await createCourse(5);
    const { id, taskId } = await enrolled(courseId, wenzhou, '冯一');
    const a = await approverA();
    expect(
      (await gql('mutation ($id: ID!) { addTaskComment(id: $id, body: "需要补材料") { id } }', { id: taskId }, a))
        .errors,
    ).toBeUndefined();
    await decide(taskId, 'REJECT', a, '不同意', { reason: '材料不全' });

    const outsider = await token(['APPROVER'], [henan], 'approver-henan');
    const integrator = await token(['INTEGRATOR']);
    for (const who of [outsider, integrator]) {
      expect(codeOf(await taskOf(taskId, who))).toBe('FORBIDDEN');
      const viaEnrollment = await gql(
        'query ($id: ID!) { trainingEnrollment(id: $id) { tasks { id decision comment } } }',
        { id },
        who,
      );
      expect(viaEnrollment.data.trainingEnrollment.tasks).toEqual([]);
      const viaOrganization = await gql(
        'query ($o: ID!) { organization(id: $o) { trainingEnrollments { id tasks { id comment } } } }',
        { o: wenzhou },
        who,
      );
      const mine = viaOrganization.data.organization.trainingEnrollments.find((e: any) => e.id === id);
      expect(mine.tasks).toEqual([]);
    }
    const asAdmin = await taskOf(taskId, await token(['ADMIN']));
    expect(asAdmin.data.task).toMatchObject({
      decision: 'REJECT',
      comment: '不同意',
      comments: [{ author: 'approver-a', body: '需要补材料' }],
    });
    expect((await taskOf(taskId, await approverB())).data.task.comments).toHaveLength(1);
  });
});

describe('working a task', () => {
  it('lets one candidate claim it; the others can then neither claim nor decide it until it is given back', async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    const [a, b] = [await approverA(), await approverB()];
    const claimed = await gql('mutation ($id: ID!) { claimTask(id: $id) { status assignee } }', { id: taskId }, a);
    expect(claimed.data.claimTask).toEqual({ status: 'CLAIMED', assignee: 'approver-a' });
    expect(codeOf(await gql('mutation ($id: ID!) { claimTask(id: $id) { status } }', { id: taskId }, b))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await decide(taskId, 'APPROVE', b))).toBe('FORBIDDEN');
    const mine = await gql('{ myTasks(assigned: MINE, first: 100) { edges { node { id } } } }', {}, a);
    expect(mine.data.myTasks.edges.map((e: any) => e.node.id)).toContain(taskId);
    const unassigned = await gql('{ myTasks(assigned: UNASSIGNED, first: 100) { edges { node { id } } } }', {}, b);
    expect(unassigned.data.myTasks.edges.map((e: any) => e.node.id)).not.toContain(taskId);

    expect(codeOf(await gql('mutation ($id: ID!) { unclaimTask(id: $id) { status } }', { id: taskId }, b))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await gql('mutation ($id: ID!) { unclaimTask(id: $id) { status assignee } }', { id: taskId }, a)).data
        .unclaimTask,
    ).toEqual({ status: 'OPEN', assignee: null });
    expect((await decide(taskId, 'APPROVE', b)).errors).toBeUndefined();
  });

  it("shows by default what waits for me: the tasks I may claim beside the ones I claimed, not others' or done ones", async () => {
    const course = await createCourse(5);
    const [first, second, third] = [
      await enrolled(course, wenzhou),
      await enrolled(course, wenzhou),
      await enrolled(course, wenzhou),
    ];
    const [a, b] = [await approverA(), await approverB()];
    const CLAIM = 'mutation ($id: ID!) { claimTask(id: $id) { status } }';
    expect((await gql(CLAIM, { id: first.taskId }, a)).errors).toBeUndefined();
    expect((await gql(CLAIM, { id: second.taskId }, b)).errors).toBeUndefined();
    expect((await decide(third.taskId, 'REJECT', a, '不同意', { reason: '名额已满' })).errors).toBeUndefined();
    const shown = async (args: string) =>
      (await gql(`{ myTasks(first: 100${args}) { edges { node { id status } } } }`, {}, a)).data.myTasks.edges
        .map((e: any) => e.node)
        .filter((t: any) => [first.taskId, second.taskId, third.taskId].includes(t.id));
    expect(await shown('')).toEqual([{ id: first.taskId, status: 'CLAIMED' }]);
    expect((await shown(', anyStatus: true')).map((t: any) => t.status).sort()).toEqual(['CLAIMED', 'CLAIMED', 'DONE']);
    expect(await shown(', status: DONE')).toEqual([{ id: third.taskId, status: 'DONE' }]);
    // Given back, it waits for both of them again.
    await gql('mutation ($id: ID!) { unclaimTask(id: $id) { status } }', { id: second.taskId }, b);
    expect((await shown('')).map((t: any) => t.id).sort()).toEqual([first.taskId, second.taskId].sort());
  });

  it('delegates to a named person, who may comment and return it but not decide it', async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    const a = await approverA();
    // A named delegate still needs a role of the hub: a token with none is refused outright.
    const expert = await token(['INTEGRATOR'], [], 'expert-zhao');
    expect(codeOf(await taskOf(taskId, expert))).toBe('FORBIDDEN');
    const delegated = await gql(
      'mutation ($id: ID!) { delegateTask(id: $id, to: "expert-zhao", comment: "请审核材料") { status assignee delegatedTo } }',
      { id: taskId },
      a,
    );
    expect(delegated.data.delegateTask).toEqual({
      status: 'CLAIMED',
      assignee: 'approver-a',
      delegatedTo: 'expert-zhao',
    });
    expect((await taskOf(taskId, expert)).data.task.comments).toEqual([{ author: 'approver-a', body: '请审核材料' }]);
    expect(codeOf(await decide(taskId, 'APPROVE', expert))).toBe('FORBIDDEN');
    const inbox = await gql('{ myTasks(first: 100) { edges { node { id } } } }', {}, expert);
    expect(inbox.data.myTasks.edges.map((e: any) => e.node.id)).toContain(taskId);

    const returned = await gql(
      'mutation ($id: ID!) { returnTask(id: $id, comment: "材料齐全") { delegatedTo assignee } }',
      { id: taskId },
      expert,
    );
    expect(returned.data.returnTask).toEqual({ delegatedTo: null, assignee: 'approver-a' });
    expect((await decide(taskId, 'APPROVE', a, '同意')).errors).toBeUndefined();
    // The delegate keeps seeing what they worked on.
    expect((await taskOf(taskId, expert)).data.task).toMatchObject({ status: 'DONE', decision: 'APPROVE' });
  });

  it('refuses control characters in comments and changes nothing', async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    const r = await gql(
      'mutation ($id: ID!, $body: String!) { addTaskComment(id: $id, body: $body) { id } }',
      { id: taskId, body: 'a\u0000b' },
      await approverA(),
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('body');
    expect(await sql('select 1 from processes.task_comment where task_id = $1', [taskId])).toEqual([]);
  });

  it('lets exactly one of two racing approvers decide; the other hears CONFLICT with the outcome that won', async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    const [approve, reject] = await Promise.all([
      decide(taskId, 'APPROVE', await approverA(), '同意'),
      decide(taskId, 'REJECT', await approverB(), '不同意', { reason: '名额有限' }),
    ]);
    const results = [approve, reject];
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(codeOf(losers[0])).toBe('CONFLICT');
    const won = winners[0].data.decideTask.task;
    expect(losers[0].errors![0].message).toContain(`${won.decision} by ${won.decidedBy}`);
    const [row] = await sql('select decision, decided_by from processes.human_task where id = $1', [taskId]);
    expect(row).toEqual({ decision: won.decision, decided_by: won.decidedBy });
  });

  it('refuses a field the form does not have', async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    const r = await decide(taskId, 'APPROVE', await approverA(), undefined, { score: 90 });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('score');
  });
});

describe('the inbox', () => {
  it('filters by process, kind, organization and due date, and orders by due date or creation', async () => {
    const courseId = await createCourse(5);
    const first = await enrolled(courseId, wenzhou);
    const second = await enrolled(courseId, wenzhou);
    const a = await approverA();
    const ids = async (args: string) =>
      (await gql(`{ myTasks(first: 100, ${args}) { edges { node { id } } } }`, {}, a)).data.myTasks.edges.map(
        (e: any) => e.node.id,
      );
    const newest = await ids('processType: TRAINING_ENROLLMENT, kind: "ENDORSE_ENROLLMENT", status: OPEN');
    expect(newest.indexOf(second.taskId)).toBeLessThan(newest.indexOf(first.taskId));
    const soonest = await ids('orderBy: DUE_AT, status: OPEN');
    expect(soonest.indexOf(first.taskId)).toBeLessThan(soonest.indexOf(second.taskId));
    expect(await ids(`organizationId: "${henan}"`)).toEqual([]);
    expect(await ids('kind: "CONFIRM_ENROLLMENT"')).not.toContain(first.taskId);
    expect(await ids('dueBefore: "2020-01-01T00:00:00Z"')).toEqual([]);
    expect(await ids('dueBefore: "2099-01-01T00:00:00Z"')).toContain(first.taskId);
  });

  it("lists a chamber's open tasks on Organization across subgraphs, and resolves tasks as entities", async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    const a = await approverA();
    const r = await gql(
      'query ($o: ID!) { organization(id: $o) { name openTasks(first: 50) { totalCount edges { node { id kind } } } } }',
      { o: wenzhou },
      a,
    );
    expect(r.data.organization.name).toBe('嘉兴市温州商会');
    expect(r.data.organization.openTasks.edges.map((e: any) => e.node.id)).toContain(taskId);
    const outsider = await gql(
      'query ($o: ID!) { organization(id: $o) { openTasks { totalCount } } }',
      { o: wenzhou },
      await token(['APPROVER'], [henan]),
    );
    expect(outsider.data.organization.openTasks.totalCount).toBe(0);

    // The processes subgraph answers _entities for HumanTask (its @key), to those who may see it.
    const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on HumanTask { id kind } } }';
    const representations = [{ __typename: 'HumanTask', id: taskId }];
    const seen = await gql(entities, { r: representations }, a, inject('processesUrl'));
    expect(seen.data._entities).toEqual([{ id: taskId, kind: 'ENDORSE_ENROLLMENT' }]);
    const hidden = await gql(
      entities,
      { r: representations },
      await token(['APPROVER'], [henan]),
      inject('processesUrl'),
    );
    expect(hidden.data._entities).toEqual([null]);
  });

  it('shows reminders to the people the task is for', async () => {
    const { taskId } = await enrolled(await createCourse(5), wenzhou);
    // The reminder itself is written by a timer (see the time-skipping tests); here, its reader.
    const [task] = await sql('select candidate_keys from processes.human_task where id = $1', [taskId]);
    await sql(
      "insert into processes.task_notification (id, task_id, kind, message, audience, created_at) values (gen_random_uuid(), $1, 'REMINDER', '提醒', $2, now())",
      [taskId, task.candidate_keys],
    );
    const read = async (as: string) =>
      (
        await gql('{ myNotifications(first: 100) { edges { node { taskId kind message } } } }', {}, as)
      ).data.myNotifications.edges.map((e: any) => e.node);
    expect(await read(await approverA())).toContainEqual({ taskId, kind: 'REMINDER', message: '提醒' });
    expect(await read(await token(['APPROVER'], [henan]))).not.toContainEqual(expect.objectContaining({ taskId }));
  });
});
