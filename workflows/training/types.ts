import { defineQuery, defineUpdate } from '@temporalio/workflow';

// Wire names here (workflow type, update and query names, task kinds) are contracts with
// running workflows: add new ones, never rename.

export const TRAINING_WORKFLOW_TYPE = 'trainingEnrollment';
export const ENDORSE_TASK_KIND = 'ENDORSE_ENROLLMENT';

/** One workflow per application; its id is derived from the enrollment id. */
export function trainingWorkflowId(enrollmentId: string): string {
  return `training-enrollment-${enrollmentId}`;
}

export type EnrollmentStatus = 'AWAITING_ENDORSEMENT' | 'ENROLLED' | 'WAITLISTED' | 'REJECTED' | 'EXPIRED';
export const FINAL_STATUSES: readonly EnrollmentStatus[] = ['ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED'];

export type DecisionValue = 'APPROVE' | 'REJECT';

export interface EnrollmentRequest {
  enrollmentId: string;
  /** The endorsement task's id, chosen by the caller so the task can be addressed at once. */
  taskId: string;
  courseId: string;
  courseTitle: string;
  personName: string;
  organizationId: string;
  organizationName: string;
  requestedBy: string;
  /** How long the chamber has to endorse, in milliseconds. */
  endorsementDeadlineMs: number;
}

export interface Decision {
  taskId: string;
  decision: DecisionValue;
  comment?: string | null;
  decidedBy: string;
}

export interface EnrollmentState {
  status: EnrollmentStatus;
  /** The task the workflow waits on, or null once it has been decided or has expired. */
  openTaskId: string | null;
  decision: Decision | null;
}

/** What the settle activity reports: where the person ended up after the decision. */
export interface SettledEnrollment {
  status: EnrollmentStatus;
}

// An update, not a signal, for decisions: the approver waits for the outcome, and the
// validator rejects a stale or malformed decision before anything reaches history.
export const decideUpdate = defineUpdate<EnrollmentState, [Decision]>('decide');
// Used with update-with-start: returns once the endorsement task exists, so the caller can
// show the task straight away.
export const taskOpenedUpdate = defineUpdate<EnrollmentState>('taskOpened');
export const stateQuery = defineQuery<EnrollmentState>('state');
