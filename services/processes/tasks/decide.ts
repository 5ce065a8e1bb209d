import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { decideUpdate, type TaskDecision } from '../../../workflows/human-task/contracts.js';
import { decisionProblems } from '../../../workflows/human-task/form.js';
import { ALREADY_DECIDED, BAD_DECISION } from '../../../workflows/human-task/board.js';
import { ACTIVE_STATUSES, Decision, HumanTask } from './human-task.js';
import { whyNotDecide } from './access.js';
import { visibleTask } from './inbox.js';
import { DecideTaskPayload, DecisionInput } from './types.js';
import { formOf, processByType } from '../catalog.js';
import { createProcessesLoaders } from '../loaders.js';
import type { ProcessesContext } from '../context.js';
import { badInput, conflict, HubError } from '../../common/errors.js';

const outcomeOf = (task: HumanTask) =>
  `${task.status}${task.decision ? `: ${task.decision} by ${task.decidedBy}` : ''}`;

/** The refusal a failed `decide` update stands for, in the API's codes. */
function refusal(error: WorkflowUpdateFailedError, taskId: string): HubError {
  const cause = error.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  if (type === BAD_DECISION) {
    const first = (cause as ApplicationFailure).details?.[0] as { field?: string } | undefined;
    return badInput(cause!.message, first?.field);
  }
  if (type === ALREADY_DECIDED) return conflict(cause!.message);
  return conflict(cause?.message ?? `Task ${taskId} cannot be decided now`);
}

@Resolver(() => HumanTask)
export class DecideResolver {
  @Mutation(() => DecideTaskPayload, {
    description:
      'Decide a task you may act on; the answer is the task and its process once the workflow has acted on it',
  })
  async decideTask(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DecisionInput, { nullable: true }) input: DecisionInput | undefined,
    @Arg('decision', () => Decision, { nullable: true, deprecationReason: 'Use input.outcome' })
    decision: Decision | undefined,
    @Arg('comment', () => String, { nullable: true, deprecationReason: 'Use input.comment' })
    comment: string | undefined,
    @Ctx() ctx: ProcessesContext,
  ): Promise<DecideTaskPayload> {
    const outcome = input?.outcome ?? decision;
    if (!outcome) throw badInput('Give input: { outcome, comment, values }', 'input');
    const task = await visibleTask(id, ctx);
    if (!ACTIVE_STATUSES.includes(task.status)) {
      throw new HubError('CONFLICT', `Task ${id} can no longer be decided; it is ${outcomeOf(task)}`, {
        decision: task.decision ?? null,
        decidedBy: task.decidedBy ?? null,
      });
    }
    const reason = whyNotDecide(task, ctx.identity);
    if (reason) throw new HubError('FORBIDDEN', reason);

    const taskDecision: TaskDecision = {
      taskId: task.id,
      decision: outcome,
      comment: input?.comment ?? comment ?? null,
      decidedBy: ctx.identity.subject,
      values: input?.values ?? null,
    };
    // Checked here so that a malformed decision never reaches Temporal; the workflow checks again.
    const form = task.form ?? formOf(task.processType, task.kind);
    const problems = form ? decisionProblems(form, taskDecision) : [];
    if (problems.length)
      throw badInput(problems[0]!.message, problems[0]!.field === 'outcome' ? 'input.outcome' : problems[0]!.field);

    try {
      // The task id is the update id: a retried request is answered from the first one.
      await ctx.temporal.workflow
        .getHandle(task.workflowId)
        .executeUpdate(decideUpdate, { args: [taskDecision], updateId: task.id });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw refusal(error, id);
      if (error instanceof WorkflowNotFoundError) throw conflict(`The process behind task ${id} has already ended`);
      throw error;
    }
    await ctx.em.refresh(task);
    // Two people racing: Temporal answers the second from the first (same update id), so a
    // different outcome or person means the caller lost.
    if (task.decision !== outcome || task.decidedBy !== ctx.identity.subject) {
      throw new HubError('CONFLICT', `Task ${id} was decided by someone else first: ${outcomeOf(task)}`, {
        decision: task.decision,
        decidedBy: task.decidedBy,
      });
    }
    const fresh = ctx.em.fork();
    const process = await processByType(task.processType)?.loadProcess(
      { em: fresh, loaders: createProcessesLoaders(fresh, ctx.identity) },
      task.processId,
    );
    return { task, process: process ?? null };
  }
}
