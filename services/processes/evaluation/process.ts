import type { ProcessDefinition } from '../kit/process-definition.js';
import type { ProcessesContext } from '../kit/context.js';
import {
  APPLICATION_WORKFLOW_TYPE,
  CAMPAIGN_WORKFLOW_TYPE,
  CANDIDACY_FORM,
  CANDIDACY_TASK_KIND,
  CANDIDACY_WORKFLOW_TYPE,
  COMMITTEE_VOTE_FORM,
  COMMITTEE_VOTE_TASK_KIND,
  EVALUATION_PROCESS_TYPE,
  EXPERT_REVIEW_FORM,
  EXPERT_REVIEW_TASK_KIND,
  INVITE_FORM,
  INVITE_TASK_KIND,
  QUORUM_ESCALATION_TASK_KIND,
  QUORUM_FORM,
  REVIEW_BALLOT_FORM,
  REVIEW_BALLOT_TASK_KIND,
  SELF_ASSESSMENT_FORM,
  SELF_ASSESSMENT_TASK_KIND,
} from '../../../workflows/evaluation/types.js';
import { createEvaluationActivities } from './activities.js';
import { workflowModule } from '../kit/workflow-bundle.js';
import { runLoaders } from '../runs/loaders.js';
import { EvaluationCampaign } from './campaign.js';
import { EvaluationApplication } from './application.js';
import { EvaluationIneligible } from './ineligible.js';
import {
  EvaluationApplicationResolver,
  EvaluationCampaignResolver,
  OrganizationEvaluationResolver,
} from './resolvers.js';
import { EvaluationScheduleResolver } from './schedule-resolvers.js';
import { ensureEvaluationSchedules } from './schedule.js';
import { evaluationLoaders } from './loaders.js';
import { reportedApplication } from './report.js';
import { reportedCandidacy } from './candidacy-row.js';
import { EvaluationCandidacy } from './candidacy.js';
import {
  ApplicationCandidacyResolver,
  CampaignCandidaciesResolver,
  EvaluationCandidacyResolver,
} from './candidacy-resolvers.js';
import { evaluationWords } from './words.js';

const here = (path: string) => workflowModule(new URL(path, import.meta.url));

/** The annual evaluation (年度评价) in the process catalog. */
export const evaluationProcess: ProcessDefinition<ProcessesContext> = {
  processType: EVALUATION_PROCESS_TYPE,
  label: { zh: '年度评价', en: 'Annual evaluation' },
  workflows: {
    [CAMPAIGN_WORKFLOW_TYPE]: here('../../../workflows/evaluation/campaign.ts'),
    [APPLICATION_WORKFLOW_TYPE]: here('../../../workflows/evaluation/application.ts'),
    [CANDIDACY_WORKFLOW_TYPE]: here('../../../workflows/evaluation/candidacy.ts'),
  },
  taskKinds: {
    [INVITE_TASK_KIND]: { label: { zh: '申请参评', en: 'Apply or decline' }, form: INVITE_FORM },
    [SELF_ASSESSMENT_TASK_KIND]: { label: { zh: '自评', en: 'Self-assessment' }, form: SELF_ASSESSMENT_FORM },
    [EXPERT_REVIEW_TASK_KIND]: { label: { zh: '专家评审', en: 'Expert review' }, form: EXPERT_REVIEW_FORM },
    [COMMITTEE_VOTE_TASK_KIND]: { label: { zh: '评估委员会表决', en: 'Committee vote' }, form: COMMITTEE_VOTE_FORM },
    [QUORUM_ESCALATION_TASK_KIND]: { label: { zh: '未达法定人数', en: 'Quorum missed' }, form: QUORUM_FORM },
    [REVIEW_BALLOT_TASK_KIND]: { label: { zh: '复核表决', en: 'Review ballot' }, form: REVIEW_BALLOT_FORM },
    [CANDIDACY_TASK_KIND]: {
      label: { zh: '决定是否接受推荐参评省级“四好”商会', en: 'Decide on a recommended Four-Good chamber' },
      form: CANDIDACY_FORM,
    },
  },
  ...evaluationWords,
  entities: [EvaluationCampaign, EvaluationApplication, EvaluationIneligible, EvaluationCandidacy],
  resolvers: [
    EvaluationCampaignResolver,
    EvaluationApplicationResolver,
    OrganizationEvaluationResolver,
    EvaluationScheduleResolver,
    EvaluationCandidacyResolver,
    CampaignCandidaciesResolver,
    ApplicationCandidacyResolver,
  ],
  activities: (deps) => createEvaluationActivities(deps),
  onStart: ({ temporal, taskQueue }) => ensureEvaluationSchedules(temporal, taskQueue),
  async markEnded(em, workflowId, end) {
    await em.execute(
      `update processes.evaluation_application set status = ?, updated_at = now() where workflow_id = ?
         and status not in ('DECLINED', 'NOT_ANSWERED', 'PUBLISHED', 'NOT_GRADED', 'CANCELLED', 'TERMINATED')`,
      [end, workflowId],
    );
    await em.execute(
      `update processes.evaluation_candidacy set status = ?, updated_at = now() where workflow_id = ?
         and status not in ('ACCEPTED', 'NOT_ACCEPTED', 'NOT_DECIDED', 'NO_UPPER_FEDERATION')`,
      [end, workflowId],
    );
    await em.execute("update processes.evaluation_campaign set stage = ? where workflow_id = ? and stage <> 'CLOSED'", [
      end,
      workflowId,
    ]);
  },
  // A task of the evaluation belongs to an application, or (the upper Federation's) to a candidacy.
  loadProcess: async (ctx, processId) =>
    (await evaluationLoaders(ctx).application.load(processId)) ?? evaluationLoaders(ctx).candidacy.load(processId),
  reported: (report) => reportedApplication(report) ?? reportedCandidacy(report),
  async subject(run, ctx) {
    const processId = await runLoaders(ctx).processId.load(run.id);
    const row = processId ? await evaluationLoaders(ctx).application.load(processId) : null;
    // An application's row names its campaign; a campaign run is its campaign's (scheduled ones too).
    const campaign =
      row || run.workflowType !== CAMPAIGN_WORKFLOW_TYPE
        ? null
        : await ctx.em.findOne(EvaluationCampaign, { workflowId: run.id });
    const campaignId =
      row?.campaignId ?? (campaign ? campaign.id : run.workflowType === CAMPAIGN_WORKFLOW_TYPE ? run.id : null);
    return { processId, references: { campaignId } };
  },
};
