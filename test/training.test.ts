import { describe, expect, it } from 'vitest';
import { gql, orgId, sql, temporalClient, token } from './support/hub.js';
import { createCourse, decide, enroll, enrolled } from './support/training.js';
import { stateQuery } from '../workflows/training/types.js';

const wenzhou = orgId('wenzhou');

describe('training enrollment through the gateway', () => {
  it('goes from request to ENROLLED through an approver\'s decision', async () => {
    const courseId = await createCourse(2);
    const r = await enroll(courseId, wenzhou, '李四');
    expect(r.errors).toBeUndefined();
    const enrollment = r.data.enrollInTraining;
    expect(enrollment.status).toBe('AWAITING_ENDORSEMENT');
    expect(enrollment.tasks).toEqual([{ id: expect.any(String), status: 'OPEN', kind: 'ENDORSE_ENROLLMENT' }]);

    const approver = await token(['APPROVER'], [wenzhou], 'secretary-wenzhou');
    const inbox = await gql('{ myTasks(status: OPEN, first: 100) { totalCount edges { node { id title organization { id name } } } } }', {}, approver);
    const mine = inbox.data.myTasks.edges.map((e: any) => e.node);
    const task = mine.find((t: any) => t.id === enrollment.tasks[0].id);
    expect(task.title).toContain('李四');
    // The organization's name comes from the registry subgraph through the gateway.
    expect(task.organization).toEqual({ id: wenzhou, name: '嘉兴市温州商会' });

    const decided = await decide(task.id, 'APPROVE', approver, '同意报名');
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideTask).toEqual({
      task: { id: task.id, status: 'DONE', decision: 'APPROVE', comment: '同意报名', decidedBy: 'secretary-wenzhou' },
      enrollment: { id: enrollment.id, status: 'ENROLLED' },
    });
    const [row] = await sql('select status, closed_at from processes.training_enrollment where id = $1', [enrollment.id]);
    expect(row.status).toBe('ENROLLED');
    expect(row.closed_at).not.toBeNull();
    const result = await (await temporalClient()).workflow.getHandle(enrollment.workflowId).result();
    expect(result.status).toBe('ENROLLED');
  });

  it('ends REJECTED when the chamber rejects', async () => {
    const courseId = await createCourse(5);
    const { id, taskId } = await enrolled(courseId, wenzhou);
    const approver = await token(['APPROVER'], [wenzhou]);
    const decided = await decide(taskId, 'REJECT', approver, '本期不参加');
    expect(decided.data.decideTask.enrollment).toEqual({ id, status: 'REJECTED' });
    expect(decided.data.decideTask.task.decision).toBe('REJECT');
    const [count] = await sql("select count(*)::int as n from processes.training_enrollment where course_id = $1 and status = 'ENROLLED'", [courseId]);
    expect(count.n).toBe(0);
  });

  it('wait-lists an endorsed applicant when the course is full', async () => {
    const courseId = await createCourse(1);
    const approver = await token(['APPROVER'], [wenzhou]);
    const first = await enrolled(courseId, wenzhou, '甲');
    const second = await enrolled(courseId, wenzhou, '乙');
    expect((await decide(first.taskId, 'APPROVE', approver)).data.decideTask.enrollment.status).toBe('ENROLLED');
    expect((await decide(second.taskId, 'APPROVE', approver)).data.decideTask.enrollment.status).toBe('WAITLISTED');
  });

  it('never enrols more people than the capacity when approvals race', async () => {
    const courseId = await createCourse(3);
    const approver = await token(['APPROVER'], [wenzhou]);
    const applications = await Promise.all(Array.from({ length: 6 }, (_, i) => enrolled(courseId, wenzhou, `申请人${i}`)));
    const outcomes = await Promise.all(applications.map((a) => decide(a.taskId, 'APPROVE', approver)));
    const statuses = outcomes.map((o) => o.data.decideTask.enrollment.status).sort();
    expect(statuses).toEqual(['ENROLLED', 'ENROLLED', 'ENROLLED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    const [count] = await sql("select count(*)::int as n from processes.training_enrollment where course_id = $1 and status = 'ENROLLED'", [courseId]);
    expect(count.n).toBe(3);
  });

  it('shows the organization\'s enrollments on the registry\'s Organization', async () => {
    const courseId = await createCourse(1);
    const { id } = await enrolled(courseId, orgId('hubei'), '赵六');
    const r = await gql(
      'query ($id: ID!) { organization(id: $id) { name trainingEnrollments { id personName status course { id } } } }',
      { id: orgId('hubei') },
      await token(['INTEGRATOR']),
    );
    expect(r.data.organization.name).toBe('嘉兴市湖北商会');
    expect(r.data.organization.trainingEnrollments).toContainEqual({ id, personName: '赵六', status: 'AWAITING_ENDORSEMENT', course: { id: courseId } });
  });

  it('lets an admin see the run in Temporal with its open task', async () => {
    const courseId = await createCourse(1);
    const { workflowId, taskId } = await enrolled(courseId, wenzhou);
    const admin = await token(['ADMIN']);
    const run = await gql('query ($id: ID!) { workflowRun(id: $id) { id type status openTasks { id } } }', { id: workflowId }, admin);
    expect(run.data.workflowRun).toEqual({ id: workflowId, type: 'trainingEnrollment', status: 'RUNNING', openTasks: [{ id: taskId }] });
    const state = await (await temporalClient()).workflow.getHandle(workflowId).query(stateQuery);
    expect(state).toMatchObject({ status: 'AWAITING_ENDORSEMENT', openTaskId: taskId });

    // Visibility is eventually consistent: poll briefly for the list to include the run.
    let listed = false;
    for (let attempt = 0; attempt < 20 && !listed; attempt++) {
      const runs = await gql('{ workflowRuns(type: TRAINING_ENROLLMENT, status: RUNNING, first: 100) { totalCount runs { id status } } }', {}, admin);
      listed = runs.data.workflowRuns.runs.some((r: any) => r.id === workflowId && r.status === 'RUNNING');
      if (!listed) await new Promise((done) => setTimeout(done, 250));
    }
    expect(listed).toBe(true);
  });
});
