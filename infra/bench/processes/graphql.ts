import { benchSignature } from '../signing.js';
// GraphQL over HTTP for the benchmark, and the operations it sends. Node's fetch (undici) keeps
// connections alive, so a sample pays no TCP handshake.

export async function gql<T = any>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const body = JSON.stringify({ query, variables });
  const authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, ...benchSignature(url, authorization, body) },
    body,
    ...(signal ? { signal } : {}),
  });
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (result.errors?.length) throw new Error(`GraphQL error: ${result.errors[0].message}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return result.data!;
}

export const CREATE_PERSON = 'mutation ($input: NewPerson!) { createPerson(input: $input) { id } }';
export const CREATE_POSITION = 'mutation ($input: NewPosition!) { createPosition(input: $input) { id } }';
export const CREATE_COURSE = 'mutation ($input: NewTrainingCourse!) { createTrainingCourse(input: $input) { id } }';

/** What test/support/training.ts asks for; tasks are listed only to callers who may see them. */
export const ENROLL = `mutation ($courseId: ID!, $personId: ID!, $organizationId: ID!) {
  enrollInTraining(courseId: $courseId, personId: $personId, organizationId: $organizationId) {
    id status workflowId tasks { id status kind } } }`;

/** The selection of test/support/training.ts's DECIDE: the task and the process after it. */
export const DECIDE = `mutation ($id: ID!, $input: DecisionInput!) {
  decideTask(id: $id, input: $input) {
    task { id status decision comment decidedBy decisionValues }
    process { id stage ... on TrainingEnrollment { status } } } }`;

export interface Enrolled {
  id: string;
  status: string;
  workflowId: string;
  tasks: { id: string; status: string; kind: string }[];
}
