import type { Bilingual } from '../shell/i18n';

// Words for the task kit's own codes (task statuses, notification kinds), in both languages.
// Task statuses are the shell's: the admins' pages show them too.
// The processes' codes (process types, stages, task kinds, outcomes, roles, form fields) take
// the hub catalog's words (shell/words.ts, useCatalogWords).

export { useCatalogWords, useWords } from '../shell/words';

export { TASK_STATUSES } from '../shell/task-statuses';

export const NOTIFICATION_KINDS: Record<string, Bilingual & { color: string }> = {
  REMINDER: { zh: '提醒', en: 'Reminder', color: 'blue' },
  ESCALATION: { zh: '升级', en: 'Escalation', color: 'red' },
  NOTICE: { zh: '通知', en: 'Notice', color: 'default' },
};
