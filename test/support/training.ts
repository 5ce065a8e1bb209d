import { expect } from 'vitest';
import { gql, token } from './hub.js';

// Steps of the training process as an integrator, an approver and an admin take them.

export async function createCourse(capacity: number, title = `课程 ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const admin = await token(['ADMIN']);
  const r = await gql(
    'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id capacity } }',
    { input: { title, days: 4, capacity, startsOn: '2026-12-07' } },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data.createTrainingCourse.id;
}

export async function enroll(courseId: string, organizationId: string, personName = '王小明') {
  const applicant = await token(['INTEGRATOR']);
  return gql(
    `mutation ($courseId: ID!, $personName: String!, $organizationId: ID!) {
      enrollInTraining(courseId: $courseId, personName: $personName, organizationId: $organizationId) {
        id status workflowId tasks { id status kind }
      } }`,
    { courseId, personName, organizationId },
    applicant,
  );
}

/** Applies and returns the enrollment with its open endorsement task. */
export async function enrolled(courseId: string, organizationId: string, personName?: string) {
  const r = await enroll(courseId, organizationId, personName);
  expect(r.errors).toBeUndefined();
  const enrollment = r.data.enrollInTraining;
  return { id: enrollment.id as string, workflowId: enrollment.workflowId as string, taskId: enrollment.tasks[0].id as string };
}

export async function decide(taskId: string, decision: string, approverToken: string, comment?: string) {
  return gql(
    `mutation ($id: ID!, $decision: Decision!, $comment: String) {
      decideTask(id: $id, decision: $decision, comment: $comment) {
        task { id status decision comment decidedBy } enrollment { id status }
      } }`,
    { id: taskId, decision, comment },
    approverToken,
  );
}
