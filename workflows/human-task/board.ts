import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  decideUpdate,
  extendTaskUpdate,
  type DecisionReport,
  type DuePolicy,
  type TaskDecision,
  type TaskForm,
  type TaskResult,
  type TaskSpec,
} from './contracts.js';
import { decisionProblems } from './form.js';
import { ACTIVITY_RETRY } from '../common/retry.js';
import type { HumanTaskActivities } from './activities.js';
import { gathered } from './batch.js';

// The helper a workflow uses to ask people things: open a task, remind at the follow-up date,
// escalate or expire at the due date, and take the decision through the `decide` update.

// Local activities: the kit's writes are short rows in the hub's own database, so they run in
// the worker inside the current workflow task instead of a server round trip and a workflow
// task each (a decision's answer waited for three of those: ~150 ms against ~30 ms for a bare
// update, measured with npm run bench:processes).
const kit = proxyLocalActivities<HumanTaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: ACTIVITY_RETRY,
});

// Tasks opened, reminded or expired at one instant (a committee scoring every bid, their
// reminders and due dates falling together) are written in one local activity (batch.ts): one
// per task kept a worker's workflow task busy for seconds when a hundred procurements closed at
// once. Runs that began before the batches replay their per-task activities (this patch).
const BATCHES = 'task-kit-batches';

/** Failure types the decide validator raises; the resolver maps them to GraphQL codes. */
export const ALREADY_DECIDED = 'TaskAlreadyDecided';
export const NOT_OPEN = 'TaskNotOpen';
export const BAD_DECISION = 'BadDecision';

interface OpenTask {
  form: TaskForm;
  /** When it falls due (epoch ms); an admin may move it later (extendTask). */
  dueAt: number;
  decision?: TaskDecision;
  cancelled?: boolean;
}

/**
 * One per workflow run. `report` is what a decision's caller gets back, with the decision taken:
 * the process as it stands once the workflow has acted on it (the next task opened, or a waiting
 * point reached), as a DecisionReport (contracts.ts).
 */
export function createTaskBoard(report: () => DecisionReport) {
  const open = new Map<string, OpenTask>();
  const awaitingWorkflow = new Set<string>();
  const opening = gathered((tasks: Parameters<HumanTaskActivities['openTask']>[0][]) => kit.openTasks({ tasks }));
  const reminding = gathered((taskIds: string[]) => kit.remindTasks({ taskIds }));
  const expiring = gathered((taskIds: string[]) => kit.expireTasks({ taskIds }));

  setHandler(
    decideUpdate,
    async (decision: TaskDecision) => {
      open.get(decision.taskId)!.decision = decision;
      awaitingWorkflow.add(decision.taskId);
      await condition(() => !awaitingWorkflow.has(decision.taskId));
      // The decision taken goes along: a second caller with the same update id gets this answer,
      // and learns from it whether it was their decision that was taken.
      return { ...report(), decision };
    },
    {
      // Runs before anything is written to history: a refused decision leaves no trace.
      validator: (decision: TaskDecision) => {
        const task = open.get(decision.taskId);
        if (!task)
          throw ApplicationFailure.create({
            type: NOT_OPEN,
            message: `Task ${decision.taskId} is not open in this process`,
          });
        if (task.decision) {
          throw ApplicationFailure.create({
            type: ALREADY_DECIDED,
            message: `Task ${decision.taskId} has already been decided: ${task.decision.decision} by ${task.decision.decidedBy}`,
            details: [{ decision: task.decision.decision, decidedBy: task.decision.decidedBy }],
          });
        }
        const problems = decisionProblems(task.form, decision);
        if (problems.length) {
          throw ApplicationFailure.create({ type: BAD_DECISION, message: problems[0].message, details: problems });
        }
      },
    },
  );

  setHandler(
    extendTaskUpdate,
    ({ taskId, dueAt }) => {
      open.get(taskId)!.dueAt = dueAt;
      return { taskId, dueAt };
    },
    {
      validator: ({ taskId, dueAt }: { taskId: string; dueAt: number }) => {
        if (!open.has(taskId))
          throw ApplicationFailure.create({ type: NOT_OPEN, message: `Task ${taskId} is not open in this process` });
        if (!Number.isFinite(dueAt) || dueAt <= Date.now())
          throw ApplicationFailure.create({ type: BAD_DECISION, message: 'The new due date must be in the future' });
      },
    },
  );

  /** Waits until `done` or the absolute time `at`; true when done (also when both happen at once). */
  async function waitUntil(done: () => boolean, at: number): Promise<boolean> {
    const left = at - Date.now();
    if (left > 0) await condition(done, left);
    return done();
  }

  /** Waits for a decision until the task's due time, which may move while it waits; true when decided. */
  async function untilDue(task: OpenTask, decided: () => boolean): Promise<boolean> {
    for (;;) {
      const due = task.dueAt;
      await waitUntil(() => decided() || task.dueAt !== due, due);
      if (decided()) return true;
      if (task.dueAt === due) return false;
    }
  }

  /** Decisions taken so far have been acted on: their callers get the state now. */
  function settle(): void {
    awaitingWorkflow.clear();
  }

  /** Opens a task and waits for its decision, its reminder, escalation and expiry included. */
  async function ask(spec: TaskSpec, form: TaskForm, policy: DuePolicy = {}): Promise<TaskResult> {
    const openedAt = Date.now();
    if (patched(BATCHES)) await opening({ ...spec, form });
    else await kit.openTask({ ...spec, form });
    const task: OpenTask = { form, dueAt: openedAt + spec.dueInMs };
    open.set(spec.taskId, task);
    settle();
    const decided = () => task.decision !== undefined || task.cancelled === true;
    if (spec.followUpInMs !== undefined && spec.followUpInMs < spec.dueInMs) {
      if (!(await waitUntil(decided, openedAt + spec.followUpInMs))) {
        if (patched(BATCHES)) await reminding(spec.taskId);
        else await kit.remindTask({ taskId: spec.taskId });
      }
    }
    let onTime = await untilDue(task, decided);
    if (!onTime && policy.escalateTo?.length) {
      const dueInMs = policy.escalatedDueInMs ?? spec.dueInMs;
      await kit.escalateTask({ taskId: spec.taskId, candidates: policy.escalateTo, dueInMs });
      task.dueAt = Date.now() + dueInMs;
      onTime = await untilDue(task, decided);
    }
    if (task.cancelled) return { kind: 'CANCELLED' };
    if (!onTime) {
      // Closed first, so a decision arriving while the activity runs is refused, not lost.
      open.delete(spec.taskId);
      if (patched(BATCHES)) await expiring(spec.taskId);
      else await kit.expireTask({ taskId: spec.taskId });
      return { kind: 'EXPIRED' };
    }
    await kit.completeTask(task.decision!);
    open.delete(spec.taskId);
    if (!policy.holdAnswer) awaitingWorkflow.delete(spec.taskId);
    return { kind: 'DECIDED', decision: task.decision! };
  }

  /** Closes one open task (e.g. a reviewer recused): its ask() returns CANCELLED. */
  async function cancel(taskId: string, reason: string): Promise<void> {
    const task = open.get(taskId);
    if (!task) return;
    task.cancelled = true;
    open.delete(taskId);
    await kit.cancelTasks({ taskIds: [taskId], reason });
  }

  /** Closes every open task (the process was withdrawn or cancelled). */
  async function cancelOpen(reason: string): Promise<void> {
    const taskIds = [...open.keys()];
    for (const task of open.values()) task.cancelled = true;
    open.clear();
    if (taskIds.length) await kit.cancelTasks({ taskIds, reason });
  }

  /** Before the workflow returns: every caller has its answer. */
  async function finish(): Promise<void> {
    settle();
    await condition(allHandlersFinished);
  }

  return { ask, settle, cancel, cancelOpen, finish, openTaskIds: () => [...open.keys()] };
}

export type TaskBoard = ReturnType<typeof createTaskBoard>;
