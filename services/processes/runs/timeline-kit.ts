import { clip, senderOf, text, when, type StepWords, type Words } from '../kit/words.js';
import { type TimelineFacts } from './timeline-facts.js';

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

/** The task kit's steps: its local activities and the decide / extendTask updates. */
export function kitSteps(facts: TimelineFacts) {
  const byCreation = [...facts.tasks].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  const tasksById = new Map(facts.tasks.map((t) => [t.id, t]));
  const notified = (kind: string) =>
    facts.notifications.filter((n) => n.kind === kind).sort(byTime((n) => n.createdAt.getTime()));
  const nextOpened = queue(byCreation.map((t) => t.id));
  const nextReminder = queue(notified('REMINDER').map((n) => n.taskId));
  const nextEscalation = queue(notified('ESCALATION').map((n) => n.taskId));
  const nextExpired = queue(
    facts.tasks
      .filter((t) => t.status === 'EXPIRED')
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

  const LOCAL: Record<string, () => (StepWords & { taskId?: string | null }) | undefined> = {
    openTask: () =>
      about(
        nextOpened(),
        'TASK_OPENED',
        (k) => `开启待办「${k.zh}」`,
        (k) => `Task opened: ${k.en}`,
      ),
    remindTask: () =>
      about(
        nextReminder(),
        'TASK_REMINDED',
        (k) => `提醒办理「${k.zh}」`,
        (k) => `Reminder sent: ${k.en}`,
      ),
    escalateTask: () =>
      about(
        nextEscalation(),
        'TASK_ESCALATED',
        (k) => `「${k.zh}」逾期未办，已转交上级办理`,
        (k) => `${k.en} overdue: escalated`,
      ),
    expireTask: () =>
      about(
        nextExpired(),
        'TASK_EXPIRED',
        (k) => `「${k.zh}」逾期未办，已失效`,
        (k) => `${k.en} expired without a decision`,
      ),
    cancelTasks: () => ({ kind: 'TASKS_CANCELLED', zh: '未办待办已取消', en: 'Open tasks cancelled' }),
  };

  return {
    kindOf,
    admin,
    local: (activityType: string) => LOCAL[activityType]?.(),
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
