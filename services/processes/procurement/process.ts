import type { ProcessDefinition } from '../kit/process-definition.js';
import type { ProcessesContext } from '../kit/context.js';
import {
  ACCEPT_MILESTONE_FORM,
  ACCEPT_MILESTONE_TASK_KIND,
  APPROVE_AWARD_FORM,
  APPROVE_AWARD_TASK_KIND,
  DELIVER_MILESTONE_FORM,
  DELIVER_MILESTONE_TASK_KIND,
  FAILED_PROCUREMENT_FORM,
  FAILED_PROCUREMENT_TASK_KIND,
  OBJECTION_BALLOT_FORM,
  OBJECTION_BALLOT_TASK_KIND,
  OVERDUE_MILESTONE_FORM,
  OVERDUE_MILESTONE_TASK_KIND,
  PERFORMANCE_REVIEW_FORM,
  PERFORMANCE_REVIEW_TASK_KIND,
  PROCUREMENT_PROCESS_TYPE,
  PROCUREMENT_WORKFLOW_TYPE,
  SCORE_BID_FORM,
  SCORE_BID_TASK_KIND,
} from '../../../workflows/procurement/types.js';
import { createProcurementActivities } from './activities.js';
import { workflowModule } from '../kit/workflow-bundle.js';
import { runLoaders } from '../runs/loaders.js';
import { Procurement } from './procurement.js';
import { ProcurementBid } from './bid.js';
import { ProcurementPayment } from './payment.js';
import {
  OrganizationContractsResolver,
  ProcurementBidResolver,
  ProcurementContractResolver,
  ProcurementResolver,
} from './resolvers.js';
import { procurementLoaders } from './loaders.js';
import { reportedProcurement } from './report.js';
import { procurementWords } from './words.js';

/** Government service procurement (政府购买服务) in the process catalog. */
export const procurementProcess: ProcessDefinition<ProcessesContext> = {
  processType: PROCUREMENT_PROCESS_TYPE,
  label: { zh: '政府购买服务', en: 'Government service procurement' },
  workflows: {
    [PROCUREMENT_WORKFLOW_TYPE]: workflowModule(new URL('../../../workflows/procurement/workflow.ts', import.meta.url)),
  },
  taskKinds: {
    [SCORE_BID_TASK_KIND]: { label: { zh: '评审打分', en: 'Score a bid' }, form: SCORE_BID_FORM },
    [APPROVE_AWARD_TASK_KIND]: { label: { zh: '审批中标结果', en: 'Approve the award' }, form: APPROVE_AWARD_FORM },
    [OBJECTION_BALLOT_TASK_KIND]: { label: { zh: '复核质疑', en: 'Objection ballot' }, form: OBJECTION_BALLOT_FORM },
    [FAILED_PROCUREMENT_TASK_KIND]: {
      label: { zh: '流标处理', en: 'Failed procurement' },
      form: FAILED_PROCUREMENT_FORM,
    },
    [DELIVER_MILESTONE_TASK_KIND]: {
      label: { zh: '提交阶段成果', en: 'Deliver a milestone' },
      form: DELIVER_MILESTONE_FORM,
    },
    [ACCEPT_MILESTONE_TASK_KIND]: {
      label: { zh: '验收阶段成果', en: 'Accept a milestone' },
      form: ACCEPT_MILESTONE_FORM,
    },
    [OVERDUE_MILESTONE_TASK_KIND]: { label: { zh: '逾期处理', en: 'Overdue milestone' }, form: OVERDUE_MILESTONE_FORM },
    [PERFORMANCE_REVIEW_TASK_KIND]: {
      label: { zh: '履约评价', en: 'Performance review' },
      form: PERFORMANCE_REVIEW_FORM,
    },
  },
  ...procurementWords,
  entities: [Procurement, ProcurementBid, ProcurementPayment],
  resolvers: [ProcurementResolver, ProcurementBidResolver, ProcurementContractResolver, OrganizationContractsResolver],
  activities: (deps) => createProcurementActivities(deps),
  async markEnded(em, workflowId, end, reason) {
    // Past any revision the workflow could still write, so a late projection write cannot undo it.
    await em.execute(
      `update processes.procurement set stage = ?, close_reason = ?, updated_at = now(), revision = revision + 1000000
         where workflow_id = ? and stage not in ('COMPLETED', 'TERMINATED', 'CLOSED', 'CANCELLED')`,
      [end, `管理员${end === 'CANCELLED' ? '取消' : '终止'}：${reason}`, workflowId],
    );
  },
  loadProcess: (ctx, processId) => procurementLoaders(ctx).procurement.load(processId),
  reported: reportedProcurement,
  async subject(run, ctx) {
    const processId = await runLoaders(ctx).processId.load(run.id);
    return { processId, references: { procurementId: processId } };
  },
};
