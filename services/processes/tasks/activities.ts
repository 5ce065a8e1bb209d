import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { HumanTaskActivities } from '../../../workflows/human-task/activities.js';
import type { Candidate, TaskForm, TaskSpec } from '../../../workflows/human-task/contracts.js';
import { ACTIVE_STATUSES, TaskStatus, HumanTask } from '../kit/human-task.js';
import { NotificationKind, TaskNotification } from '../kit/notification.js';
import { writeNotification } from '../kit/delivery/outbox.js';
import { chinaDay, todayInChina } from '../../common/dates.js';
import type { RegistryClient } from '../registry/client.js';
import { candidateKeysOn } from './candidate-keys.js';

// The task kit's side effects: the projection rows of tasks and their notifications. Each call
// takes its own EntityManager fork and is idempotent (a retried activity changes nothing more).

/** The row of a task a workflow opens at `opened`, its candidates' keys made already. */
function rowOf(spec: TaskSpec & { form: TaskForm }, opened: Date, candidateKeys: string[]) {
  return {
    id: spec.taskId,
    processType: spec.processType,
    processId: spec.processId,
    workflowId: spec.workflowId,
    kind: spec.kind,
    title: spec.title,
    summary: spec.summary,
    organizationId: spec.organizationId,
    candidates: spec.candidates,
    candidateKeys,
    excludedSubjects: spec.excludedSubjects ?? [],
    status: TaskStatus.OPEN,
    form: spec.form,
    priority: spec.priority ?? 0,
    dueAt: new Date(opened.getTime() + spec.dueInMs),
    followUpAt: spec.followUpInMs !== undefined ? new Date(opened.getTime() + spec.followUpInMs) : null,
    createdAt: opened,
  };
}

export function createTaskActivities({
  orm,
  registry,
  now = () => new Date(),
}: {
  orm: MikroORM;
  registry: Pick<RegistryClient, 'supervisingFederations'>;
  now?: () => Date;
}) {
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  // Asked before the transaction: no connection is held while the registry answers.
  const keysOf = (candidates: Candidate[], organizationId: string) =>
    candidateKeysOn(registry, candidates, organizationId, todayInChina(now()));

  async function notify(
    em: EntityManager,
    task: HumanTask,
    kind: NotificationKind,
    message: string,
    also: string[] = [],
  ) {
    if (await em.findOne(TaskNotification, { taskId: task.id, kind })) return;
    const told = notice(task, kind, message);
    await writeNotification(em, { ...told, audience: [...new Set([...also, ...told.audience])] });
  }

  /** Who holds a task now: its candidates and its assignee, as audience keys. */
  const holders = (task: HumanTask) => [...task.candidateKeys, ...(task.assignee ? [`subject:${task.assignee}`] : [])];

  const notice = (task: HumanTask, kind: NotificationKind, message: string) => ({
    taskId: task.id,
    kind,
    message,
    audience: holders(task),
    createdAt: now(),
  });

  /** A reminder to each active task's people, once per task (a retried activity adds none). */
  async function remind(em: EntityManager, taskIds: string[]) {
    const tasks = await em.find(HumanTask, { id: { $in: taskIds }, status: { $in: ACTIVE_STATUSES } });
    const reminded = new Set(
      (await em.find(TaskNotification, { taskId: { $in: taskIds }, kind: NotificationKind.REMINDER })).map(
        (n) => n.taskId,
      ),
    );
    for (const task of tasks)
      if (!reminded.has(task.id))
        await writeNotification(
          em,
          notice(
            task,
            NotificationKind.REMINDER,
            `提醒：「${task.title}」将于 ${chinaDay(task.dueAt)} 到期，请及时处理`,
          ),
        );
  }

  async function expire(em: EntityManager, taskIds: string[]) {
    const completedAt = now();
    for (const task of await em.find(HumanTask, { id: { $in: taskIds }, status: { $in: ACTIVE_STATUSES } }))
      Object.assign(task, { status: TaskStatus.EXPIRED, completedAt });
  }

  return {
    async openTask(spec) {
      const keys = await keysOf(spec.candidates, spec.organizationId);
      await inTransaction(async (em) => {
        if (!(await em.findOne(HumanTask, spec.taskId))) em.create(HumanTask, rowOf(spec, now(), keys));
      });
    },

    async openTasks({ tasks }) {
      const keys = await Promise.all(tasks.map((spec) => keysOf(spec.candidates, spec.organizationId)));
      await inTransaction(async (em) => {
        const ids = tasks.map((t) => t.taskId);
        const known = new Set((await em.find(HumanTask, { id: { $in: ids } }, { fields: ['id'] })).map((t) => t.id));
        const opened = now();
        tasks.forEach((spec, i) => {
          if (!known.has(spec.taskId)) em.create(HumanTask, rowOf(spec, opened, keys[i]));
        });
      });
      return { taskIds: tasks.map((t) => t.taskId) };
    },

    async remindTask({ taskId }) {
      await inTransaction((em) => remind(em, [taskId]));
    },

    async remindTasks({ taskIds }) {
      await inTransaction((em) => remind(em, taskIds));
      return { taskIds };
    },

    async escalateTask({ taskId, candidates, dueInMs }) {
      // Escalated to the officers of the Federations that supervise the organisation today.
      const { organizationId } = await orm.em.fork().findOneOrFail(HumanTask, taskId, { fields: ['organizationId'] });
      const keys = await keysOf(candidates, organizationId);
      await inTransaction(async (em) => {
        const task = await em.findOneOrFail(HumanTask, taskId);
        if (!ACTIVE_STATUSES.includes(task.status) || task.escalated) return;
        // Those it is taken from are told too (a chamber learns its task went to the Federation).
        const before = holders(task);
        Object.assign(task, {
          candidates,
          candidateKeys: keys,
          status: TaskStatus.OPEN,
          assignee: null,
          delegatedTo: null,
          escalated: true,
          dueAt: new Date(now().getTime() + dueInMs),
        });
        await notify(em, task, NotificationKind.ESCALATION, `「${task.title}」逾期未处理，已转交上级办理`, before);
      });
    },

    async expireTask({ taskId }) {
      await inTransaction((em) => expire(em, [taskId]));
    },

    async expireTasks({ taskIds }) {
      await inTransaction((em) => expire(em, taskIds));
      return { taskIds };
    },

    async completeTask(decision) {
      await inTransaction(async (em) => {
        const task = await em.findOneOrFail(HumanTask, decision.taskId);
        if (!ACTIVE_STATUSES.includes(task.status)) return;
        Object.assign(task, {
          status: TaskStatus.DONE,
          decision: decision.decision,
          decisionValues: decision.values ?? null,
          comment: decision.comment ?? null,
          decidedBy: decision.decidedBy,
          delegatedTo: null,
          completedAt: now(),
        });
      });
    },

    async cancelTasks({ taskIds, reason }) {
      await inTransaction(async (em) => {
        for (const task of await em.find(HumanTask, { id: { $in: taskIds }, status: { $in: ACTIVE_STATUSES } })) {
          Object.assign(task, { status: TaskStatus.CANCELLED, comment: reason, completedAt: now() });
        }
      });
    },
  } satisfies HumanTaskActivities;
}
