import { Arg, Args, ArgsType, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { HumanTask, TaskStatus } from '../kit/human-task.js';
import { TaskComment } from '../kit/comment.js';
import { TaskNotification } from '../kit/notification.js';
import { callerKeys, maySee, visibleTo } from '../kit/access.js';
import { formShape } from './form-shape.js';
import { InboxArgs, TaskCandidate, TaskFormShape, TaskOrder } from './types.js';
import { Process } from '../kit/process.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import type { ProcessesContext } from '../kit/context.js';
import { Connection, PageArgs, findPage } from '../../common/connection.js';
import { requireUuid } from '../../common/ids.js';
import { forbidden, notFound } from '../../common/errors.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { organizationInJurisdiction } from '../runs/jurisdiction.js';

export const HumanTaskConnection = Connection('HumanTask', HumanTask);
const NotificationConnection = Connection('TaskNotification', TaskNotification);

@ArgsType()
class NotificationArgs extends PageArgs {}

const ORDERS: Record<TaskOrder, Record<string, 'asc' | 'desc'>> = {
  DUE_AT: { dueAt: 'asc', id: 'asc' },
  PRIORITY: { priority: 'desc', dueAt: 'asc', id: 'asc' },
  CREATED_AT: { createdAt: 'desc', id: 'desc' },
};

/** A task the caller may see, or NOT_FOUND/FORBIDDEN in words. */
export async function visibleTask(id: string, ctx: ProcessesContext): Promise<HumanTask> {
  const { loaders, identity } = ctx;
  const task = await loaders.task.load(requireUuid(id));
  if (!task) throw notFound(`No task has id ${id}`);
  if (!maySee(task, identity))
    throw forbidden(`Task ${id} is not one of yours: only its candidates, assignee, delegates and admins see it`);
  // An admin who sees it only as an admin: within their Federation's jurisdiction (docs/jurisdiction.md).
  if (!maySee(task, { ...identity, roles: identity.roles.filter((role) => role !== 'ADMIN') }))
    if (!(await organizationInJurisdiction(ctx, task.organizationId)))
      throw forbidden(`任务 ${id} 所涉组织不在你所在工商联的管辖范围内（它不监管该组织），不能查看`);
  return task;
}

/**
 * The inbox's default: what waits for me, the open tasks I may claim beside the ones I hold (a
 * task I have just claimed stays in view; one someone else claimed leaves it).
 */
const waitingFor = (subject: string) => ({
  $or: [
    { status: TaskStatus.OPEN },
    { status: TaskStatus.CLAIMED, $or: [{ assignee: subject }, { delegates: { $overlap: [subject] } }] },
  ],
});

/** The approver's inbox: tasks they may act on or were given, their notifications. */
@Resolver(() => HumanTask)
export class InboxResolver {
  @Query(() => HumanTaskConnection, {
    description: 'Tasks the caller may act on (a candidate), has claimed or was delegated',
  })
  myTasks(@Args(() => InboxArgs) args: InboxArgs, @Ctx() { em, identity }: ProcessesContext) {
    const { status, anyStatus, processType, kind, organizationId, assigned, dueBefore, orderBy, ...page } = args;
    const mine = { ...visibleTo({ ...identity, roles: identity.roles.filter((r) => r !== 'ADMIN') }) };
    const where = {
      $and: [
        mine,
        {
          ...(status ? { status } : anyStatus ? {} : waitingFor(identity.subject)),
          ...(processType ? { processType } : {}),
          ...(kind ? { kind } : {}),
          ...(organizationId ? { organizationId: requireUuid(organizationId, 'organizationId') } : {}),
          ...(assigned === 'MINE'
            ? { assignee: identity.subject }
            : assigned === 'UNASSIGNED'
              ? { assignee: null }
              : {}),
          ...(dueBefore ? { dueAt: { $lt: dueBefore } } : {}),
        },
      ],
    };
    return findPage(em, HumanTask, where, ORDERS[orderBy ?? TaskOrder.CREATED_AT], page);
  }

  @Query(() => HumanTask, { description: 'One task, for its candidates, assignee, delegates and admins' })
  task(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext) {
    return visibleTask(id, ctx);
  }

  @Query(() => NotificationConnection, {
    description: 'Reminders and escalations of tasks the caller may act on, newest first',
  })
  myNotifications(@Args(() => NotificationArgs) page: NotificationArgs, @Ctx() { em, identity }: ProcessesContext) {
    return findPage(
      em,
      TaskNotification,
      { audience: { $overlap: callerKeys(identity) } },
      { createdAt: 'desc', id: 'desc' },
      page,
    );
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization the task concerns' })
  organization(@Root() task: HumanTask): OrganizationRef {
    return organizationRef(task.organizationId);
  }

  @FieldResolver(() => [TaskCandidate], { description: 'Who may act on it' })
  candidates(@Root() task: HumanTask): TaskCandidate[] {
    return (task.candidates ?? []).map((candidate) => ({
      ...candidate,
      organization: candidate.organizationId ? organizationRef(candidate.organizationId) : null,
    }));
  }

  @FieldResolver(() => TaskFormShape, { nullable: true, description: "The decision form of the task's kind" })
  form(@Root() task: HumanTask, @Ctx() { catalog }: ProcessesContext): TaskFormShape | null {
    const form = task.form ?? catalog.formOf(task.processType, task.kind);
    return form ? formShape(form) : null;
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'The form fields given with the decision' })
  decisionValues(@Root() task: HumanTask) {
    return task.decisionValues ?? null;
  }

  @FieldResolver(() => [TaskComment], { description: 'The comment thread, oldest first' })
  comments(@Root() task: HumanTask, @Ctx() { loaders }: ProcessesContext) {
    return loaders.commentsByTask.load(task.id);
  }

  @FieldResolver(() => Process, { nullable: true, description: 'The process the task belongs to' })
  process(@Root() task: HumanTask, @Ctx() ctx: ProcessesContext) {
    return ctx.catalog.byType(task.processType)?.loadProcess(ctx, task.processId) ?? null;
  }
}

/** For federation's _entities: the task when the caller may see it, else null (no error leak). */
export async function visibleTaskOrNull(id: string, ctx: ProcessesContext): Promise<HumanTask | null> {
  try {
    return await visibleTask(id, ctx);
  } catch {
    return null;
  }
}
