import type { Bilingual } from './i18n';

// Words for the task kit's statuses, in both languages: the approvers' inbox and the admins' run
// page show the same words for the same status.
export const TASK_STATUSES: Record<string, Bilingual & { color: string }> = {
  OPEN: { zh: '待处理', en: 'Open', color: 'blue' },
  CLAIMED: { zh: '已认领', en: 'Claimed', color: 'gold' },
  DONE: { zh: '已完成', en: 'Done', color: 'green' },
  EXPIRED: { zh: '已过期', en: 'Expired', color: 'default' },
  CANCELLED: { zh: '已取消', en: 'Cancelled', color: 'default' },
};
