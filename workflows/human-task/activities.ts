import type { Candidate, TaskDecision, TaskForm, TaskSpec } from './contracts.js';

/**
 * The task kit's activities as workflows see them; services/processes/tasks/activities.ts
 * implements them (`satisfies`). Each is idempotent: Temporal may run one again after a timeout.
 */
export interface HumanTaskActivities {
  /** Writes the task's row (OPEN) with its form, due and follow-up dates. */
  openTask(task: TaskSpec & { form: TaskForm }): Promise<void>;
  /**
   * openTask for every task a workflow opened at one instant (a stage asking many people), in one
   * transaction; answers their ids, so that a run's timeline names each task (board.ts).
   */
  openTasks(input: { tasks: (TaskSpec & { form: TaskForm })[] }): Promise<{ taskIds: string[] }>;
  /** The follow-up date passed: a reminder for the candidates (myNotifications). */
  remindTask(input: { taskId: string }): Promise<void>;
  /** remindTask for the tasks whose follow-up dates passed at one instant. */
  remindTasks(input: { taskIds: string[] }): Promise<{ taskIds: string[] }>;
  /** The due date passed: the task goes to others, open again, with a new due date. */
  escalateTask(input: { taskId: string; candidates: Candidate[]; dueInMs: number }): Promise<void>;
  /** The (last) due date passed with no decision: EXPIRED. */
  expireTask(input: { taskId: string }): Promise<void>;
  /** expireTask for the tasks that fell due at one instant. */
  expireTasks(input: { taskIds: string[] }): Promise<{ taskIds: string[] }>;
  /** Records the accepted decision on the task's row: DONE. */
  completeTask(decision: TaskDecision): Promise<void>;
  /** The process no longer needs these tasks (withdrawn, cancelled): CANCELLED. */
  cancelTasks(input: { taskIds: string[]; reason: string }): Promise<void>;
}
