import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskForm } from '../human-task/contracts.js';

// Wire names of government service procurement (政府购买服务): contracts with running workflows;
// add, never rename.

export const PROCUREMENT_WORKFLOW_TYPE = 'procurement';
export const PROCUREMENT_PROCESS_TYPE = 'PROCUREMENT';
export const procurementWorkflowId = (procurementId: string) => `procurement-${procurementId}`;

export const SCORE_BID_TASK_KIND = 'SCORE_BID';
export const APPROVE_AWARD_TASK_KIND = 'APPROVE_AWARD';
export const OBJECTION_BALLOT_TASK_KIND = 'OBJECTION_BALLOT';
export const FAILED_PROCUREMENT_TASK_KIND = 'FAILED_PROCUREMENT';
export const DELIVER_MILESTONE_TASK_KIND = 'DELIVER_MILESTONE';
export const ACCEPT_MILESTONE_TASK_KIND = 'ACCEPT_MILESTONE';
export const OVERDUE_MILESTONE_TASK_KIND = 'OVERDUE_MILESTONE';
export const PERFORMANCE_REVIEW_TASK_KIND = 'PERFORMANCE_REVIEW';

/** How the provider is chosen; each needs a number of eligible bids, or the procurement fails (流标). */
export type Method = 'PUBLIC_TENDER' | 'COMPETITIVE_CONSULTATION';
export const MINIMUM_BIDS: Record<Method, number> = { PUBLIC_TENDER: 3, COMPETITIVE_CONSULTATION: 2 };

/** Who may bid, judged against the registry as of the closing day. */
export interface EligibilityRules {
  /** Lowest rating in force on the closing day (A1–A5), or none asked. */
  minimumGrade: string | null;
  /** Registered at least this many whole years before the closing day. */
  minimumYearsRegistered: number;
  /** Organisation kinds allowed to bid. */
  kinds: string[];
}

/** Percentages of the total: price and technical, summing to 100. */
export interface Weights {
  price: number;
  technical: number;
}

/** A published need (采购需求): what the agency officer filled in. */
export interface Need {
  agencyId: string;
  agencyName: string;
  categoryCode: string;
  categoryName: string;
  title: string;
  description: string;
  budgetFen: number;
  method: Method;
  weights: Weights;
  eligibility: EligibilityRules;
  /** Committee members (registry person ids). */
  committee: string[];
  noticeDays: number;
}

export interface Deadlines {
  scoring: number;
  award: number;
  ballot: number;
  failed: number;
  acceptance: number;
  overdue: number;
  review: number;
  contract: number;
}

export interface ProcurementInput {
  procurementId: string;
  need: Need;
  /** When bidding closes (epoch ms) in the first round. */
  closesAt: number;
  year: number;
  publishedBy: string;
  deadlinesMs: Deadlines;
  /** Its run's id; absent in procurements published before readable ids: procurement-<procurementId>. */
  workflowId?: string;
}

export type Stage =
  | 'BIDDING'
  | 'SCREENING'
  | 'SCORING'
  | 'AWARD_APPROVAL'
  | 'NOTICE'
  | 'OBJECTION_REVIEW'
  | 'FAILED'
  | 'CONTRACTING'
  | 'PERFORMING'
  | 'PERFORMANCE_REVIEW'
  | 'COMPLETED'
  | 'TERMINATED'
  | 'CLOSED'
  | 'CANCELLED';

export type BidStatus = 'SUBMITTED' | 'WITHDRAWN' | 'ELIGIBLE' | 'REJECTED' | 'AWARDED' | 'NOT_AWARDED' | 'SET_ASIDE';

export interface Bid {
  bidId: string;
  round: number;
  organizationId: string;
  priceFen: number;
  proposal: string;
  status: BidStatus;
  /** How many times it was revised. */
  version: number;
  submittedBy: string;
  submittedAt: number;
  reasons: string[];
  /** Member id → technical score (0–100). */
  technicalScores: Record<string, number>;
  priceScore: number | null;
  total: number | null;
  rank: number | null;
}

export interface BidInput {
  organizationId: string;
  priceFen: number;
  proposal: string;
  submittedBy: string;
}

export interface Subcontract {
  subcontractorId: string;
  work: string;
  /** The main work of the service may not be subcontracted. */
  mainWork: boolean;
}

export interface MilestoneTerms {
  deliverable: string;
  /** ISO date. */
  dueOn: string;
  /** Whole percent of the price. */
  sharePercent: number;
}

export interface ContractTerms {
  startsOn: string;
  endsOn: string;
  /** A stable recurring service may run up to three years; others one. */
  recurring: boolean;
  milestones: MilestoneTerms[];
  subcontracts: Subcontract[];
  /** Who reviews the performance besides the buyer: a service user and an expert (person ids). */
  serviceUserId: string;
  expertId: string;
  signedBy: string;
}

export type MilestoneStatus = 'PENDING' | 'SUBMITTED' | 'REJECTED' | 'OVERDUE' | 'PAID';

export interface Milestone extends MilestoneTerms {
  no: number;
  amountFen: number;
  status: MilestoneStatus;
  /** The due date in force (moved by a rejection or an extension). */
  currentDueOn: string;
  submissions: { summary: string; by: string; at: number }[];
  rejections: { reason: string; by: string; newDueOn: string }[];
  paymentId: string | null;
}

export interface Contract extends ContractTerms {
  providerId: string;
  bidId: string;
  priceFen: number;
  milestones: Milestone[];
}

export interface ProcurementState {
  stage: Stage;
  round: number;
  closesAt: number;
  bids: Bid[];
  recusals: { personId: string; organizationId: string; reason: string }[];
  awardedBidId: string | null;
  objections: { organizationId: string; by: string; reason: string; outcome: 'UPHELD' | 'SUSTAINED' | null }[];
  contract: Contract | null;
  performance: {
    scores: { by: string; role: 'BUYER' | 'SERVICE_USER' | 'EXPERT'; score: number }[];
    score: number | null;
    outcome: string | null;
  } | null;
  cancelReason: string | null;
  /** Why it ended without a contract, in words. */
  closeReason: string | null;
}

/** Where every procurement starts: the first round's bidding. */
export const openingState = (closesAt: number): ProcurementState => ({
  stage: 'BIDDING',
  round: 1,
  closesAt,
  bids: [],
  recusals: [],
  awardedBidId: null,
  objections: [],
  contract: null,
  performance: null,
  cancelReason: null,
  closeReason: null,
});

export interface Objection {
  organizationId: string;
  by: string;
  reason: string;
}

export interface Cancellation {
  reason: string;
  by: string;
}

const text = (name: string, label: string, forOutcomes?: string[], maxLength = 1000) => ({
  name,
  label,
  type: 'TEXT' as const,
  required: true,
  maxLength,
  ...(forOutcomes ? { forOutcomes } : {}),
});

export const SCORE_BID_FORM: TaskForm = {
  outcomes: ['SUBMIT'],
  fields: [
    { name: 'technical', label: '技术分（满分 100）', type: 'INT', min: 0, max: 100, required: true },
    { ...text('opinion', '评审意见'), required: false },
  ],
};
export const APPROVE_AWARD_FORM: TaskForm = {
  outcomes: ['APPROVE', 'REJECT'],
  fields: [text('reason', '不予批准的理由', ['REJECT'])],
};
export const OBJECTION_BALLOT_FORM: TaskForm = { outcomes: ['UPHOLD', 'SUSTAIN'], fields: [] };
export const FAILED_PROCUREMENT_FORM: TaskForm = {
  outcomes: ['REPUBLISH', 'CLOSE'],
  fields: [
    {
      name: 'days',
      label: '重新公告的投标期（天）',
      type: 'INT',
      min: 1,
      max: 60,
      required: true,
      forOutcomes: ['REPUBLISH'],
    },
  ],
};
export const DELIVER_MILESTONE_FORM: TaskForm = {
  outcomes: ['SUBMIT'],
  fields: [text('summary', '成果说明', undefined, 2000)],
};
export const ACCEPT_MILESTONE_FORM: TaskForm = {
  outcomes: ['ACCEPT', 'REJECT'],
  fields: [
    text('reason', '不予验收的理由', ['REJECT']),
    { name: 'newDueOn', label: '重新提交期限', type: 'DATE', required: true, forOutcomes: ['REJECT'] },
  ],
};
export const OVERDUE_MILESTONE_FORM: TaskForm = {
  outcomes: ['EXTEND', 'TERMINATE'],
  fields: [
    { name: 'newDueOn', label: '延长至', type: 'DATE', required: true, forOutcomes: ['EXTEND'] },
    text('reason', '终止合同的理由', ['TERMINATE']),
  ],
};
export const PERFORMANCE_REVIEW_FORM: TaskForm = {
  outcomes: ['SUBMIT'],
  fields: [
    { name: 'score', label: '履约评分（满分 100）', type: 'INT', min: 0, max: 100, required: true },
    { ...text('comment', '评价意见'), required: false },
  ],
};

export const submitBidUpdate = defineUpdate<Bid, [BidInput]>('submitBid');
export const withdrawBidUpdate = defineUpdate<Bid, [{ organizationId: string; by: string }]>('withdrawBid');
export const lodgeObjectionUpdate = defineUpdate<ProcurementState, [Objection]>('lodgeObjection');
export const signContractUpdate = defineUpdate<ProcurementState, [ContractTerms]>('signContract');
export const cancelProcurementUpdate = defineUpdate<ProcurementState, [Cancellation]>('cancelProcurement');
export const procurementStateQuery = defineQuery<ProcurementState>('state');
