import type { Bilingual } from '../../shell/i18n';

// Words for the codes the runs API answers with. Stages copy services/processes/runs/timeline.ts
// (STAGE_WORDS), which the timeline uses; a code without a word is shown as it is.

export const RUN_STATUS_WORDS: Record<string, Bilingual> = {
  RUNNING: { zh: '运行中', en: 'Running' },
  COMPLETED: { zh: '已完成', en: 'Completed' },
  FAILED: { zh: '失败', en: 'Failed' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  TERMINATED: { zh: '已终止', en: 'Terminated' },
  CONTINUED_AS_NEW: { zh: '已续作新运行', en: 'Continued as new' },
  TIMED_OUT: { zh: '已超时', en: 'Timed out' },
};

export const RUN_STATUS_COLORS: Record<string, string> = {
  RUNNING: 'processing',
  COMPLETED: 'success',
  FAILED: 'error',
  CANCELLED: 'default',
  TERMINATED: 'warning',
  TIMED_OUT: 'error',
};

export const PROCESS_TYPE_WORDS: Record<string, Bilingual> = {
  TRAINING_ENROLLMENT: { zh: '培训报名', en: 'Training enrollment' },
  EVALUATION: { zh: '年度评价', en: 'Annual evaluation' },
  PROCUREMENT: { zh: '政府购买服务', en: 'Service procurement' },
};

export const STAGE_WORDS: Record<string, Bilingual> = {
  AWAITING_ENDORSEMENT: { zh: '待商会推荐', en: 'awaiting endorsement' },
  AWAITING_CONFIRMATION: { zh: '待工商联确认', en: 'awaiting confirmation' },
  ENROLLED: { zh: '已录取', en: 'enrolled' },
  WAITLISTED: { zh: '候补', en: 'wait-listed' },
  REJECTED: { zh: '未通过', en: 'rejected' },
  EXPIRED: { zh: '逾期失效', en: 'expired' },
  WITHDRAWN: { zh: '已撤回', en: 'withdrawn' },
  COMPLETED: { zh: '已完成', en: 'completed' },
  NOT_COMPLETED: { zh: '未结业', en: 'not completed' },
  ELIGIBILITY: { zh: '资格审查', en: 'eligibility' },
  APPLICATIONS: { zh: '申报评审中', en: 'applications' },
  INVITED: { zh: '待申请参评', en: 'invited' },
  DECLINED: { zh: '放弃参评', en: 'declined' },
  SELF_ASSESSMENT: { zh: '自评', en: 'self-assessment' },
  EXPERT_REVIEW: { zh: '专家评审', en: 'expert review' },
  COMMITTEE: { zh: '评估委员会审议', en: 'committee' },
  NOTICE: { zh: '公示', en: 'public notice' },
  REVIEW: { zh: '异议复核', en: 'objection review' },
  PUBLISHED: { zh: '结果已公布', en: 'published' },
  NOT_GRADED: { zh: '未评定等级', en: 'not graded' },
  BIDDING: { zh: '投标', en: 'bidding' },
  SCREENING: { zh: '资格审查', en: 'screening' },
  SCORING: { zh: '评审打分', en: 'scoring' },
  AWARD_APPROVAL: { zh: '中标审批', en: 'award approval' },
  OBJECTION_REVIEW: { zh: '质疑复核', en: 'objection review' },
  FAILED: { zh: '流标', en: 'failed' },
  CONTRACTING: { zh: '签订合同', en: 'contracting' },
  PERFORMING: { zh: '履约', en: 'performing' },
  PERFORMANCE_REVIEW: { zh: '履约评价', en: 'performance review' },
  TERMINATED: { zh: '已终止', en: 'terminated' },
  CLOSED: { zh: '已结束', en: 'closed' },
  CANCELLED: { zh: '已取消', en: 'cancelled' },
};

/** The stages each process passes through, in order (for filters and overviews). */
export const STAGES_OF: Record<string, string[]> = {
  TRAINING_ENROLLMENT: ['AWAITING_ENDORSEMENT', 'AWAITING_CONFIRMATION', 'ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'],
  EVALUATION: ['ELIGIBILITY', 'APPLICATIONS', 'INVITED', 'DECLINED', 'SELF_ASSESSMENT', 'EXPERT_REVIEW', 'COMMITTEE', 'NOTICE', 'REVIEW', 'PUBLISHED', 'NOT_GRADED', 'CLOSED'],
  PROCUREMENT: ['BIDDING', 'SCREENING', 'SCORING', 'AWARD_APPROVAL', 'NOTICE', 'OBJECTION_REVIEW', 'FAILED', 'CONTRACTING', 'PERFORMING', 'PERFORMANCE_REVIEW', 'COMPLETED', 'TERMINATED', 'CLOSED', 'CANCELLED'],
};

/** A code in words, or the code itself when it has none. */
export function wordFor(table: Record<string, Bilingual>, code: string | null | undefined, locale: 'zh' | 'en'): string {
  if (!code) return '';
  return table[code]?.[locale] ?? code;
}
