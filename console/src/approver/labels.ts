import { useCallback } from 'react';
import type { Bilingual } from '../shell/i18n';
import { useLocale } from '../shell/i18n';

// Words for the API's codes (process types, task kinds, statuses, outcomes), in both languages.
// The server names kinds and processes in its catalog (services/processes/*/process.ts); a code
// this table does not know yet is shown as it is, so a new process never shows a blank.

export const PROCESS_TYPES: Record<string, Bilingual> = {
  TRAINING_ENROLLMENT: { zh: '培训报名', en: 'Training enrollment' },
  EVALUATION: { zh: '年度评价', en: 'Annual evaluation' },
  PROCUREMENT: { zh: '政府购买服务', en: 'Government service procurement' },
};

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

/** Where a process stands (Process.stage); the three processes' stages. */
export const STAGES: Record<string, Bilingual> = {
  AWAITING_ENDORSEMENT: { zh: '待商会推荐', en: 'Awaiting endorsement' },
  AWAITING_CONFIRMATION: { zh: '待工商联确认', en: 'Awaiting confirmation' },
  ENROLLED: { zh: '已录取', en: 'Enrolled' },
  WAITLISTED: { zh: '候补', en: 'Waitlisted' },
  REJECTED: { zh: '未通过', en: 'Rejected' },
  EXPIRED: { zh: '已过期', en: 'Expired' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
  COMPLETED: { zh: '已完成', en: 'Completed' },
  NOT_COMPLETED: { zh: '未结业', en: 'Not completed' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  TERMINATED: { zh: '已终止', en: 'Terminated' },
  INVITED: { zh: '已邀请参评', en: 'Invited' },
  DECLINED: { zh: '不参评', en: 'Declined' },
  SELF_ASSESSMENT: { zh: '自评', en: 'Self-assessment' },
  EXPERT_REVIEW: { zh: '专家评审', en: 'Expert review' },
  COMMITTEE: { zh: '评估委员会表决', en: 'Committee vote' },
  NOTICE: { zh: '公示', en: 'Public notice' },
  REVIEW: { zh: '复核', en: 'Review of objections' },
  PUBLISHED: { zh: '已公布', en: 'Published' },
  NOT_GRADED: { zh: '未评定等级', en: 'Not graded' },
  BIDDING: { zh: '投标中', en: 'Bidding' },
  SCREENING: { zh: '资格审查', en: 'Screening' },
  SCORING: { zh: '评审打分', en: 'Scoring' },
  AWARD_APPROVAL: { zh: '中标审批', en: 'Award approval' },
  OBJECTION_REVIEW: { zh: '质疑复核', en: 'Objection review' },
  FAILED: { zh: '流标', en: 'Failed' },
  CONTRACTING: { zh: '签订合同', en: 'Contracting' },
  PERFORMING: { zh: '履约中', en: 'Performing' },
  PERFORMANCE_REVIEW: { zh: '履约评价', en: 'Performance review' },
  CLOSED: { zh: '已关闭', en: 'Closed' },
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

/** A code in words: `word(TASK_KINDS, 'SELF_ASSESSMENT')` is 自评 or Self-assessment. */
export function useWords() {
  const { locale } = useLocale();
  return useCallback(
    (table: Record<string, Bilingual>, code: string | null | undefined) => (code ? (table[code]?.[locale] ?? code) : ''),
    [locale],
  );
}
