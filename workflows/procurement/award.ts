import { sleep } from '@temporalio/workflow';
import { procurementActivities, type ProcurementContext } from './context.js';
import { chinaDay } from './rules.js';
import {
  APPROVE_AWARD_FORM,
  APPROVE_AWARD_TASK_KIND,
  OBJECTION_BALLOT_FORM,
  OBJECTION_BALLOT_TASK_KIND,
  type Bid,
} from './types.js';
import { DAY } from '../common/time.js';

// The award: the agency head approves the best-ranked bid, the result is shown for the notice
// period (公示), and objections lodged in it go to the review committee, which sets the award
// aside only with a majority of ALL its members (as in the evaluation). A bid set aside passes
// the award to the next in the ranking.

/** The awarded bid, or null when the head refused or no bid survived the objections. */
export async function award(ctx: ProcurementContext, ranking: Bid[]): Promise<Bid | null> {
  const { state, input, tasks } = ctx;
  for (const bid of ranking) {
    await ctx.moveTo('AWARD_APPROVAL');
    const approval = await tasks.ask(
      ctx.spec(
        APPROVE_AWARD_TASK_KIND,
        `审批中标结果：${input.need.title}（第 ${bid.rank} 名，综合得分 ${bid.total}）`,
        input.need.agencyId,
        ctx.agency.head,
        input.deadlinesMs.award,
      ),
      APPROVE_AWARD_FORM,
    );
    if (approval.kind !== 'DECIDED' || approval.decision.decision !== 'APPROVE') {
      state.closeReason =
        approval.kind === 'DECIDED'
          ? `单位负责人不予批准：${String(approval.decision.values?.reason ?? '')}`
          : '单位负责人未在期限内审批';
      return null;
    }
    state.awardedBidId = bid.bidId;
    bid.status = 'AWARDED';
    const round = state.bids.filter((b) => b.round === state.round && b.status !== 'WITHDRAWN');
    await procurementActivities.notifyParties({
      procurementId: input.procurementId,
      key: `award-${state.round}-${bid.bidId}`,
      message: `《${input.need.title}》中标结果公示 ${input.need.noticeDays} 天，如有异议请在公示期内提出`,
      audience: round.map((b) => ({ role: 'APPROVER', organizationId: b.organizationId })),
    });
    const firstObjection = state.objections.length;
    await ctx.moveTo('NOTICE');
    await sleep(input.need.noticeDays * DAY);
    const objections = state.objections.slice(firstObjection);
    if (!objections.length) return bid;
    await ctx.moveTo('OBJECTION_REVIEW');
    const reviewers = await procurementActivities.objectionReviewers({ asOf: chinaDay(Date.now()) });
    let setAside = false;
    for (const objection of objections) {
      const sustained = await objectionSustained(ctx, reviewers, objection.reason);
      objection.outcome = sustained ? 'SUSTAINED' : 'UPHELD';
      setAside ||= sustained;
    }
    if (!setAside) return bid;
    bid.status = 'SET_ASIDE';
    state.awardedBidId = null;
  }
  state.closeReason = '没有可授予的投标（异议成立后无后续排名）';
  return null;
}

async function objectionSustained(ctx: ProcurementContext, reviewers: string[], reason: string): Promise<boolean> {
  const { input, tasks } = ctx;
  // With no review committee on record, the Federation's officers decide as one ballot.
  const members = reviewers.length ? reviewers.map((subject) => [{ subject }]) : [[{ role: 'FEDERATION_OFFICER' }]];
  const ballots = await Promise.all(
    members.map((candidates) =>
      tasks.ask(
        ctx.spec(
          OBJECTION_BALLOT_TASK_KIND,
          `复核质疑：${input.need.title}（${reason.slice(0, 40)}）`,
          input.need.agencyId,
          candidates,
          input.deadlinesMs.ballot,
        ),
        OBJECTION_BALLOT_FORM,
      ),
    ),
  );
  const sustain = ballots.filter((b) => b.kind === 'DECIDED' && b.decision.decision === 'SUSTAIN').length;
  return sustain * 2 > members.length;
}
