import type { Candidate } from '../human-task/contracts.js';
import type { Contract, ProcurementInput, ProcurementState } from './types.js';

/**
 * The procurement's activities as its workflow sees them; services/processes/procurement/
 * activities.ts implements them (`satisfies`). All idempotent.
 */
export interface ProcurementActivities {
  /** The projection rows (the procurement and its bids), written at each step; an older revision never overwrites a newer. */
  recordProcurement(input: { input: ProcurementInput; state: ProcurementState; revision: number }): Promise<void>;
  /**
   * Screens the round's bids against the registry as of the closing day (rating in force,
   * penalties and list entries, registration, kind, recent performance), each rejection with its
   * reasons in words; and finds which committee members must step aside (回避) for which bidder.
   */
  screenBids(input: {
    input: ProcurementInput;
    bids: { bidId: string; organizationId: string }[];
    closingDay: string;
  }): Promise<{
    rejected: { bidId: string; reasons: string[] }[];
    recusals: { personId: string; organizationId: string; reason: string }[];
  }>;
  /** The review committee's members (复核) on a day, who decide objections. */
  objectionReviewers(input: { asOf: string }): Promise<string[]>;
  /** One notice to everyone it concerns (myNotifications), once per procurement, round and kind. */
  notifyParties(input: { procurementId: string; key: string; message: string; audience: Candidate[] }): Promise<void>;
  /** The signed contract in the provider's credit record (CONTRACT), once. */
  recordContract(input: { input: ProcurementInput; contract: Contract }): Promise<void>;
  /** Pays an accepted milestone: one ledger row per milestone, never two, however often it runs. */
  payMilestone(input: {
    procurementId: string;
    milestoneNo: number;
    providerId: string;
    amountFen: number;
  }): Promise<{ paymentId: string }>;
  /** The performance review in the provider's credit record (PERFORMANCE, with its outcome), once. */
  recordPerformance(input: {
    input: ProcurementInput;
    contract: Contract;
    score: number | null;
    outcome: string;
    terminated: boolean;
  }): Promise<void>;
}
