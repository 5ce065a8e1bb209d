import { defineUpdate } from '@temporalio/workflow';

// The human-task contracts every process shares: what a task is when a workflow opens it, the
// decision an approver sends, and the `decide` update that carries it. Wire names are
// contracts with running workflows: add, never rename.

/** Who may act on a task: a role, optionally within one organisation, or one named person. */
export interface Candidate {
  role?: string;
  organizationId?: string | null;
  subject?: string;
}

/** What a workflow asks a person to decide (the projection's row is made from it). */
export interface TaskSpec {
  taskId: string;
  processType: string;
  processId: string;
  workflowId: string;
  kind: string;
  /** Chinese title and summary, shown in the inbox. */
  title: string;
  summary: string;
  organizationId: string;
  candidates: Candidate[];
  /**
   * People (token subjects) who may not act on it even when a candidate matches them, e.g. the
   * one who asked for the decision may not review it (four eyes).
   */
  excludedSubjects?: string[];
  /** Milliseconds from opening until the task is due, and until the reminder (follow-up). */
  dueInMs: number;
  followUpInMs?: number;
  priority?: number;
}

export type FieldType = 'TEXT' | 'INT' | 'DATE' | 'CHOICE';

export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  options?: string[];
  /** Only these outcomes ask for the field (e.g. a reason only for REJECT). */
  forOutcomes?: string[];
}

/** The decision form of a task kind: the outcomes it allows and the fields they carry. */
export interface TaskForm {
  outcomes: string[];
  fields: FormField[];
}

export interface TaskDecision {
  taskId: string;
  /** The outcome, e.g. APPROVE or REJECT (kept as `decision`: the wire name of the first process). */
  decision: string;
  comment?: string | null;
  decidedBy: string;
  /** The kind's form fields (a score, a grade, a reason ...). */
  values?: Record<string, unknown> | null;
}

/** How a task ended for the workflow: a person's decision, or the deadline's explicit outcome. */
export type TaskResult = { kind: 'DECIDED'; decision: TaskDecision } | { kind: 'EXPIRED' } | { kind: 'CANCELLED' };

/** When the due date passes: expire with an explicit outcome, or hand the task to someone else first. */
export interface DuePolicy {
  /**
   * Keep the decision's caller waiting until the workflow has taken its next step (opened the
   * next task, or called settle()), so the answer shows where the process went. Without it the
   * caller is answered as soon as the decision is recorded.
   */
  holdAnswer?: boolean;
  escalateTo?: Candidate[];
  /** How long those it was escalated to have, in milliseconds. */
  escalatedDueInMs?: number;
}

/**
 * What a `decide` update answers once the workflow has acted on the decision: the process's input
 * and state as the workflow has them, from which the hub shows the process to the decider with
 * no second read (each process's `reported` in services/processes). Runs of the first training
 * version answer their state alone.
 */
export interface DecisionReport<I = unknown, S = unknown> {
  input: I;
  state: S;
  /** The decision the update took (set by the task board). */
  decision?: TaskDecision;
}

// An update, not a signal: the approver waits for the outcome, and the validator refuses a stale
// or malformed decision before anything reaches history. The result is the DecisionReport.
export const decideUpdate = defineUpdate<unknown, [TaskDecision]>('decide');

/** An admin moves an open task's due date (services/processes/operations); the workflow's timer follows. */
export const extendTaskUpdate = defineUpdate<{ taskId: string; dueAt: number }, [{ taskId: string; dueAt: number }]>(
  'extendTask',
);
