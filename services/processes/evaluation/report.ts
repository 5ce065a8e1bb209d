import type { DecisionReport } from '../../../workflows/human-task/contracts.js';
import {
  evaluationApplicationWorkflowId,
  type ApplicationInput,
  type ApplicationState,
} from '../../../workflows/evaluation/types.js';
import { EvaluationApplication } from './application.js';

/**
 * An application's projection row from its workflow's input and state: what recordEvaluation
 * writes, and what a decision's answer shows (so the two cannot differ).
 */
export function applicationRow(application: ApplicationInput, state: ApplicationState) {
  return {
    id: application.applicationId,
    campaignId: application.campaignId,
    workflowId: evaluationApplicationWorkflowId(application.campaignId, application.organizationId),
    organizationId: application.organizationId,
    organizationName: application.organizationName,
    status: state.status,
    selfScores: state.selfScores,
    reviewers: state.reviewers,
    recused: state.recused,
    reviews: state.reviews,
    total: state.total,
    proposedGrade: state.proposedGrade,
    grade: state.grade,
    objections: state.objections,
    updatedAt: new Date(),
  };
}

/** The application as its workflow reported it in a decision's answer (decideTask), or null. */
export function reportedApplication(report: unknown): EvaluationApplication | null {
  const { input, state } = (report ?? {}) as Partial<DecisionReport<ApplicationInput, ApplicationState>>;
  if (!input?.applicationId || !state?.status) return null;
  return Object.assign(new EvaluationApplication(), applicationRow(input, state));
}
