import type { Bilingual } from '../../shell/i18n';

// Words for the codes the runs API answers with; a code without a word is shown as it is.
// Process types and stages are the whole console's (shell/words.ts).

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

export { PROCESS_TYPES as PROCESS_TYPE_WORDS, STAGE_WORDS, wordFor } from '../../shell/words';

/** The stages each process passes through, in order (for filters and overviews). */
export const STAGES_OF: Record<string, string[]> = {
  TRAINING_ENROLLMENT: [
    'AWAITING_ENDORSEMENT',
    'AWAITING_CONFIRMATION',
    'ENROLLED',
    'WAITLISTED',
    'REJECTED',
    'EXPIRED',
    'WITHDRAWN',
    'COMPLETED',
    'NOT_COMPLETED',
  ],
  EVALUATION: [
    'ELIGIBILITY',
    'APPLICATIONS',
    'INVITED',
    'DECLINED',
    'SELF_ASSESSMENT',
    'EXPERT_REVIEW',
    'COMMITTEE',
    'NOTICE',
    'REVIEW',
    'PUBLISHED',
    'NOT_GRADED',
    'CLOSED',
  ],
  PROCUREMENT: [
    'BIDDING',
    'SCREENING',
    'SCORING',
    'AWARD_APPROVAL',
    'NOTICE',
    'OBJECTION_REVIEW',
    'FAILED',
    'CONTRACTING',
    'PERFORMING',
    'PERFORMANCE_REVIEW',
    'COMPLETED',
    'TERMINATED',
    'CLOSED',
    'CANCELLED',
  ],
};
