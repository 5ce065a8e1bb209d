import type { ProcessDefinition } from '../process-definition.js';
import {
  CAMPAIGN_WORKFLOW_TYPE,
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

/** The annual evaluation (年度评价) in the process catalog. */
export const evaluationProcess: ProcessDefinition = {
  processType: EVALUATION_PROCESS_TYPE,
  workflowType: CAMPAIGN_WORKFLOW_TYPE,
  label: { zh: '年度评价', en: 'Annual evaluation' },
  taskKinds: {
    [INVITE_TASK_KIND]: { label: { zh: '申请参评', en: 'Apply or decline' }, form: INVITE_FORM },
    [SELF_ASSESSMENT_TASK_KIND]: { label: { zh: '自评', en: 'Self-assessment' }, form: SELF_ASSESSMENT_FORM },
    [EXPERT_REVIEW_TASK_KIND]: { label: { zh: '专家评审', en: 'Expert review' }, form: EXPERT_REVIEW_FORM },
    [COMMITTEE_VOTE_TASK_KIND]: { label: { zh: '评估委员会表决', en: 'Committee vote' }, form: COMMITTEE_VOTE_FORM },
    [QUORUM_ESCALATION_TASK_KIND]: { label: { zh: '未达法定人数', en: 'Quorum missed' }, form: QUORUM_FORM },
    [REVIEW_BALLOT_TASK_KIND]: { label: { zh: '复核表决', en: 'Review ballot' }, form: REVIEW_BALLOT_FORM },
  },
  activities: (deps) => createEvaluationActivities(deps),
  async markEnded(em, workflowId, end) {
    await em.execute(
      `update processes.evaluation_application set status = ?, updated_at = now() where workflow_id = ?
         and status not in ('DECLINED', 'PUBLISHED', 'NOT_GRADED', 'CANCELLED', 'TERMINATED')`,
      [end, workflowId],
    );
    await em.execute("update processes.evaluation_campaign set stage = ? where workflow_id = ? and stage <> 'CLOSED'", [
      end,
      workflowId,
    ]);
  },
  loadProcess: ({ loaders }, processId) => loaders.evaluationApplication.load(processId),
};
