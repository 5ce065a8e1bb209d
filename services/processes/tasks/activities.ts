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

  /**
   * Writes the rows of tasks opened at one instant in one statement; a row already there (a
   * retried activity) is left as it is. One statement, not the ORM's read-then-insert
   * transaction: it runs inside a workflow task, often the one answering a decision.
   */
  async function insertOpen(rows: ReturnType<typeof rowOf>[]) {
    const json = rows.map((r) => ({
      id: r.id,
      process_type: r.processType,
      process_id: r.processId,
      workflow_id: r.workflowId,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      organization_id: r.organizationId,
      candidates: r.candidates,
      candidate_keys: r.candidateKeys,
      excluded_subjects: r.excludedSubjects,
      status: r.status,
      form: r.form,
      priority: r.priority,
      due_at: r.dueAt,
      follow_up_at: r.followUpAt,
      created_at: r.createdAt,
    }));
    await orm.em.getConnection().execute(
      `insert into processes.human_task (id, process_type, process_id, workflow_id, kind, title, summary, organization_id, candidates,
         candidate_keys, excluded_subjects, status, form, priority, due_at, follow_up_at, created_at)
       select r.id, r.process_type, r.process_id, r.workflow_id, r.kind, r.title, r.summary, r.organization_id, r.candidates,
         r.candidate_keys, r.excluded_subjects, r.status, r.form, r.priority, r.due_at, r.follow_up_at, r.created_at
       from jsonb_to_recordset(?::jsonb) as r(id uuid, process_type text, process_id uuid, workflow_id text, kind text, title text,
         summary text, organization_id uuid, candidates jsonb, candidate_keys text[], excluded_subjects text[], status text, form jsonb,
         priority int, due_at timestamptz, follow_up_at timestamptz, created_at timestamptz)
       on conflict (id) do nothing`,
      [JSON.stringify(json)],
      'run',
    );
  }

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
      await insertOpen([rowOf(spec, now(), await keysOf(spec.candidates, spec.organizationId))]);
    },

    async openTasks({ tasks }) {
      const keys = await Promise.all(tasks.map((spec) => keysOf(spec.candidates, spec.organizationId)));
      const opened = now();
      await insertOpen(tasks.map((spec, i) => rowOf(spec, opened, keys[i])));
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
      // One statement, no transaction: it runs inside the decision's workflow task, so its
      // round trips are the `decide` update's latency (bench:processes).
      await orm.em.getConnection().execute(
        `update processes.human_task set status = ?, decision = ?, decision_values = ?, comment = ?, decided_by = ?,
           delegated_to = null, completed_at = ?
         where id = ? and status in (${ACTIVE_STATUSES.map(() => '?').join(', ')})`,
        [
          TaskStatus.DONE,
          decision.decision,
          decision.values == null ? null : JSON.stringify(decision.values),
          decision.comment ?? null,
          decision.decidedBy,
          now(),
          decision.taskId,
          ...ACTIVE_STATUSES,
        ],
        'run',
      );
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
