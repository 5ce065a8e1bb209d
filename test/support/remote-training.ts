import { expect } from 'vitest';
import { gql, orgId, token } from './hub.js';

// The training steps of test/support/training.ts against a gateway given by URL: the fault
// tests' own hubs, not the global setup's. The hubs share the suite's JWT secret, so token()
// signs for them too.

const WENZHOU = orgId('wenzhou');
export const OFFICER = 'officer-faults';

const ok = <T>(r: { errors?: unknown; data?: T }, what: string): T => {
  expect(r.errors, what).toBeUndefined();
  return r.data as T;
};

/** A course of `days` days starting in a month, a new staff member of 嘉兴市温州商会, their application. */
export async function applyForTraining(gatewayUrl: string, days = 1) {
  const admin = await token(['ADMIN']);
  const startsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const course = ok<any>(
    await gql(
      'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }',
      { input: { title: `故障演练班 ${Math.random().toString(36).slice(2, 6)}`, days, capacity: 5, startsOn } },
      admin,
      gatewayUrl,
    ),
    'course',
  );
  const person = ok<any>(
    await gql(
      'mutation ($input: NewPerson!) { createPerson(input: $input) { id } }',
      { input: { name: '故障演练学员' } },
      admin,
      gatewayUrl,
    ),
    'person',
  );
  const personId = person.createPerson.id as string;
  ok(
    await gql(
      'mutation ($input: NewPosition!) { createPosition(input: $input) { id } }',
      { input: { personId, organizationId: WENZHOU, role: 'FULL_TIME_STAFF', validFrom: '2020-01-01' } },
      admin,
      gatewayUrl,
    ),
    'position',
  );
  const applied = ok<any>(
    await gql(
      'mutation ($c: ID!, $o: ID!, $p: ID!) { enrollInTraining(courseId: $c, organizationId: $o, personId: $p) { id workflowId } }',
      { c: course.createTrainingCourse.id, o: WENZHOU, p: personId },
      await token(['INTEGRATOR']),
      gatewayUrl,
    ),
    'enroll',
  );
  const { id, workflowId } = applied.enrollInTraining as { id: string; workflowId: string };
  return { id, workflowId, personId };
}

/** The open task of an enrollment that `as` may see. */
export async function openTask(gatewayUrl: string, enrollmentId: string, as: string): Promise<string> {
  const r = ok<any>(
    await gql(
      'query ($id: ID!) { trainingEnrollment(id: $id) { tasks { id status } } }',
      { id: enrollmentId },
      as,
      gatewayUrl,
    ),
    'tasks',
  );
  const open = r.trainingEnrollment.tasks.filter(
    (t: { status: string }) => t.status === 'OPEN' || t.status === 'CLAIMED',
  );
  expect(open).toHaveLength(1);
  return open[0].id;
}

/** Decides a task; returns the process's stage once the workflow has acted. */
export async function decide(gatewayUrl: string, taskId: string, as: string): Promise<string> {
  const r = ok<any>(
    await gql(
      'mutation ($id: ID!) { decideTask(id: $id, input: { outcome: APPROVE }) { process { stage } } }',
      { id: taskId },
      as,
      gatewayUrl,
    ),
    'decide',
  );
  return r.decideTask.process.stage;
}

/** Endorsed by the chamber and confirmed by the Federation: ENROLLED (the course has seats). */
export async function endorseAndConfirm(gatewayUrl: string, enrollmentId: string): Promise<string> {
  const approver = await token(['APPROVER'], [WENZHOU]);
  expect(await decide(gatewayUrl, await openTask(gatewayUrl, enrollmentId, approver), approver)).toBe(
    'AWAITING_CONFIRMATION',
  );
  const officer = await token(['FEDERATION_OFFICER'], [], OFFICER);
  return decide(gatewayUrl, await openTask(gatewayUrl, enrollmentId, officer), officer);
}

/** Records day `day` as attended (the last day makes the workflow issue the certificate). */
export async function attend(gatewayUrl: string, enrollmentId: string, day: number) {
  const officer = await token(['FEDERATION_OFFICER'], [], OFFICER);
  ok(
    await gql(
      'mutation ($id: ID!, $day: Int!) { recordAttendance(enrollmentId: $id, day: $day, attended: true) { status } }',
      { id: enrollmentId, day },
      officer,
      gatewayUrl,
    ),
    'attendance',
  );
}
