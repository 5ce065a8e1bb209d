import type { DecisionReport } from '../../../workflows/human-task/contracts.js';
import {
  procurementWorkflowId,
  type Bid,
  type ProcurementInput,
  type ProcurementState,
} from '../../../workflows/procurement/types.js';
import { Procurement } from './procurement.js';
import { ProcurementBid } from './bid.js';

/**
 * A procurement's projection row from its workflow's input and state: what writeProjection
 * stores, and what a decision's answer shows (so the two cannot differ).
 */
export function procurementRow(input: ProcurementInput, state: ProcurementState) {
  const { need } = input;
  return {
    id: input.procurementId,
    workflowId: input.workflowId ?? procurementWorkflowId(input.procurementId),
    agencyId: need.agencyId,
    agencyName: need.agencyName,
    categoryCode: need.categoryCode,
    categoryName: need.categoryName,
    title: need.title,
    description: need.description,
    budgetFen: need.budgetFen,
    method: need.method,
    weights: need.weights,
    eligibility: need.eligibility,
    committee: need.committee,
    noticeDays: need.noticeDays,
    year: input.year,
    round: state.round,
    closesAt: new Date(state.closesAt),
    stage: state.stage,
    awardedBidId: state.awardedBidId,
    providerId: state.contract?.providerId ?? null,
    recusals: state.recusals,
    objections: state.objections,
    contract: state.contract,
    performance: state.performance,
    cancelReason: state.cancelReason,
    closeReason: state.closeReason,
    publishedBy: input.publishedBy,
  };
}

/** The procurement as its workflow reported it in a decision's answer (decideTask), or null. */
export function reportedProcurement(report: unknown): Procurement | null {
  const { input, state } = (report ?? {}) as Partial<DecisionReport<ProcurementInput, ProcurementState>>;
  if (!input?.procurementId || !state?.stage) return null;
  return Object.assign(new Procurement(), procurementRow(input, state), { updatedAt: new Date() });
}

/**
 * A bid as its workflow answered a submitBid or withdrawBid update: the row the update's own
 * projection write stored (writeProjection), shown to the bidder with no second read.
 */
export function answeredBid(procurementId: string, bid: Bid): ProcurementBid {
  return Object.assign(new ProcurementBid(), {
    id: bid.bidId,
    procurementId,
    round: bid.round,
    organizationId: bid.organizationId,
    priceFen: bid.priceFen,
    proposal: bid.proposal,
    status: bid.status,
    version: bid.version,
    reasons: bid.reasons,
    technicalScores: bid.technicalScores,
    priceScore: bid.priceScore,
    total: bid.total,
    rank: bid.rank,
    submittedBy: bid.submittedBy,
    submittedAt: new Date(bid.submittedAt),
  });
}
