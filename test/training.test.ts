import { describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, sql, temporalClient, token } from './support/hub.js';
import {
  beginCourseOf,
  createCourse,
  decide,
  endorseAndConfirm,
  enroll,
  enrolled,
  officerToken,
  openTaskOf,
  staffOf,
} from './support/training.js';
import { stateQuery } from '../workflows/training/types.js';

const wenzhou = orgId('wenzhou');

/** Polls until the enrollment's row reaches `status` (a workflow acts after the caller's answer). */
async function eventuallyStatus(id: string, status: string) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const [row] = await sql('select status from processes.training_enrollment where id = $1', [id]);
    if (row.status === status) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  const [row] = await sql('select status from processes.training_enrollment where id = $1', [id]);
  expect(row.status).toBe(status);
}

describe('training enrollment through the gateway', () => {
  it('goes from application to ENROLLED: the chamber endorses, the Federation confirms', async () => {
    const courseId = await createCourse(2);
    const personId = await staffOf(wenzhou, '李四');
    const r = await enroll(courseId, wenzhou, personId);
    expect(r.errors).toBeUndefined();
    const enrollment = r.data.enrollInTraining;
    expect(enrollment).toMatchObject({ status: 'AWAITING_ENDORSEMENT', personName: '李四' });
    // Its run's id says what it is (process, the course's year, the chamber's credit code), not who.
    const { creditCode } = (
      await gql('query ($id: ID!) { organization(id: $id) { creditCode } }', { id: wenzhou }, await token(['ADMIN']))
    ).data.organization;
    expect(enrollment.workflowId).toMatch(new RegExp(`^training-\\d{4}-${creditCode}-[0-9a-f]{10}$`));
    expect(enrollment.workflowId).not.toContain(personId);
    // The applicant (an integrator) is no candidate: the chamber's task is not theirs to see.
    expect(enrollment.tasks).toEqual([]);
    const endorseTask = await openTaskOf(enrollment.id, await token(['APPROVER'], [wenzhou]));

    const approver = await token(['APPROVER'], [wenzhou], 'secretary-wenzhou');
    const inbox = await gql(
      '{ myTasks(status: OPEN, first: 100) { totalCount edges { node { id title summary kind organization { id name } form { outcomes fields { name required forOutcomes } } } } } }',
      {},
      approver,
    );
    const task = inbox.data.myTasks.edges.map((e: any) => e.node).find((t: any) => t.id === endorseTask.id);
    expect(task.title).toContain('李四');
    expect(task.summary).toContain('嘉兴市温州商会');
    expect(task.kind).toBe('ENDORSE_ENROLLMENT');
    expect(task.form.outcomes).toEqual(['APPROVE', 'REJECT']);
    // The organization's name comes from the registry subgraph through the gateway.
    expect(task.organization).toEqual({ id: wenzhou, name: '嘉兴市温州商会' });

    const endorsed = await decide(task.id, 'APPROVE', approver, '同意推荐');
    expect(endorsed.errors).toBeUndefined();
    expect(endorsed.data.decideTask).toEqual({
      task: {
        id: task.id,
        status: 'DONE',
        decision: 'APPROVE',
        comment: '同意推荐',
        decidedBy: 'secretary-wenzhou',
        decisionValues: null,
      },
      process: { id: enrollment.id, stage: 'AWAITING_CONFIRMATION', status: 'AWAITING_CONFIRMATION' },
    });
    // The confirmation is the Federation's: the chamber's approver does not get it.
    const officer = await officerToken();
    const confirm = await openTaskOf(enrollment.id, officer);
    expect(confirm.kind).toBe('CONFIRM_ENROLLMENT');
    expect(codeOf(await decide(confirm.id, 'APPROVE', approver))).toBe('FORBIDDEN');
    const confirmed = await decide(confirm.id, 'APPROVE', officer);
    expect(confirmed.data.decideTask.process).toEqual({ id: enrollment.id, stage: 'ENROLLED', status: 'ENROLLED' });
    const [row] = await sql('select status from processes.training_enrollment where id = $1', [enrollment.id]);
    expect(row.status).toBe('ENROLLED');
  });

  it('asks a reason for a rejection, then ends REJECTED', async () => {
    const courseId = await createCourse(5);
    const { id, taskId } = await enrolled(courseId, wenzhou);
    const approver = await token(['APPROVER'], [wenzhou]);
    const noReason = await decide(taskId, 'REJECT', approver);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0].extensions!.field).toBe('reason');
    const [open] = await sql('select status from processes.human_task where id = $1', [taskId]);
    expect(open.status).toBe('OPEN');

    const decided = await decide(taskId, 'REJECT', approver, '本期不参加', { reason: '工作安排冲突' });
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideTask.process).toMatchObject({ id, status: 'REJECTED' });
    expect(decided.data.decideTask.task.decisionValues).toEqual({ reason: '工作安排冲突' });
  });

  it('wait-lists when full and gives a freed seat to the first on the list', async () => {
    const courseId = await createCourse(1);
    const approver = await token(['APPROVER'], [wenzhou]);
    const [first, second, third] = [
      await enrolled(courseId, wenzhou, '甲'),
      await enrolled(courseId, wenzhou, '乙'),
      await enrolled(courseId, wenzhou, '丙'),
    ];
    expect(await endorseAndConfirm(first, approver)).toBe('ENROLLED');
    expect(await endorseAndConfirm(second, approver)).toBe('WAITLISTED');
    expect(await endorseAndConfirm(third, approver)).toBe('WAITLISTED');

    const withdrawn = await gql(
      'mutation ($id: ID!) { withdrawTrainingEnrollment(id: $id, reason: "另有安排") { status } }',
      { id: first.id },
      approver,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawTrainingEnrollment.status).toBe('WITHDRAWN');
    await eventuallyStatus(second.id, 'ENROLLED');
    const state = await (await temporalClient()).workflow.getHandle(second.workflowId).query(stateQuery);
    expect(state.status).toBe('ENROLLED');
    const [still] = await sql('select status from processes.training_enrollment where id = $1', [third.id]);
    expect(still.status).toBe('WAITLISTED');
  });

  it('never enrols more people than the capacity when confirmations race', async () => {
    const courseId = await createCourse(3);
    const approver = await token(['APPROVER'], [wenzhou]);
    const officer = await officerToken();
    const applications = [];
    for (let i = 0; i < 6; i++) applications.push(await enrolled(courseId, wenzhou, `申请人${i}`));
    await Promise.all(applications.map((a) => decide(a.taskId, 'APPROVE', approver)));
    const confirmations = await Promise.all(applications.map((a) => openTaskOf(a.id, officer)));
    const outcomes = await Promise.all(confirmations.map((t) => decide(t.id, 'APPROVE', officer)));
    const statuses = outcomes.map((o) => o.data.decideTask.process.status).sort();
    expect(statuses).toEqual(['ENROLLED', 'ENROLLED', 'ENROLLED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    const [count] = await sql(
      "select count(*)::int as n from processes.training_enrollment where course_id = $1 and status = 'ENROLLED'",
      [courseId],
    );
    expect(count.n).toBe(3);
  });

  it('takes one application per person and course, from an organization they belong to', async () => {
    const courseId = await createCourse(5);
    const personId = await staffOf(wenzhou);
    expect((await enroll(courseId, wenzhou, personId)).errors).toBeUndefined();
    const again = await enroll(courseId, wenzhou, personId);
    expect(codeOf(again)).toBe('CONFLICT');
    const elsewhere = await enroll(courseId, orgId('hubei'), await staffOf(wenzhou));
    expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors![0].extensions!.field).toBe('organizationId');
    const [count] = await sql('select count(*)::int as n from processes.training_enrollment where course_id = $1', [
      courseId,
    ]);
    expect(count.n).toBe(1);
  });

  it('records attendance and writes the completion certificate to the person in the registry', async () => {
    const courseId = await createCourse(5, { days: 2, title: '直播电商实务班' });
    const approver = await token(['APPROVER'], [wenzhou]);
    const enrollment = await enrolled(courseId, wenzhou, '周八');
    expect(await endorseAndConfirm(enrollment, approver)).toBe('ENROLLED');
    const officer = await officerToken();
    const RECORD =
      'mutation ($id: ID!, $day: Int!) { recordAttendance(enrollmentId: $id, day: $day, attended: true) { status attendance { day attended } } }';
    expect(codeOf(await gql(RECORD, { id: enrollment.id, day: 1 }, approver))).toBe('FORBIDDEN');
    expect(codeOf(await gql(RECORD, { id: enrollment.id, day: 3 }, officer))).toBe('BAD_USER_INPUT');
    // Before the course: refused in words, nothing recorded.
    const early = await gql(RECORD, { id: enrollment.id, day: 1 }, officer);
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0].message).toMatch(/^培训第 1 天（\d{4}-\d{2}-\d{2}）尚未到来/);
    expect(
      await sql('select day from processes.training_attendance where enrollment_id = $1', [enrollment.id]),
    ).toEqual([]);
    // The course's days come: it began yesterday.
    await beginCourseOf(sql, enrollment.id, 1);
    expect((await gql(RECORD, { id: enrollment.id, day: 1 }, officer)).errors).toBeUndefined();
    expect((await gql(RECORD, { id: enrollment.id, day: 2 }, officer)).errors).toBeUndefined();
    await eventuallyStatus(enrollment.id, 'COMPLETED');

    const person = await gql(
      'query ($id: ID!) { person(id: $id) { certifications { id kind name } } }',
      { id: enrollment.personId },
      await token(['INTEGRATOR']),
    );
    expect(person.data.person.certifications).toEqual([
      { id: expect.any(String), kind: 'TRAINING_COMPLETION', name: '直播电商实务班结业证书' },
    ]);
    const view = await gql(
      'query ($id: ID!) { trainingEnrollment(id: $id) { status certificateId attendance { day attended } } }',
      { id: enrollment.id },
      officer,
    );
    expect(view.data.trainingEnrollment).toEqual({
      status: 'COMPLETED',
      certificateId: person.data.person.certifications[0].id,
      attendance: [
        { day: 1, attended: true },
        { day: 2, attended: true },
      ],
    });
  });

  it("shows the organization's enrollments on the registry's Organization", async () => {
    const courseId = await createCourse(1);
    const { id } = await enrolled(courseId, orgId('hubei'), '赵六');
    const r = await gql(
      'query ($id: ID!) { organization(id: $id) { name trainingEnrollments { id personName status course { id } } } }',
      { id: orgId('hubei') },
      await token(['INTEGRATOR']),
    );
    expect(r.data.organization.name).toBe('嘉兴市湖北商会');
    expect(r.data.organization.trainingEnrollments).toContainEqual({
      id,
      personName: '赵六',
      status: 'AWAITING_ENDORSEMENT',
      course: { id: courseId },
    });
  });

  it('lets an admin see the run, its organization, stage and summary, and filter by them', async () => {
    const courseId = await createCourse(1, { title: '数字化转型专题班' });
    const { workflowId, taskId } = await enrolled(courseId, wenzhou, '钱七');
    const admin = await token(['ADMIN']);
    const run = await gql(
      'query ($id: ID!) { workflowRun(id: $id) { id type processType organizationId stage summary status openTasks { id } } }',
      { id: workflowId },
      admin,
    );
    expect(run.data.workflowRun).toEqual({
      id: workflowId,
      type: 'trainingEnrollment',
      processType: 'TRAINING_ENROLLMENT',
      organizationId: wenzhou,
      stage: 'AWAITING_ENDORSEMENT',
      summary: '培训报名 · 嘉兴市温州商会 · 数字化转型专题班',
      status: 'RUNNING',
      openTasks: [{ id: taskId }],
    });
    // No personal data in what every admin tool lists.
    expect(run.data.workflowRun.summary).not.toContain('钱七');

    // Visibility is eventually consistent: poll briefly for the list to include the run.
    let listed = false;
    for (let attempt = 0; attempt < 20 && !listed; attempt++) {
      const runs = await gql(
        'query ($org: ID!) { workflowRuns(type: TRAINING_ENROLLMENT, status: RUNNING, organizationId: $org, stage: "AWAITING_ENDORSEMENT", first: 100) { runs { id stage } } }',
        { org: wenzhou },
        admin,
      );
      listed = runs.data.workflowRuns.runs.some((r: any) => r.id === workflowId && r.stage === 'AWAITING_ENDORSEMENT');
      if (!listed) await new Promise((done) => setTimeout(done, 250));
    }
    expect(listed).toBe(true);
  });
});
