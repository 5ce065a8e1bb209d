import type { Bilingual } from '../shell/i18n';

// Words for the API's codes the approvers' pages show (task kinds, statuses, outcomes), in both
// languages; process types and stages are the whole console's (shell/words.ts). The server names
// kinds and processes in its catalog (services/processes/*/process.ts); a code this table does
// not know yet is shown as it is, so a new process never shows a blank.

export { PROCESS_TYPES, STAGE_WORDS as STAGES, useWords } from '../shell/words';

export const TASK_KINDS: Record<string, Bilingual & { processType: string }> = {
  ENDORSE_ENROLLMENT: { processType: 'TRAINING_ENROLLMENT', zh: '商会推荐', en: 'Chamber endorsement' },
  CONFIRM_ENROLLMENT: { processType: 'TRAINING_ENROLLMENT', zh: '工商联确认', en: 'Federation confirmation' },
  INVITE_TO_EVALUATION: { processType: 'EVALUATION', zh: '申请参评', en: 'Apply or decline' },
  SELF_ASSESSMENT: { processType: 'EVALUATION', zh: '自评', en: 'Self-assessment' },
  EXPERT_REVIEW: { processType: 'EVALUATION', zh: '专家评审', en: 'Expert review' },
  COMMITTEE_VOTE: { processType: 'EVALUATION', zh: '评估委员会表决', en: 'Committee vote' },
  COMMITTEE_QUORUM_MISSED: { processType: 'EVALUATION', zh: '未达法定人数', en: 'Quorum missed' },
  REVIEW_BALLOT: { processType: 'EVALUATION', zh: '复核表决', en: 'Review ballot' },
  SCORE_BID: { processType: 'PROCUREMENT', zh: '评审打分', en: 'Score a bid' },
  APPROVE_AWARD: { processType: 'PROCUREMENT', zh: '审批中标结果', en: 'Approve the award' },
  OBJECTION_BALLOT: { processType: 'PROCUREMENT', zh: '复核质疑', en: 'Objection ballot' },
  FAILED_PROCUREMENT: { processType: 'PROCUREMENT', zh: '流标处理', en: 'Failed procurement' },
  DELIVER_MILESTONE: { processType: 'PROCUREMENT', zh: '提交阶段成果', en: 'Deliver a milestone' },
  ACCEPT_MILESTONE: { processType: 'PROCUREMENT', zh: '验收阶段成果', en: 'Accept a milestone' },
  OVERDUE_MILESTONE: { processType: 'PROCUREMENT', zh: '逾期处理', en: 'Overdue milestone' },
  PERFORMANCE_REVIEW: { processType: 'PROCUREMENT', zh: '履约评价', en: 'Performance review' },
};

export const TASK_STATUSES: Record<string, Bilingual & { color: string }> = {
  OPEN: { zh: '待处理', en: 'Open', color: 'blue' },
  CLAIMED: { zh: '已认领', en: 'Claimed', color: 'gold' },
  DONE: { zh: '已完成', en: 'Done', color: 'green' },
  EXPIRED: { zh: '已过期', en: 'Expired', color: 'default' },
  CANCELLED: { zh: '已取消', en: 'Cancelled', color: 'default' },
};

export const OUTCOMES: Record<string, Bilingual> = {
  APPROVE: { zh: '批准', en: 'Approve' },
  REJECT: { zh: '不批准', en: 'Reject' },
  APPLY: { zh: '申请参评', en: 'Apply' },
  DECLINE: { zh: '不参评', en: 'Decline' },
  SUBMIT: { zh: '提交', en: 'Submit' },
  UPHOLD: { zh: '维持原结果', en: 'Uphold' },
  CHANGE: { zh: '改定', en: 'Change' },
  SUSTAIN: { zh: '质疑成立', en: 'Sustain' },
  REPUBLISH: { zh: '重新公告', en: 'Republish' },
  CLOSE: { zh: '终止采购', en: 'Close' },
  ACCEPT: { zh: '验收通过', en: 'Accept' },
  EXTEND: { zh: '延期', en: 'Extend' },
  TERMINATE: { zh: '终止合同', en: 'Terminate' },
};

export const NOTIFICATION_KINDS: Record<string, Bilingual & { color: string }> = {
  REMINDER: { zh: '提醒', en: 'Reminder', color: 'blue' },
  ESCALATION: { zh: '升级', en: 'Escalation', color: 'red' },
  NOTICE: { zh: '通知', en: 'Notice', color: 'default' },
};

export const ROLES: Record<string, Bilingual> = {
  APPROVER: { zh: '审批人', en: 'Approver' },
  FEDERATION_OFFICER: { zh: '工商联工作人员', en: 'Federation officer' },
  AGENCY_OFFICER: { zh: '采购单位经办人', en: 'Agency officer' },
  AGENCY_HEAD: { zh: '采购单位负责人', en: 'Agency head' },
  ADMIN: { zh: '管理员', en: 'Administrator' },
  INTEGRATOR: { zh: '接入方', en: 'Integrator' },
};

/** English names of form fields (the server labels them in Chinese only). */
export const FIELD_LABELS_EN: Record<string, string> = {
  basicConditions: 'Basic conditions',
  internalGovernance: 'Internal governance',
  workPerformance: 'Work performance',
  socialEvaluation: 'Social evaluation',
  evidence: 'Evidence',
  reason: 'Reason',
  grade: 'Grade',
  technical: 'Technical score',
  opinion: 'Opinion',
  days: 'Bidding days',
  summary: 'Summary',
  score: 'Score',
  comment: 'Comment',
};
