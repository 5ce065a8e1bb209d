import { setHandler, uuid4 } from '@temporalio/workflow';
import { bidProblems } from './rules.js';
import { badRequest, notNow } from '../common/failures.js';
import type { ProcurementContext } from './context.js';
import { lodgeObjectionUpdate, submitBidUpdate, withdrawBidUpdate, type Bid } from './types.js';

// Bids and objections arrive as updates: the validator refuses a late, over-budget or malformed
// bid before anything reaches history, and the caller gets the bid as recorded. One bid per
// organisation and round: submitting again revises it, withdrawing takes it out.

/** Bad terms name their field (BAD_USER_INPUT); a closed window or a passed stage is where the procurement stands. */
const refuse = (message: string, field?: string) =>
  field && field !== 'procurementId' ? badRequest(message, field) : notNow(message);

export function acceptBids(ctx: ProcurementContext): void {
  const { state, input } = ctx;
  const windowOpen = () => state.stage === 'BIDDING' && Date.now() < state.closesAt;
  const current = (organizationId: string) =>
    state.bids.find((b) => b.round === state.round && b.organizationId === organizationId);

  setHandler(
    submitBidUpdate,
    async (offer) => {
      let bid = current(offer.organizationId);
      if (bid)
        Object.assign(bid, {
          priceFen: offer.priceFen,
          proposal: offer.proposal,
          status: 'SUBMITTED',
          version: bid.version + 1,
          submittedBy: offer.submittedBy,
          submittedAt: Date.now(),
        });
      else {
        bid = {
          bidId: uuid4(),
          round: state.round,
          organizationId: offer.organizationId,
          priceFen: offer.priceFen,
          proposal: offer.proposal,
          status: 'SUBMITTED',
          version: 1,
          submittedBy: offer.submittedBy,
          submittedAt: Date.now(),
          reasons: [],
          technicalScores: {},
          priceScore: null,
          total: null,
          rank: null,
        } satisfies Bid;
        state.bids.push(bid);
      }
      const answer = { ...bid };
      await ctx.record();
      return answer;
    },
    {
      validator: (offer) => {
        const problems = bidProblems(input.need, { open: windowOpen() }, offer);
        if (problems.length) throw refuse(problems[0]!.message, problems[0]!.field);
      },
    },
  );

  setHandler(
    withdrawBidUpdate,
    async ({ organizationId }) => {
      const bid = current(organizationId)!;
      bid.status = 'WITHDRAWN';
      bid.version += 1;
      const answer = { ...bid };
      await ctx.record();
      return answer;
    },
    {
      validator: ({ organizationId }) => {
        if (!windowOpen()) throw refuse('Bidding has closed for this procurement; a bid can no longer be withdrawn');
        if (current(organizationId)?.status !== 'SUBMITTED')
          throw refuse('This organization has no bid to withdraw in this round', 'organizationId');
      },
    },
  );

  setHandler(
    lodgeObjectionUpdate,
    async (objection) => {
      state.objections.push({ ...objection, outcome: null });
      await ctx.record();
      return state;
    },
    {
      validator: (objection) => {
        if (state.stage !== 'NOTICE') throw refuse('Objections (质疑) are taken during the award notice (公示) only');
        if (
          !state.bids.some(
            (b) => b.round === state.round && b.organizationId === objection.organizationId && b.status !== 'WITHDRAWN',
          )
        ) {
          throw refuse('Only an organization that bid in this round may object to the award', 'organizationId');
        }
        if (!objection.reason.trim()) throw refuse('An objection needs a reason', 'reason');
      },
    },
  );
}
