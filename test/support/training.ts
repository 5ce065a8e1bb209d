import { expect } from 'vitest';
import { gql, token } from './hub.js';

// Steps of the training process as an admin, an integrator, an approver and a Federation
// officer take them, through the gateway.

export const OFFICER = 'officer-li';
export const officerToken = () => token(['FEDERATION_OFFICER'], [], OFFICER);

/** A course starting `daysAhead` days from now (Beijing calendar is close enough for tests). */
export async function createCourse(
  capacity: number,
  options: { title?: string; days?: number; completionDays?: number; daysAhead?: number } = {},
): Promise<string> {
  const startsOn = new Date(Date.now() + (options.daysAhead ?? 30) * 86_400_000).toISOString().slice(0, 10);
  const r = await gql(
    'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id capacity } }',
    {
      input: {
        title: options.title ?? `课程 ${Math.random().toString(36).slice(2, 8)}`,
        days: options.days ?? 4,
        capacity,
        startsOn,
        completionDays: options.completionDays,
      },
    },
    await token(['ADMIN']),
  );
  expect(r.errors).toBeUndefined();
  return r.data.createTrainingCourse.id;
}

/** A new person in the registry holding a staff position in `organizationId`. */
export async function staffOf(
  organizationId: string,
  name = `学员${Math.random().toString(36).slice(2, 6)}`,
): Promise<string> {
  const admin = await token(['ADMIN']);
  const person = await gql(
    'mutation ($input: NewPerson!) { createPerson(input: $input) { id } }',
    { input: { name } },
    admin,
  );
  expect(person.errors).toBeUndefined();
  const personId = person.data.createPerson.id;
  const position = await gql(
    'mutation ($input: NewPosition!) { createPosition(input: $input) { id } }',
    { input: { personId, organizationId, role: 'FULL_TIME_STAFF', validFrom: '2020-01-01' } },
    admin,
  );
  expect(position.errors).toBeUndefined();
  return personId;
}

export async function enroll(courseId: string, organizationId: string, personId: string) {
  return gql(
    `mutation ($courseId: ID!, $personId: ID!, $organizationId: ID!) {
      enrollInTraining(courseId: $courseId, personId: $personId, organizationId: $organizationId) {
        id status workflowId personName tasks { id status kind }
      } }`,
    { courseId, personId, organizationId },
    await token(['INTEGRATOR'], [], 'integrator-hr'),
  );
}

/** Makes a staff member, applies for them, and returns the enrollment with its open endorsement task. */
export async function enrolled(courseId: string, organizationId: string, personName?: string) {
  const personId = await staffOf(organizationId, personName);
  const r = await enroll(courseId, organizationId, personId);
  expect(r.errors).toBeUndefined();
  const enrollment = r.data.enrollInTraining;
  // The applicant does not see the chamber's task; its approvers do.
  const task = await openTaskOf(enrollment.id, await token(['APPROVER'], [organizationId]));
  return { id: enrollment.id as string, workflowId: enrollment.workflowId as string, taskId: task.id, personId };
}

export const DECIDE = `mutation ($id: ID!, $input: DecisionInput!) {
  decideTask(id: $id, input: $input) {
    task { id status decision comment decidedBy decisionValues }
    process { id stage ... on TrainingEnrollment { status } }
  } }`;

export async function decide(
  taskId: string,
  outcome: string,
  as: string,
  comment?: string,
  values?: Record<string, unknown>,
) {
  return gql(DECIDE, { id: taskId, input: { outcome, comment, values } }, as);
}

/** The open task of an enrollment that `as` may see (e.g. the officer's confirmation task). */
export async function openTaskOf(enrollmentId: string, as: string): Promise<{ id: string; kind: string }> {
  const r = await gql(
    'query ($id: ID!) { trainingEnrollment(id: $id) { tasks { id kind status } } }',
    { id: enrollmentId },
    as,
  );
  expect(r.errors).toBeUndefined();
  const open = r.data.trainingEnrollment.tasks.filter((t: any) => t.status === 'OPEN' || t.status === 'CLAIMED');
  expect(open).toHaveLength(1);
  return open[0];
}

/** Endorsed by the chamber and confirmed by the Federation: the stage the seat rule leaves it in. */
export async function endorseAndConfirm(enrollment: { id: string; taskId: string }, approver: string): Promise<string> {
  const endorsed = await decide(enrollment.taskId, 'APPROVE', approver, '同意推荐');
  expect(endorsed.errors).toBeUndefined();
  expect(endorsed.data.decideTask.process.stage).toBe('AWAITING_CONFIRMATION');
  const officer = await officerToken();
  const confirm = await openTaskOf(enrollment.id, officer);
  expect(confirm.kind).toBe('CONFIRM_ENROLLMENT');
  const confirmed = await decide(confirm.id, 'APPROVE', officer, '确认');
  expect(confirmed.errors).toBeUndefined();
  return confirmed.data.decideTask.process.stage;
}

/**
 * Moves the course of an enrollment so that it began `daysAgo` days ago (Beijing calendar), as the
 * calendar would have moved: attendance is taken on course days only. The run keeps its own copy
 * of the dates, which only bounds how long it waits for the record.
 */
export async function beginCourseOf(
  query: (text: string, values: unknown[]) => Promise<unknown>,
  enrollmentId: string,
  daysAgo = 0,
): Promise<void> {
  await query(
    `update processes.training_course set starts_on = (now() at time zone 'Asia/Shanghai')::date - $2::int
      where id = (select course_id from processes.training_enrollment where id = $1)`,
    [enrollmentId, daysAgo],
  );
}
