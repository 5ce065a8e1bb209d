import type { DecisionReport } from '../../../workflows/human-task/contracts.js';
import { candidacyWorkflowId, type CandidacyInput, type CandidacyState } from '../../../workflows/evaluation/types.js';
import { EvaluationCandidacy } from './candidacy.js';

/** The candidacy's row from its workflow's input and state: what is written, and what a decision's answer shows. */
export function candidacyRow(candidacy: CandidacyInput, state: CandidacyState) {
  const decided = state.status === 'ACCEPTED' || state.status === 'NOT_ACCEPTED';
  return {
    id: candidacy.candidacyId,
    workflowId: candidacyWorkflowId(candidacy.campaignId, candidacy.organizationId),
    campaignId: candidacy.campaignId,
    applicationId: candidacy.applicationId,
    organizationId: candidacy.organizationId,
    organizationName: candidacy.organizationName,
    year: candidacy.year,
    rank: candidacy.rank,
    of: candidacy.of,
    total: candidacy.total,
    grade: candidacy.grade,
    reasons: candidacy.reasons,
    status: state.status,
    upperFederationId: state.upperFederationId,
    upperFederationName: state.upperFederationName,
    decidedBy: state.decidedBy,
    reason: state.reason,
    decidedAt: decided ? new Date() : null,
    updatedAt: new Date(),
  };
}

/** The candidacy as its workflow reported it in a decision's answer, or null when the report is another's. */
export function reportedCandidacy(report: unknown): EvaluationCandidacy | null {
  const { input, state } = (report ?? {}) as Partial<DecisionReport<CandidacyInput, CandidacyState>>;
  if (!input?.candidacyId || !state?.status) return null;
  return Object.assign(new EvaluationCandidacy(), candidacyRow(input, state));
}
