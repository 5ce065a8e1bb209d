import { procurementActivities, type ProcurementContext } from './context.js';
import { chinaDay, rankBids } from './rules.js';
import { MINIMUM_BIDS, SCORE_BID_FORM, SCORE_BID_TASK_KIND, type Bid } from './types.js';

// Closing: every bid screened against the registry as of the closing day; then each member of
// the committee scores each eligible bid they are not recused from, and the weights rank them.

/** The round's eligible bids, screened; fewer than the method needs means the procurement failed (流标). */
export async function screen(ctx: ProcurementContext): Promise<Bid[] | null> {
  const { state, input } = ctx;
  await ctx.moveTo('SCREENING');
  const bids = state.bids.filter((b) => b.round === state.round && b.status === 'SUBMITTED');
  const { rejected, recusals } = await procurementActivities.screenBids({
    input,
    bids: bids.map((b) => ({ bidId: b.bidId, organizationId: b.organizationId })),
    closingDay: chinaDay(state.closesAt),
  });
  for (const bid of bids) {
    const refusal = rejected.find((r) => r.bidId === bid.bidId);
    Object.assign(
      bid,
      refusal ? { status: 'REJECTED', reasons: refusal.reasons } : { status: 'ELIGIBLE', reasons: [] },
    );
  }
  state.recusals = recusals;
  const eligible = bids.filter((b) => b.status === 'ELIGIBLE');
  if (eligible.length < MINIMUM_BIDS[input.need.method]) {
    state.closeReason = `有效投标 ${eligible.length} 家，少于${input.need.method === 'PUBLIC_TENDER' ? '公开招标' : '竞争性磋商'}所需的 ${MINIMUM_BIDS[input.need.method]} 家（流标）`;
    return null;
  }
  return eligible;
}

/** Every member's technical score of every bid they may judge; returns the ranking. */
export async function score(ctx: ProcurementContext, eligible: Bid[]): Promise<Bid[]> {
  const { state, input, tasks } = ctx;
  await ctx.moveTo('SCORING');
  const recused = (member: string, bid: Bid) =>
    state.recusals.some((r) => r.personId === member && r.organizationId === bid.organizationId);
  await Promise.all(
    eligible.flatMap((bid, i) =>
      input.need.committee
        .filter((member) => !recused(member, bid))
        .map(async (member) => {
          const result = await tasks.ask(
            ctx.spec(
              SCORE_BID_TASK_KIND,
              `评审打分：${input.need.title} · 第 ${i + 1} 号投标`,
              bid.organizationId,
              [{ subject: member }],
              input.deadlinesMs.scoring,
            ),
            SCORE_BID_FORM,
          );
          if (result.kind === 'DECIDED') bid.technicalScores[member] = Number(result.decision.values?.technical);
        }),
    ),
  );
  const ranking = rankBids(eligible, input.need.weights);
  for (const ranked of ranking)
    Object.assign(
      eligible.find((b) => b.bidId === ranked.bidId)!,
      { priceScore: ranked.priceScore, total: ranked.total, rank: ranked.rank },
    );
  await ctx.record();
  return ranking.map((r) => eligible.find((b) => b.bidId === r.bidId)!);
}
