import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import { createTaskBoard } from '../human-task/board.js';
import { acceptBids } from './bidding.js';
import { procurementActivities, procurementContext, type ProcurementContext } from './context.js';
import { score, screen } from './scoring.js';
import { award } from './award.js';
import { contract, deliver, reviewPerformance } from './delivery.js';
import {
  cancelProcurementUpdate,
  FAILED_PROCUREMENT_FORM,
  openingState,
  FAILED_PROCUREMENT_TASK_KIND,
  procurementStateQuery,
  type ProcurementInput,
  type ProcurementState,
  type Stage,
} from './types.js';
import { DAY } from '../common/time.js';
import { badRequest } from '../common/failures.js';

/** The agency may cancel until the contract is signed. */
const CANCELLABLE: Stage[] = [
  'BIDDING',
  'SCREENING',
  'SCORING',
  'AWARD_APPROVAL',
  'NOTICE',
  'OBJECTION_REVIEW',
  'FAILED',
  'CONTRACTING',
];
export const NOT_CANCELLABLE = 'NotCancellable';

/**
 * One government service procurement (政府购买服务), from the published need to the last payment
 * and the performance review: bidding window, screening at closing, committee scoring, award
 * with notice and objections, contract, milestones, payments. A failed round (流标) goes back to
 * the agency officer: republish with a new window, or close.
 */
export async function procurement(input: ProcurementInput): Promise<ProcurementState> {
  const state: ProcurementState = openingState(input.closesAt);
  const tasks = createTaskBoard(() => ({ input, state }));
  const ctx = procurementContext(input, state, tasks);
  setHandler(procurementStateQuery, () => state);
  acceptBids(ctx);

  const run = new CancellationScope();
  setHandler(
    cancelProcurementUpdate,
    async ({ reason }) => {
      state.cancelReason = reason;
      run.cancel();
      await condition(() => state.stage === 'CANCELLED');
      return state;
    },
    {
      validator: ({ reason }) => {
        if (!CANCELLABLE.includes(state.stage) || state.cancelReason !== null) {
          throw ApplicationFailure.create({
            type: NOT_CANCELLABLE,
            message: `A procurement at ${state.stage} can no longer be cancelled (only before the contract is signed)`,
          });
        }
        if (!reason.trim()) throw badRequest('A cancellation needs a reason', 'reason');
      },
    },
  );

  try {
    await run.run(() => proceed(ctx));
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // Cancelled by the agency (the update) or by an admin (Temporal cancellation): every open
    // task is cancelled and every party told, whatever the step.
    const byAgency = state.cancelReason !== null;
    await CancellationScope.nonCancellable(() => cancelled(ctx, state.cancelReason ?? '管理员取消'));
    // An admin's cancellation ends the run as CANCELLED; the agency's is the process's own end.
    if (!byAgency) throw error;
  }
  await tasks.finish();
  return state;
}

async function proceed(ctx: ProcurementContext): Promise<void> {
  const { state, input, tasks } = ctx;
  await ctx.moveTo('BIDDING');
  for (;;) {
    await sleep(Math.max(state.closesAt - Date.now(), 0));
    const eligible = await screen(ctx);
    const winner = eligible && (await award(ctx, await score(ctx, eligible)));
    if (winner) {
      for (const bid of state.bids)
        if (bid.round === state.round && bid.status === 'ELIGIBLE') bid.status = 'NOT_AWARDED';
      if (!(await contract(ctx, winner))) return ctx.moveTo('CLOSED');
      const completed = await deliver(ctx);
      await reviewPerformance(ctx, !completed);
      return ctx.moveTo(completed ? 'COMPLETED' : 'TERMINATED');
    }
    await ctx.moveTo('FAILED');
    const decision = await tasks.ask(
      ctx.spec(
        FAILED_PROCUREMENT_TASK_KIND,
        `采购失败（流标）：${input.need.title}，请决定重新公告或终止`,
        input.need.agencyId,
        ctx.agency.officers,
        input.deadlinesMs.failed,
      ),
      FAILED_PROCUREMENT_FORM,
    );
    if (decision.kind !== 'DECIDED' || decision.decision.decision !== 'REPUBLISH') return ctx.moveTo('CLOSED');
    state.round += 1;
    state.closesAt = Date.now() + Number(decision.decision.values?.days) * DAY;
    state.awardedBidId = null;
    state.closeReason = null;
    await ctx.moveTo('BIDDING');
  }
}

async function cancelled(ctx: ProcurementContext, reason: string): Promise<void> {
  const { state, input, tasks } = ctx;
  await tasks.cancelOpen(`采购已取消：${reason}`);
  const bidders = [...new Set(state.bids.map((b) => b.organizationId))];
  await procurementActivities.notifyParties({
    procurementId: input.procurementId,
    key: 'cancelled',
    message: `《${input.need.title}》已由${input.need.agencyName}取消：${reason}`,
    audience: [
      ...ctx.agency.officers,
      ...ctx.agency.head,
      ...bidders.map((organizationId) => ({ role: 'APPROVER', organizationId })),
      ...input.need.committee.map((subject) => ({ subject })),
    ],
  });
  state.cancelReason = reason;
  await ctx.moveTo('CANCELLED');
}
