import type { Bilingual } from '../shell/i18n';

// Words for the task kit's own codes (task statuses, notification kinds), in both languages.
// The processes' codes (process types, stages, task kinds, outcomes, roles, form fields) take
// the hub catalog's words (shell/words.ts, useCatalogWords).

export { useCatalogWords, useWords } from '../shell/words';

export const TASK_STATUSES: Record<string, Bilingual & { color: string }> = {
  OPEN: { zh: '待处理', en: 'Open', color: 'blue' },
  CLAIMED: { zh: '已认领', en: 'Claimed', color: 'gold' },
  DONE: { zh: '已完成', en: 'Done', color: 'green' },
  EXPIRED: { zh: '已过期', en: 'Expired', color: 'default' },
  CANCELLED: { zh: '已取消', en: 'Cancelled', color: 'default' },
};

export const NOTIFICATION_KINDS: Record<string, Bilingual & { color: string }> = {
  REMINDER: { zh: '提醒', en: 'Reminder', color: 'blue' },
  ESCALATION: { zh: '升级', en: 'Escalation', color: 'red' },
  NOTICE: { zh: '通知', en: 'Notice', color: 'default' },
};
