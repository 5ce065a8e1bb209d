import type {
  Applicant,
  ApplicationInput,
  ApplicationState,
  CampaignInput,
  CandidacyInput,
  CandidacyState,
  Committees,
  Reviewer,
} from './types.js';

/**
 * The evaluation's activities as its workflows see them; services/processes/evaluation/
 * activities.ts implements them (`satisfies`). All idempotent.
 */
export interface EvaluationActivities {
  /** The campaign's projection row. */
  openCampaign(input: CampaignInput): Promise<void>;
  /**
   * Reads every social organisation's facts from the registry, records who is ineligible and
   * why, and returns the eligible ones and the committees' members.
   */
  assessEligibility(
    input: CampaignInput,
  ): Promise<{ eligible: Applicant[]; ineligible: number; committees: Committees }>;
  closeCampaign(input: { campaignId: string; stage: string }): Promise<void>;
  /** The application's projection row, written at each step. */
  recordEvaluation(input: { application: ApplicationInput; state: ApplicationState }): Promise<void>;
  /**
   * Draws reviewers from the expert pool, recusing those tied to the organisation (works or
   * worked there less than two years ago, its liaison leader, their organisation linked to it).
   */
  drawReviewers(input: {
    application: ApplicationInput;
    count: number;
    exclude: string[];
  }): Promise<{ drawn: Reviewer[]; recused: { personId: string; reason: string }[] }>;
  /** The result written to the registry (rating or honour, credit record, reward), once. */
  writeBack(input: { application: ApplicationInput; state: ApplicationState }): Promise<void>;
  /**
   * The Federation above the campaign's (the province above the city), or null when there is
   * none; the candidacy's projection row is written PROPOSED.
   */
  proposeCandidacy(input: CandidacyInput): Promise<{ id: string; name: string } | null>;
  /** The candidacy's projection row, written at each step. */
  recordCandidacy(input: { candidacy: CandidacyInput; state: CandidacyState }): Promise<void>;
  /** The upper Federation's decision in the chamber's credit record (the registry audits it), once. */
  writeBackCandidacy(input: { candidacy: CandidacyInput; state: CandidacyState }): Promise<void>;
}
