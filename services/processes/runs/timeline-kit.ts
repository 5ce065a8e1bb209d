import { clip, senderOf, text, when, type StepWords, type Words } from '../kit/words.js';
import { type TimelineFacts } from './timeline-facts.js';
import type { RunEvent } from './history.js';

// The task kit's steps in a run's timeline, for every process alike: its local activities
// (tasks opened, reminded, escalated, expired, cancelled) and the decide / extendTask updates.

/** Consumes, in order, the facts that local activities of one type wrote. */
function queue<T>(items: T[]): () => T | undefined {
  let next = 0;
  return () => items[next++];
}

export const asIs = (code: string): Words => ({ zh: code, en: code });
const byTime =
  <T>(at: (item: T) => number) =>
  (a: T, b: T) =>
    at(a) - at(b);

/** The ids a batched kit step answered (board.ts in workflows/human-task), in order. */
function namedIds(result: unknown): string[] {
  const ids = (result as { taskIds?: unknown } | null)?.taskIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export type KitStep = StepWords & { taskId?: string | null };
const BATCHED = { openTasks: true, remindTasks: true, expireTasks: true } as const;

/** The task kit's steps: its local activities and the decide / extendTask updates. */
export function kitSteps(facts: TimelineFacts, events: readonly RunEvent[] = []) {
  // Tasks a batch named are not among those the per-task markers of older runs take in turn.
  const named = new Set(
    events.flatMap((e) => (e.type === 'LOCAL_ACTIVITY' && e.activityType in BATCHED ? namedIds(e.result) : [])),
  );
  const byCreation = facts.tasks
    .filter((t) => !named.has(t.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const tasksById = new Map(facts.tasks.map((t) => [t.id, t]));
  const notified = (kind: string) =>
    facts.notifications.filter((n) => n.kind === kind).sort(byTime((n) => n.createdAt.getTime()));
  const nextOpened = queue(byCreation.map((t) => t.id));
  const nextReminder = queue(
    notified('REMINDER')
      .map((n) => n.taskId)
      .filter((id) => !named.has(id)),
  );
  const nextEscalation = queue(notified('ESCALATION').map((n) => n.taskId));
  const nextExpired = queue(
    facts.tasks
      .filter((t) => t.status === 'EXPIRED' && !named.has(t.id))
      .sort(byTime((t) => t.completedAt?.getTime() ?? 0))
      .map((t) => t.id),
  );
  const kindOf = (taskId: string | null | undefined): Words => {
    const kind = taskId ? tasksById.get(taskId)?.kind : undefined;
    return (kind && facts.kindLabel(kind)) || (kind ? asIs(kind) : { zh: '待办', en: 'a task' });
  };
  /** The admin who asked for it: the latest audit entry of that action (on `target`) up to a minute after. */
  const admin = (action: string, at: Date, target?: string) =>
    facts.audit
      .filter((a) => a.action === action && (!target || a.target === target) && a.at.getTime() <= at.getTime() + 60_000)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  const about = (taskId: string | undefined, kind: string, zh: (k: Words) => string, en: (k: Words) => string) => {
    const k = kindOf(taskId);
    return { kind, zh: zh(k), en: en(k), taskId: taskId ?? null };
  };

  const opened = (taskId: string | undefined) =>
    about(
      taskId,
      'TASK_OPENED',
      (k) => `开启待办「${k.zh}」`,
      (k) => `Task opened: ${k.en}`,
    );
  const reminded = (taskId: string | undefined) =>
    about(
      taskId,
      'TASK_REMINDED',
      (k) => `提醒办理「${k.zh}」`,
      (k) => `Reminder sent: ${k.en}`,
    );
  const expired = (taskId: string | undefined) =>
    about(
      taskId,
      'TASK_EXPIRED',
      (k) => `「${k.zh}」逾期未办，已失效`,
      (k) => `${k.en} expired without a decision`,
    );
  const LOCAL: Record<string, () => KitStep> = {
    openTask: () => opened(nextOpened()),
    remindTask: () => reminded(nextReminder()),
    escalateTask: () =>
      about(
        nextEscalation(),
        'TASK_ESCALATED',
        (k) => `「${k.zh}」逾期未办，已转交上级办理`,
        (k) => `${k.en} overdue: escalated`,
      ),
    expireTask: () => expired(nextExpired()),
    cancelTasks: () => ({ kind: 'TASKS_CANCELLED', zh: '未办待办已取消', en: 'Open tasks cancelled' }),
  };
  const BATCH_STEP: Record<keyof typeof BATCHED, (taskId: string) => KitStep> = {
    openTasks: opened,
    remindTasks: reminded,
    expireTasks: expired,
  };

  return {
    kindOf,
    admin,
    /** The entries of one kit step: one per task a batch named, else one; undefined for a step not the kit's. */
    local(activityType: string, result: unknown): KitStep[] | undefined {
      if (activityType in BATCHED) return namedIds(result).map(BATCH_STEP[activityType as keyof typeof BATCHED]);
      const step = LOCAL[activityType];
      return step ? [step()] : undefined;
    },
    update(name: string, arg: Record<string, unknown>, at: Date) {
      const taskId = text(arg.taskId) || null;
      const k = kindOf(taskId);
      if (name === 'decide') {
        const actor = senderOf(arg);
        const o = facts.outcomeWords?.(text(arg.decision)) ?? asIs(text(arg.decision));
        const comment = text(arg.comment);
        const step = {
          kind: 'TASK_DECIDED',
          zh: `${actor ?? '有人'} 决定「${k.zh}」：${o.zh}${comment ? `（意见：${clip(comment)}）` : ''}`,
          en: `${actor ?? 'Someone'} decided ${k.en}: ${o.en}${comment ? ` ("${clip(comment)}")` : ''}`,
        };
        return { step, actor, taskId };
      }
      if (name === 'extendTask') {
        const by = taskId ? admin('EXTEND_TASK', at, taskId) : undefined;
        const step = {
          kind: 'TASK_EXTENDED',
          zh: `「${k.zh}」截止时间延至 ${when(arg.dueAt, 'zh')}`,
          en: `${k.en}: due date moved to ${when(arg.dueAt, 'en')}`,
        };
        return { step, actor: by?.actor ?? null, taskId };
      }
      return undefined;
    },
  };
}

export type Admin = ReturnType<typeof kitSteps>['admin'];
