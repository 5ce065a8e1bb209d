import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Decision, HumanTask, TaskStatus } from '../entities/human-task.js';
import { TrainingEnrollment } from '../entities/training-enrollment.js';
import { OrganizationRef, organizationRef } from '../entities/organization-ref.js';
import type { ProcessesContext } from '../context.js';
import { Connection, PageArgs, findPage } from '../../shared/connection.js';
import { requireUuid } from '../../shared/ids.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { requireRole } from '../../shared/access.js';
import { decideUpdate } from '../../../workflows/training/types.js';

const HumanTaskConnection = Connection('HumanTask', HumanTask);

@ArgsType()
class InboxArgs extends PageArgs {
  @Field(() => TaskStatus, { nullable: true, description: 'Only tasks in this status (default: all)' })
  status?: TaskStatus;
}

@ObjectType({ description: 'The decided task and the process as the workflow reported it' })
class DecideTaskPayload {
  @Field(() => HumanTask) task!: HumanTask;
  @Field(() => TrainingEnrollment) enrollment!: TrainingEnrollment;
}

@Resolver(() => HumanTask)
export class TaskResolver {
  @Query(() => HumanTaskConnection, { description: "APPROVER: the tasks of the caller's organizations, newest first" })
  myTasks(@Args(() => InboxArgs) { status, ...page }: InboxArgs, @Ctx() { em, identity }: ProcessesContext) {
    requireRole(identity, 'APPROVER');
    const where = { organizationId: { $in: identity.organizationIds }, ...(status ? { status } : {}) };
    return findPage(em, HumanTask, where, { createdAt: 'desc', id: 'desc' }, page);
  }

  @Mutation(() => DecideTaskPayload, { description: 'APPROVER: approve or reject an open task of one of your organizations' })
  async decideTask(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => Decision) decision: Decision,
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @Ctx() { em, identity, temporal }: ProcessesContext,
  ): Promise<DecideTaskPayload> {
    requireRole(identity, 'APPROVER');
    if (comment !== undefined && comment.length > 2000) throw badInput('comment is longer than 2000 characters', 'comment');
    const task = await em.findOne(HumanTask, requireUuid(id));
    if (!task) throw notFound(`No task has id ${id}`);
    if (!identity.organizationIds.includes(task.organizationId)) {
      throw forbidden(`Task ${id} belongs to another organization; you approve for ${identity.organizationIds.join(', ') || 'none'}`);
    }
    if (task.status !== TaskStatus.OPEN) throw conflict(`Task ${id} is ${task.status} and can no longer be decided`);
    try {
      // The task id is the update id: a retried request is deduplicated by Temporal.
      await temporal.workflow.getHandle(task.workflowId).executeUpdate(decideUpdate, {
        args: [{ taskId: task.id, decision, comment: comment ?? null, decidedBy: identity.subject }],
        updateId: task.id,
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw conflict(error.cause?.message ?? error.message);
      if (error instanceof WorkflowNotFoundError) throw conflict(`The process behind task ${id} has already ended`);
      throw error;
    }
    await em.refresh(task);
    const enrollment = await em.findOneOrFail(TrainingEnrollment, task.processId, { refresh: true });
    return { task, enrollment };
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization whose approvers decide this task' })
  organization(@Root() task: HumanTask): OrganizationRef {
    return organizationRef(task.organizationId);
  }

  @FieldResolver(() => TrainingEnrollment, { nullable: true })
  enrollment(@Root() task: HumanTask, @Ctx() { loaders }: ProcessesContext) {
    return loaders.enrollment.load(task.processId);
  }
}
