import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { decideUpdate, type DecisionReport, type TaskDecision } from '../../../workflows/human-task/contracts.js';
import { decisionProblems } from '../../../workflows/human-task/form.js';
import { ACTIVE_STATUSES, HumanTask, TaskStatus } from '../kit/human-task.js';
import { whyNotDecide } from '../kit/access.js';
import { visibleTask } from './inbox.js';
import { DecideTaskPayload, DecisionInput } from './types.js';
import { Decision, type DecisionCode } from '../kit/catalog-enums.js';
import type { ProcessesContext } from '../kit/context.js';
import { toRun } from '../kit/update-refusals.js';
import { badInput, HubError } from '../../common/errors.js';

const outcomeOf = (task: Pick<HumanTask, 'status' | 'decision' | 'decidedBy'>) =>
  `${task.status}${task.decision ? `: ${task.decision} by ${task.decidedBy}` : ''}`;

@Resolver(() => HumanTask)
export class DecideResolver {
  @Mutation(() => DecideTaskPayload, {
    description:
      'Decide a task you may act on; the answer is the task and its process as the workflow reported them once it acted on the decision',
  })
  async decideTask(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DecisionInput, { nullable: true }) input: DecisionInput | undefined,
    @Arg('decision', () => Decision, { nullable: true, deprecationReason: 'Use input.outcome' })
    decision: DecisionCode | undefined,
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

    const taken: TaskDecision = {
      taskId: task.id,
      decision: outcome,
      comment: input?.comment ?? comment ?? null,
      decidedBy: ctx.identity.subject,
      values: input?.values ?? null,
    };
    // Checked here so that a malformed decision never reaches Temporal; the workflow checks again.
    const form = task.form ?? ctx.catalog.formOf(task.processType, task.kind);
    const problems = form ? decisionProblems(form, taken) : [];
    if (problems.length)
      throw badInput(problems[0]!.message, problems[0]!.field === 'outcome' ? 'input.outcome' : problems[0]!.field);

    // The task id is the update id: a retried request is answered from the first one.
    const report = (await toRun(ctx.temporal, task.workflowId, `The process behind task ${id}`, (run) =>
      run.executeUpdate(decideUpdate, { args: [taken], updateId: task.id }),
    )) as Partial<DecisionReport> | null;

    // Runs of the first training version answer their bare state: only they are read again.
    const recorded = report?.decision ?? (await ctx.em.refresh(task), taskDecisionOf(task));
    // Two people racing: Temporal answers the second from the first (same update id), so a
    // different outcome or person means the caller lost.
    if (recorded?.decision !== outcome || recorded.decidedBy !== ctx.identity.subject) {
      throw new HubError(
        'CONFLICT',
        `Task ${id} was decided by someone else first: ${recorded?.decision ?? '?'} by ${recorded?.decidedBy ?? '?'}`,
        {
          decision: recorded?.decision ?? null,
          decidedBy: recorded?.decidedBy ?? null,
        },
      );
    }
    // The workflow answers once it has completed the task, so the row is as follows.
    Object.assign(task, {
      status: TaskStatus.DONE,
      decision: recorded.decision,
      decisionValues: recorded.values ?? null,
      comment: recorded.comment ?? null,
      decidedBy: recorded.decidedBy,
      delegatedTo: null,
      completedAt: task.completedAt ?? new Date(),
    });
    const definition = ctx.catalog.byType(task.processType);
    const process =
      definition?.reported(report, task) ??
      (await definition?.loadProcess({ ...ctx, em: ctx.em.fork() }, task.processId));
    return { task, process: process ?? null };
  }
}

function taskDecisionOf(task: HumanTask): TaskDecision | undefined {
  return task.decision
    ? {
        taskId: task.id,
        decision: task.decision,
        decidedBy: task.decidedBy ?? '',
        comment: task.comment,
        values: task.decisionValues,
      }
    : undefined;
}
