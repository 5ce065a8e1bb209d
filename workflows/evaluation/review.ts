import { condition, setHandler } from '@temporalio/workflow';
import { meanScores, spread, total, type Scores } from './rules.js';
import { evaluationActivities, type ApplicationContext } from './context.js';
import { EXPERT_REVIEW_FORM, EXPERT_REVIEW_TASK_KIND, requestRecusalUpdate, type Reviewer } from './types.js';
import { badRequest, notNow } from '../common/failures.js';

// Expert review (专家评估): reviewers drawn from the pool with recusal, each scoring on their
// own; the organisation may ask to recuse a named reviewer before they submit, and a replacement
// is drawn; an expired reviewer is replaced too; totals too far apart draw one more reviewer.

/** Form values to scores (the form has already checked each dimension's maximum). */
export const scoresOf = (values: Record<string, unknown> | null | undefined): Scores => ({
  basicConditions: Number(values?.basicConditions),
  internalGovernance: Number(values?.internalGovernance),
  workPerformance: Number(values?.workPerformance),
  socialEvaluation: Number(values?.socialEvaluation),
});

const MAX_DRAWS = 12;

export async function expertReviews(ctx: ApplicationContext): Promise<Scores> {
  const { input, state, tasks } = ctx;
  const taskOf = new Map<string, string>();
  const seen = new Set<string>();
  let active = 0;
  let draws = 0;

  const start = (reviewer: Reviewer) => {
    const spec = ctx.spec(
      EXPERT_REVIEW_TASK_KIND,
      `专家评审：${input.organizationName}`,
      [{ subject: reviewer.personId }],
      input.params.deadlinesMs.review,
    );
    taskOf.set(reviewer.personId, spec.taskId);
    active += 1;
    void tasks.ask(spec, EXPERT_REVIEW_FORM).then(async (result) => {
      if (result.kind === 'DECIDED') {
        const scores = scoresOf(result.decision.values);
        state.reviews.push({ personId: reviewer.personId, scores, total: total(scores) });
        await ctx.moveTo(state.status); // the projection shows the score (to whom resolvers allow)
      } else if (result.kind === 'EXPIRED') {
        state.reviewers = state.reviewers.filter((r) => r.personId !== reviewer.personId);
        await draw(1);
      }
      active -= 1;
    });
  };
  const draw = async (count: number) => {
    if (draws >= MAX_DRAWS) return;
    draws += 1;
    const { drawn, recused } = await evaluationActivities.drawReviewers({
      application: input,
      count,
      exclude: [...seen],
    });
    for (const r of recused) if (!seen.has(r.personId)) state.recused.push(r);
    for (const r of [...drawn.map((d) => d.personId), ...recused.map((r) => r.personId)]) seen.add(r);
    state.reviewers.push(...drawn);
    drawn.forEach(start);
    await ctx.moveTo(state.status);
  };

  // The update only records the request; the loop below does the work (cancel, draw again), so
  // no activity runs inside the handler and the caller is answered at once.
  const recusals: string[] = [];
  setHandler(
    requestRecusalUpdate,
    (request) => {
      state.recused.push({ personId: request.reviewerId, reason: `申请回避：${request.reason}` });
      state.reviewers = state.reviewers.filter((r) => r.personId !== request.reviewerId);
      recusals.push(request.reviewerId);
      return state;
    },
    {
      validator: (request) => {
        if (state.status !== 'EXPERT_REVIEW') throw notNow('Recusal can be asked only while the experts review');
        if (!state.reviewers.some((r) => r.personId === request.reviewerId))
          throw badRequest(`${request.reviewerId} is not a reviewer of this application`, 'reviewerId');
        if (state.reviews.some((r) => r.personId === request.reviewerId))
          throw notNow('This reviewer has already scored; recusal comes too late');
      },
    },
  );
  const allIn = async () => {
    for (;;) {
      await condition(() => active === 0 || recusals.length > 0);
      const recused = recusals.shift();
      if (recused === undefined) return;
      await tasks.cancel(taskOf.get(recused)!, '评估对象申请回避');
      await draw(1);
    }
  };

  await draw(input.params.reviewersPerApplication);
  await allIn();
  if (state.reviews.length > 1 && spread(state.reviews.map((r) => r.scores)) > input.params.spreadLimit) {
    await draw(1); // one more opinion when the experts disagree
    await allIn();
  }
  return meanScores(state.reviews.map((r) => r.scores));
}
