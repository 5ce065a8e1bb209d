import { describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, sql, temporalClient, token } from './support/hub.js';
import { createCourse, decide, enroll, enrolled, staffOf } from './support/training.js';
import { makeCreditCode } from '../services/registry/credit-code.js';
import { stateQuery } from '../workflows/training/types.js';

// Every refusal names the problem with an extensions.code and leaves no trace: no row in the
// database, no workflow started, no change to a running workflow's state.

const wenzhou = orgId('wenzhou');
const counts = async () =>
  (
    await sql(`select
  (select count(*) from registry.organization)::int as organizations,
  (select count(*) from processes.training_enrollment)::int as enrollments,
  (select count(*) from processes.human_task)::int as tasks`)
  )[0];
const workflowCount = async () => (await (await temporalClient()).workflow.count()).count;

const CREATE_ORG = 'mutation ($input: NewOrganization!) { createOrganization(input: $input) { id creditCode } }';

describe('bad input', () => {
  it('refuses an invalid credit code and writes nothing', async () => {
    const admin = await token(['ADMIN']);
    const valid = makeCreditCode('9', '1', '330402', 'MA2B3C4D5');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const before = await counts();
    for (const creditCode of [wrongCheck, 'SHORT', valid.replace('M', 'I')]) {
      const r = await gql(
        CREATE_ORG,
        { input: { name: '嘉兴某某纺织有限公司', kind: 'ENTERPRISE', regionCode: '330402', creditCode } },
        admin,
      );
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('creditCode');
      expect(r.data).toBeNull();
    }
    expect(await counts()).toEqual(before);
    expect(await sql('select 1 from registry.organization where name = $1', ['嘉兴某某纺织有限公司'])).toEqual([]);

    // The same organization with a correct code is accepted: the refusal was the check character.
    const ok = await gql(
      CREATE_ORG,
      { input: { name: '嘉兴某某纺织有限公司', kind: 'ENTERPRISE', regionCode: '330402', creditCode: valid } },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createOrganization.creditCode).toBe(valid);
  });

  it('refuses an unknown organization id and starts no workflow', async () => {
    const courseId = await createCourse(5);
    const [before, runs] = [await counts(), await workflowCount()];
    const personId = await staffOf(wenzhou);
    const r = await enroll(courseId, '00000000-0000-4000-8000-000000000000', personId);
    expect(codeOf(r)).toBe('NOT_FOUND');
    expect(r.errors![0].message).toContain('00000000-0000-4000-8000-000000000000');
    expect(await counts()).toEqual(before);
    expect(await workflowCount()).toBe(runs);
  });

  it('refuses a malformed id', async () => {
    const courseId = await createCourse(5);
    const personId = await staffOf(wenzhou);
    const before = await counts();
    const integrator = await token(['INTEGRATOR']);
    expect(codeOf(await enroll(courseId, 'not-a-uuid', personId))).toBe('BAD_USER_INPUT');
    expect(codeOf(await enroll('42', wenzhou, personId))).toBe('BAD_USER_INPUT');
    expect(codeOf(await enroll(courseId, wenzhou, 'x'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql('{ organization(id: "1 or 1=1") { id } }', {}, integrator))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide("'; drop table", 'APPROVE', await token(['APPROVER'], [wenzhou])))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a person name with a NUL byte, or no registry person, at once', async () => {
    const courseId = await createCourse(5);
    const personId = await staffOf(wenzhou);
    const [before, runs] = [await counts(), await workflowCount()];
    const integrator = await token(['INTEGRATOR']);
    const withNul = await gql(
      'mutation ($c: ID!, $o: ID!, $p: ID!, $n: String) { enrollInTraining(courseId: $c, organizationId: $o, personId: $p, personName: $n) { id } }',
      { c: courseId, o: wenzhou, p: personId, n: '张\u0000三' },
      integrator,
    );
    expect(codeOf(withNul)).toBe('BAD_USER_INPUT');
    expect(withNul.errors![0].extensions!.field).toBe('personName');
    const noPerson = await gql(
      'mutation ($c: ID!, $o: ID!) { enrollInTraining(courseId: $c, organizationId: $o, personName: "张三") { id } }',
      { c: courseId, o: wenzhou },
      integrator,
    );
    expect(codeOf(noPerson)).toBe('BAD_USER_INPUT');
    expect(noPerson.errors![0].extensions!.field).toBe('personId');
    const unknownPerson = await enroll(courseId, wenzhou, '00000000-0000-4000-8000-000000000001');
    expect(codeOf(unknownPerson)).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    expect(await workflowCount()).toBe(runs);
  });

  it('refuses a decision on a finished task and changes nothing', async () => {
    const courseId = await createCourse(5);
    const approver = await token(['APPROVER'], [wenzhou]);
    const { taskId, workflowId } = await enrolled(courseId, wenzhou);
    expect((await decide(taskId, 'APPROVE', approver, 'first')).errors).toBeUndefined();
    const [taskBefore] = await sql('select * from processes.human_task where id = $1', [taskId]);

    const again = await decide(taskId, 'REJECT', approver, 'second thoughts');
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/DONE/);
    expect(await sql('select * from processes.human_task where id = $1', [taskId])).toEqual([taskBefore]);
    const state = await (await temporalClient()).workflow.getHandle(workflowId).query(stateQuery);
    expect(state.status).toBe('AWAITING_CONFIRMATION');
    expect(state.decision).toMatchObject({ decision: 'APPROVE', comment: 'first' });
  });

  it('refuses a decision by an approver of another organization', async () => {
    const courseId = await createCourse(5);
    const { id, taskId, workflowId } = await enrolled(courseId, wenzhou);
    const outsider = await token(['APPROVER'], [orgId('henan')]);
    const r = await decide(taskId, 'APPROVE', outsider);
    expect(codeOf(r)).toBe('FORBIDDEN');
    const [task] = await sql('select status, decision from processes.human_task where id = $1', [taskId]);
    expect(task).toEqual({ status: 'OPEN', decision: null });
    const [enrollment] = await sql('select status from processes.training_enrollment where id = $1', [id]);
    expect(enrollment.status).toBe('AWAITING_ENDORSEMENT');
    const state = await (await temporalClient()).workflow.getHandle(workflowId).query(stateQuery);
    expect(state).toMatchObject({ status: 'AWAITING_ENDORSEMENT', openTaskId: taskId, decision: null });
    // An approver of the other organization cannot even see it in their inbox.
    const inbox = await gql('{ myTasks(first: 100) { edges { node { id } } } }', {}, outsider);
    expect(inbox.data.myTasks.edges.map((e: any) => e.node.id)).not.toContain(taskId);
  });

  it('refuses an unknown decision value', async () => {
    const courseId = await createCourse(5);
    const { taskId, workflowId } = await enrolled(courseId, wenzhou);
    const approver = await token(['APPROVER'], [wenzhou]);
    const asVariable = await decide(taskId, 'MAYBE', approver);
    expect(codeOf(asVariable)).toBe('BAD_USER_INPUT');
    const asLiteral = await gql(
      `mutation { decideTask(id: "${taskId}", input: { outcome: MAYBE }) { task { id } } }`,
      {},
      approver,
    );
    expect(codeOf(asLiteral)).toBe('GRAPHQL_VALIDATION_FAILED');
    const [task] = await sql('select status from processes.human_task where id = $1', [taskId]);
    expect(task.status).toBe('OPEN');
    const state = await (await temporalClient()).workflow.getHandle(workflowId).query(stateQuery);
    expect(state.decision).toBeNull();
  });

  it('keeps the admin view for admins', async () => {
    const approver = await token(['APPROVER'], [wenzhou]);
    expect(codeOf(await gql('{ workflowRuns { totalCount } }', {}, approver))).toBe('FORBIDDEN');
    const admin = await token(['ADMIN']);
    expect(codeOf(await gql('{ workflowRun(id: "training-enrollment-missing") { id } }', {}, admin))).toBe('NOT_FOUND');
    // The inbox holds only what a person may act on: an integrator is nobody's candidate.
    expect((await gql('{ myTasks { totalCount } }', {}, await token(['INTEGRATOR']))).data.myTasks.totalCount).toBe(0);
  });

  it('refuses an admin mutation from a non-admin', async () => {
    const before = await counts();
    const r = await gql(
      CREATE_ORG,
      { input: { name: '某协会', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } },
      await token(['INTEGRATOR']),
    );
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});
