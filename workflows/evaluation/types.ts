import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskForm } from '../human-task/contracts.js';
import { DIMENSION_MAXIMA, DIMENSIONS, GRADES, type Cutoffs, type Grade, type Scores } from './rules.js';

// Wire names of the annual evaluation (年度评价): contracts with running workflows; add, never rename.

export const CAMPAIGN_WORKFLOW_TYPE = 'evaluationCampaign';
export const APPLICATION_WORKFLOW_TYPE = 'evaluationApplication';
export const EVALUATION_PROCESS_TYPE = 'EVALUATION';

export const INVITE_TASK_KIND = 'INVITE_TO_EVALUATION';
export const SELF_ASSESSMENT_TASK_KIND = 'SELF_ASSESSMENT';
export const EXPERT_REVIEW_TASK_KIND = 'EXPERT_REVIEW';
export const COMMITTEE_VOTE_TASK_KIND = 'COMMITTEE_VOTE';
export const QUORUM_ESCALATION_TASK_KIND = 'COMMITTEE_QUORUM_MISSED';
export const REVIEW_BALLOT_TASK_KIND = 'REVIEW_BALLOT';

export type Track = 'RATING' | 'FOUR_GOOD';

/** Everything a campaign may vary; travels as workflow input, so a run keeps what it started with. */
export interface CampaignParams {
  year: number;
  track: Track;
  cutoffs: Cutoffs;
  noticeDays: number;
  reviewersPerApplication: number;
  /** Reviewers' totals further apart than this draw one more reviewer. */
  spreadLimit: number;
  rerateAfterTwoYears: boolean;
  /** Relationship types whose live edge to the organisation disqualifies a reviewer's organisation. */
  recusalEdgeTypes: string[];
  /** Reward per grade, in fen. */
  rewardsFen: Partial<Record<Grade, number>>;
  deadlinesMs: { invite: number; selfAssessment: number; review: number; vote: number; ballot: number };
}

export const campaignId = (year: number, track: Track) => `evaluation-${track.toLowerCase()}-${year}`;
/** One application per campaign and organisation, e.g. evaluation-rating-2020-<organisation id>. */
export const evaluationApplicationWorkflowId = (campaign: string, organizationId: string) =>
  `${campaign}-${organizationId}`;

export interface CampaignInput {
  campaignId: string;
  params: CampaignParams;
  startedBy: string;
  /** The day eligibility is judged on, ISO. */
  asOf: string;
  /** The Federation whose campaign it is (its starter's `fed`); scheduled and older runs have none. */
  federationId?: string | null;
}

export interface Committees {
  evaluation: string[];
  review: string[];
}

export interface Applicant {
  organizationId: string;
  organizationName: string;
  /** The Federation leader who guides it (联挂), who is told when its secretariat falls behind. */
  liaisonPersonId: string | null;
}

export interface ApplicationInput extends Applicant {
  applicationId: string;
  campaignId: string;
  params: CampaignParams;
  committees: Committees;
}

export type ApplicationStatus =
  | 'INVITED'
  | 'DECLINED'
  /** The invitation expired unanswered: counted apart from a chamber that declined. */
  | 'NOT_ANSWERED'
  | 'SELF_ASSESSMENT'
  | 'EXPERT_REVIEW'
  | 'COMMITTEE'
  | 'NOTICE'
  | 'REVIEW'
  | 'PUBLISHED'
  | 'NOT_GRADED'
  | 'CANCELLED'
  | 'TERMINATED';

export interface Reviewer {
  personId: string;
  name: string;
}

export interface ReviewerScore {
  personId: string;
  scores: Scores;
  total: number;
}

export interface ApplicationState {
  status: ApplicationStatus;
  selfScores: Scores | null;
  reviewers: Reviewer[];
  recused: { personId: string; reason: string }[];
  reviews: ReviewerScore[];
  total: number | null;
  proposedGrade: Grade | null;
  grade: Grade | null;
  objections: { by: string; reason: string; outcome: 'UPHELD' | 'CHANGED' | null }[];
}

const scoreFields = (forOutcomes: string[]) =>
  DIMENSIONS.map((name) => ({
    name,
    label: {
      basicConditions: '基础条件',
      internalGovernance: '内部治理',
      workPerformance: '工作绩效',
      socialEvaluation: '社会评价',
    }[name],
    type: 'INT' as const,
    min: 0,
    max: DIMENSION_MAXIMA[name],
    required: true,
    forOutcomes,
  }));

export const INVITE_FORM: TaskForm = { outcomes: ['APPLY', 'DECLINE'], fields: [] };
export const SELF_ASSESSMENT_FORM: TaskForm = {
  outcomes: ['SUBMIT'],
  fields: [
    ...scoreFields(['SUBMIT']),
    { name: 'evidence', label: '佐证材料说明', type: 'TEXT', maxLength: 2000, required: true },
  ],
};
export const EXPERT_REVIEW_FORM: TaskForm = { outcomes: ['SUBMIT'], fields: scoreFields(['SUBMIT']) };
export const COMMITTEE_VOTE_FORM: TaskForm = { outcomes: ['APPROVE', 'REJECT'], fields: [] };
export const QUORUM_FORM: TaskForm = { outcomes: ['APPROVE', 'REJECT'], fields: [] };
export const REVIEW_BALLOT_FORM: TaskForm = {
  outcomes: ['UPHOLD', 'CHANGE'],
  fields: [
    {
      name: 'grade',
      label: '改定等级',
      type: 'CHOICE',
      options: [...GRADES, 'NONE'],
      required: true,
      forOutcomes: ['CHANGE'],
    },
  ],
};

export interface RecusalRequest {
  reviewerId: string;
  reason: string;
  requestedBy: string;
}
export interface Objection {
  by: string;
  reason: string;
}

export const requestRecusalUpdate = defineUpdate<ApplicationState, [RecusalRequest]>('requestRecusal');
export const lodgeObjectionUpdate = defineUpdate<ApplicationState, [Objection]>('lodgeObjection');
export const applicationStateQuery = defineQuery<ApplicationState>('state');
export const campaignStateQuery = defineQuery<{
  stage: string;
  eligible: number;
  ineligible: number;
  finished: number;
}>('campaignState');

// The upward Four-Good candidacy (推荐参评省级“四好”商会): each chamber the city's campaign
// recommends becomes a candidacy for the Federation above the city, whose officers accept or
// decline it; the decision is written back to the city's record of the campaign.

export const CANDIDACY_WORKFLOW_TYPE = 'evaluationCandidacy';
export const CANDIDACY_TASK_KIND = 'DECIDE_FOUR_GOOD_CANDIDACY';
export const ACCEPT_CANDIDACY = 'ACCEPT_RECOMMENDATION';
export const DECLINE_CANDIDACY = 'DECLINE_RECOMMENDATION';
export const CANDIDACY_FORM: TaskForm = {
  outcomes: [ACCEPT_CANDIDACY, DECLINE_CANDIDACY],
  fields: [
    {
      name: 'reason',
      label: '不予接受的理由',
      type: 'TEXT',
      maxLength: 500,
      required: true,
      forOutcomes: [DECLINE_CANDIDACY],
    },
  ],
};
/** How long the upper Federation has to decide, unless a campaign's params say otherwise. */
export const CANDIDACY_DUE_MS = 30 * 86_400_000;
export const candidacyWorkflowId = (campaign: string, organizationId: string) =>
  `${campaign}-candidacy-${organizationId}`;

/** The city's ranking of one recommended chamber, as the upper Federation sees it. */
export interface CandidacyInput {
  candidacyId: string;
  campaignId: string;
  applicationId: string;
  organizationId: string;
  organizationName: string;
  year: number;
  /** 1 is the city's first choice, of `of` recommended. */
  rank: number;
  of: number;
  total: number;
  grade: Grade;
  /** The city's reasons, in Chinese sentences. */
  reasons: string[];
  /** The Federation that ran the campaign, when its starter's token named one. */
  federationId: string | null;
}

export type CandidacyStatus = 'PROPOSED' | 'NO_UPPER_FEDERATION' | 'ACCEPTED' | 'NOT_ACCEPTED' | 'NOT_DECIDED';

export interface CandidacyState {
  status: CandidacyStatus;
  upperFederationId: string | null;
  upperFederationName: string | null;
  decidedBy: string | null;
  reason: string | null;
}
