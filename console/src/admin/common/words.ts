import type { Bilingual } from '../../shell/i18n';

// Words for the codes the runs API answers with; a code without a word is shown as it is.
// Process types and stages are the hub's catalog's (shell/words.ts).

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

export { useCatalogWords, wordFor } from '../../shell/words';
