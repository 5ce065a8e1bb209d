import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ACTIVE_STATUSES, HumanTask, TaskStatus } from '../kit/human-task.js';
import { TaskComment } from '../kit/comment.js';
import { isCandidate } from '../kit/access.js';
import { visibleTask } from './inbox.js';
import { textProblem } from '../kit/text.js';
import type { ProcessesContext } from '../kit/context.js';
import { badInput, conflict, forbidden } from '../../common/errors.js';

// Working a task before its decision: claim it, give it back, hand it to a named person who
// returns it when done, and talk about it. None of this concerns the workflow, which only
// waits for the decision, so these are plain, guarded row updates.

function requireActive(task: HumanTask): void {
  if (!ACTIVE_STATUSES.includes(task.status))
    throw conflict(`Task ${task.id} is ${task.status}; it can no longer be worked on`);
}

/** A conditional update: nothing changes unless the row is still as the caller saw it. */
async function guardedUpdate(
  ctx: ProcessesContext,
  task: HumanTask,
  expected: object,
  change: object,
  refusal: string,
) {
  const changed = await ctx.em.nativeUpdate(HumanTask, { id: task.id, ...expected }, change);
  if (changed === 0) throw conflict(refusal);
  await ctx.em.refresh(task);
  return task;
}

@Resolver(() => HumanTask)
export class TaskActionsResolver {
  @Mutation(() => HumanTask, { description: 'Take an open task you may decide: others see it as yours' })
  async claimTask(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext): Promise<HumanTask> {
    const task = await visibleTask(id, ctx);
    requireActive(task);
    if (!isCandidate(task, ctx.identity)) throw forbidden(`You are not among the people who may decide task ${id}`);
    return guardedUpdate(
      ctx,
      task,
      { status: TaskStatus.OPEN, assignee: null },
      { status: TaskStatus.CLAIMED, assignee: ctx.identity.subject },
      `Task ${id} has been claimed by someone else in the meantime`,
    );
  }

  @Mutation(() => HumanTask, { description: 'Give a task you claimed back to all its candidates' })
  async unclaimTask(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext): Promise<HumanTask> {
    const task = await visibleTask(id, ctx);
    requireActive(task);
    if (task.assignee !== ctx.identity.subject)
      throw forbidden(`Only the assignee (${task.assignee ?? 'nobody'}) may give task ${id} back`);
    return guardedUpdate(
      ctx,
      task,
      { assignee: ctx.identity.subject, delegatedTo: null },
      { status: TaskStatus.OPEN, assignee: null },
      `Task ${id} is delegated; wait until it is returned`,
    );
  }

  @Mutation(() => HumanTask, {
    description: 'Hand a task you may decide to a named person (token subject); they return it to you',
  })
  async delegateTask(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => String, { description: 'The subject of the person to delegate to' }) to: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @Ctx() ctx: ProcessesContext,
  ): Promise<HumanTask> {
    const task = await visibleTask(id, ctx);
    requireActive(task);
    const problem = textProblem(to, 'to', 200) ?? (comment !== undefined ? textProblem(comment, 'comment') : undefined);
    if (problem) throw badInput(problem.message, problem.field);
    if (to === ctx.identity.subject) throw badInput('Delegate to someone else', 'to');
    const mayDelegate = task.assignee ? task.assignee === ctx.identity.subject : isCandidate(task, ctx.identity);
    if (!mayDelegate)
      throw forbidden(`Only the assignee, or a candidate of an unclaimed task, may delegate task ${id}`);
    await guardedUpdate(
      ctx,
      task,
      { assignee: task.assignee ?? null, delegatedTo: null },
      {
        status: TaskStatus.CLAIMED,
        assignee: ctx.identity.subject,
        delegatedTo: to,
        delegates: [...new Set([...task.delegates, to])],
      },
      `Task ${id} changed hands in the meantime`,
    );
    if (comment) await this.comment(ctx, task, comment);
    return task;
  }

  @Mutation(() => HumanTask, { description: 'Give a task delegated to you back to its owner' })
  async returnTask(
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @Ctx() ctx: ProcessesContext,
  ): Promise<HumanTask> {
    const task = await visibleTask(id, ctx);
    requireActive(task);
    if (task.delegatedTo !== ctx.identity.subject) throw forbidden(`Task ${id} is not delegated to you`);
    const problem = comment !== undefined ? textProblem(comment, 'comment') : undefined;
    if (problem) throw badInput(problem.message, problem.field);
    await guardedUpdate(
      ctx,
      task,
      { delegatedTo: ctx.identity.subject },
      { delegatedTo: null },
      `Task ${id} was returned already`,
    );
    if (comment) await this.comment(ctx, task, comment);
    return task;
  }

  @Mutation(() => TaskComment, { description: 'Add to the comment thread of a task you may see' })
  async addTaskComment(
    @Arg('id', () => ID) id: string,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: ProcessesContext,
  ): Promise<TaskComment> {
    const task = await visibleTask(id, ctx);
    const problem = textProblem(body, 'body');
    if (problem) throw badInput(problem.message, problem.field);
    return this.comment(ctx, task, body);
  }

  private async comment(ctx: ProcessesContext, task: HumanTask, body: string): Promise<TaskComment> {
    const comment = ctx.em.create(TaskComment, { taskId: task.id, author: ctx.identity.subject, body: body.trim() });
    await ctx.em.flush();
    return comment;
  }
}
