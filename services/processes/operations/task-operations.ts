import { Authorized, Arg, Ctx, Field, GraphQLISODateTime, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ProcessesContext } from '../kit/context.js';
import { audited } from './audit.js';
import { ACTIVE_STATUSES, HumanTask, TaskStatus } from '../kit/human-task.js';
import { candidateKeysOn } from '../tasks/candidate-keys.js';
import { organizationInJurisdiction } from '../runs/jurisdiction.js';
import { todayInChina } from '../../common/dates.js';
import { NotificationKind } from '../kit/notification.js';
import { writeNotification } from '../kit/delivery/outbox.js';
import { requireUuid } from '../../common/ids.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { ROLES, type Role } from '../../common/identity.js';
import { extendTaskUpdate } from '../../../workflows/human-task/contracts.js';
import { chinaMinute } from '../../common/dates.js';

// An admin's hand on one task: give it to someone else, or give it more time. Both audited.
// Who may decide is the inbox's business (the workflow waits for any decision), so a reassign
// is a row update; the due date is the workflow's timer, so an extension goes to the workflow
// first (the `extendTask` update) and then to the row.

@InputType({ description: 'Who may act: a role (within an organization), or a named person' })
export class CandidateInput {
  @Field(() => String, { nullable: true, description: `One of ${ROLES.join(', ')}` }) role?: string;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => String, { nullable: true, description: 'A named person (token subject)' }) subject?: string;
}

export function checkCandidates(
  candidates: CandidateInput[],
): { role?: string; organizationId?: string | null; subject?: string }[] {
  if (!candidates.length || candidates.length > 20) throw badInput('Give 1 to 20 candidates', 'candidates');
  return candidates.map((c, i) => {
    const field = `candidates[${i}]`;
    if (c.subject) {
      if (c.role || c.organizationId)
        throw badInput('A candidate is either a named person or a role (within an organization), not both', field);
      if (!/^[\w.:@-]{1,200}$/.test(c.subject))
        throw badInput(`"${c.subject}" is not a token subject`, `${field}.subject`);
      return { subject: c.subject };
    }
    if (!c.role || !ROLES.includes(c.role as Role))
      throw badInput(`role must be one of ${ROLES.join(', ')}`, `${field}.role`);
    return {
      role: c.role,
      organizationId: c.organizationId ? requireUuid(c.organizationId, `${field}.organizationId`) : null,
    };
  });
}

async function openTask(ctx: ProcessesContext, id: string): Promise<HumanTask> {
  const task = await ctx.em.findOne(HumanTask, requireUuid(id, 'taskId'));
  if (!task) throw notFound(`No task has id ${id}`);
  if (!ACTIVE_STATUSES.includes(task.status))
    throw conflict(`Task ${id} is ${task.status}; only open tasks can be reassigned or extended`);
  if (!(await organizationInJurisdiction(ctx, task.organizationId)))
    throw forbidden(`任务 ${id} 所涉组织不在你所在工商联的管辖范围内（它不监管该组织），不能转交或延期`);
  return task;
}

@Resolver()
export class TaskOperationsResolver {
  @Authorized('ADMIN')
  @Mutation(() => HumanTask, {
    description: 'ADMIN: give an open task to other candidates (its claim is released); they are notified',
  })
  async reassignTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('candidates', () => [CandidateInput]) candidates: CandidateInput[],
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    // A malformed id is refused before the audit: only operations on a real target are on record.
    requireUuid(taskId, 'taskId');
    const checked = checkCandidates(candidates);
    const { value } = await audited(
      ctx,
      { action: 'REASSIGN_TASK', target: taskId, reason, details: { candidates: checked } },
      async () => {
        const task = await openTask(ctx, taskId);
        const keys = await candidateKeysOn(ctx.registry, checked, task.organizationId, todayInChina());
        await ctx.em.transactional(async (tx) => {
          const row = await tx.findOneOrFail(HumanTask, task.id);
          Object.assign(row, {
            candidates: checked,
            candidateKeys: keys,
            assignee: null,
            delegatedTo: null,
            status: TaskStatus.OPEN,
          });
          await writeNotification(tx, {
            processId: row.processId,
            noticeKey: `reassign:${row.id}:${Date.now()}`,
            kind: NotificationKind.NOTICE,
            message: `「${row.title}」已由管理员转交办理：${reason}`,
            audience: row.candidateKeys,
            createdAt: new Date(),
          });
        });
        return ctx.em.fork().findOneOrFail(HumanTask, task.id);
      },
    );
    return value;
  }

  @Authorized('ADMIN')
  @Mutation(() => HumanTask, {
    description: "ADMIN: move an open task's due date later; the workflow's deadline moves with it",
  })
  async extendTaskDue(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('dueAt', () => GraphQLISODateTime) dueAt: Date,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    requireUuid(taskId, 'taskId');
    const { value } = await audited(
      ctx,
      { action: 'EXTEND_TASK', target: taskId, reason, details: { dueAt: dueAt.toISOString() } },
      async () => {
        const task = await openTask(ctx, taskId);
        if (dueAt.getTime() <= task.dueAt.getTime())
          throw badInput(
            `dueAt must be later than the task's due date (${chinaMinute(task.dueAt)} Beijing time)`,
            'dueAt',
          );
        try {
          await ctx.temporal.workflow
            .getHandle(task.workflowId)
            .executeUpdate(extendTaskUpdate, { args: [{ taskId: task.id, dueAt: dueAt.getTime() }] });
        } catch (error) {
          if (error instanceof WorkflowUpdateFailedError) throw conflict(error.cause?.message ?? error.message);
          if (error instanceof WorkflowNotFoundError) throw conflict(`The run behind task ${taskId} has ended`);
          throw error;
        }
        await ctx.em
          .fork()
          .getConnection()
          .execute('update processes.human_task set due_at = ? where id = ?', [dueAt, task.id]);
        return ctx.em.fork().findOneOrFail(HumanTask, task.id);
      },
    );
    return value;
  }
}
