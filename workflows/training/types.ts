import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TaskDecision, TaskForm } from '../human-task/contracts.js';

// Wire names here (workflow type, update, signal and query names, task kinds) are contracts
// with running workflows: add new ones, never rename.

export const TRAINING_WORKFLOW_TYPE = 'trainingEnrollment';
export const TRAINING_PROCESS_TYPE = 'TRAINING_ENROLLMENT';
export const ENDORSE_TASK_KIND = 'ENDORSE_ENROLLMENT';
export const CONFIRM_TASK_KIND = 'CONFIRM_ENROLLMENT';

/** The first runs' workflow id, derived from the enrollment id (still used by their rows). */
export function trainingWorkflowId(enrollmentId: string): string {
  return `training-enrollment-${enrollmentId}`;
}

/** One application per person and course: the id makes Temporal refuse a second one. */
export function applicationWorkflowId(courseId: string, personId: string): string {
  return `training-enrollment-${courseId}-${personId}`;
}

export type EnrollmentStatus =
  | 'AWAITING_ENDORSEMENT'
  | 'AWAITING_CONFIRMATION'
  | 'ENROLLED'
  | 'WAITLISTED'
  | 'REJECTED'
  | 'EXPIRED'
  | 'WITHDRAWN'
  | 'COMPLETED'
  | 'NOT_COMPLETED'
  /** Ended by an admin (operations): cancelled, or terminated without the workflow's say. */
  | 'CANCELLED'
  | 'TERMINATED';

/** An application for a course (培训报名), as the resolver starts it. */
export interface TrainingApplication {
  enrollmentId: string;
  workflowId: string;
  /** The endorsement task's id, chosen by the caller so the task can be addressed at once. */
  endorseTaskId: string;
  course: { id: string; title: string; days: number; startsOn: string; completionDays: number };
  personId: string;
  personName: string;
  organizationId: string;
  organizationName: string;
  requestedBy: string;
  /** Knobs travel with the run, so it keeps the values it started with (milliseconds). */
  deadlines: { endorsementMs: number; escalationMs: number; confirmationMs: number };
}

export interface TrainingState {
  status: EnrollmentStatus;
  /** The task the workflow waits on, or null. */
  openTaskId: string | null;
  /** The latest decision taken. */
  decision: TaskDecision | null;
  /** Day of the course (1-based) → attended. */
  attendance: Record<string, boolean>;
  certificateId: string | null;
  /** When the application was made and when it came to its end (epoch ms; null while open). */
  requestedAt?: number;
  closedAt?: number | null;
}

export const ENDORSE_FORM: TaskForm = {
  outcomes: ['APPROVE', 'REJECT'],
  fields: [
    { name: 'reason', label: '不同意理由', type: 'TEXT', maxLength: 500, required: true, forOutcomes: ['REJECT'] },
  ],
};
/** The Federation confirms with the same choices as the chamber endorses. */
export const CONFIRM_FORM: TaskForm = { ...ENDORSE_FORM };

export interface Withdrawal {
  by: string;
  reason?: string | null;
}
export interface AttendanceRecord {
  day: number;
  attended: boolean;
  recordedBy: string;
}

export const withdrawUpdate = defineUpdate<TrainingState, [Withdrawal]>('withdraw');
export const attendanceUpdate = defineUpdate<TrainingState, [AttendanceRecord]>('recordAttendance');
/** Sent by the activity that freed a seat and gave it to this wait-listed application (FIFO). */
export const seatGrantedSignal = defineSignal('seatGranted');
// Used with update-with-start: returns once the first task exists, so the caller can show it.
export const taskOpenedUpdate = defineUpdate<TrainingState>('taskOpened');
export const stateQuery = defineQuery<TrainingState>('state');
