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

/** What an admin did (run_audit.action). */
export const AUDIT_ACTION_WORDS: Record<string, Bilingual> = {
  CANCEL: { zh: '取消运行', en: 'Cancel the run' },
  TERMINATE: { zh: '终止运行', en: 'Terminate the run' },
  RESET: { zh: '重置运行', en: 'Reset the run' },
  RETRY_ACTIVITY: { zh: '重试活动', en: 'Retry an activity' },
  REASSIGN_TASK: { zh: '改派待办', en: 'Reassign a task' },
  EXTEND_TASK: { zh: '待办延期', en: 'Extend a task' },
  BATCH_CANCEL: { zh: '批量取消', en: 'Cancel in a batch' },
  BATCH_TERMINATE: { zh: '批量终止', en: 'Terminate in a batch' },
  BATCH_REASSIGN: { zh: '批量改派', en: 'Reassign in a batch' },
  CANCEL_BATCH: { zh: '停止批量操作', en: 'Stop a batch' },
  PAUSE_SCHEDULE: { zh: '暂停计划', en: 'Pause a schedule' },
  RESUME_SCHEDULE: { zh: '恢复计划', en: 'Resume a schedule' },
  TRIGGER_SCHEDULE: { zh: '立即触发计划', en: 'Trigger a schedule' },
  BACKFILL_SCHEDULE: { zh: '补跑计划', en: 'Backfill a schedule' },
};

/** How it went (run_audit.outcome). */
export const AUDIT_OUTCOME_WORDS: Record<string, Bilingual> = {
  REQUESTED: { zh: '已请求', en: 'Requested' },
  DONE: { zh: '已完成', en: 'Done' },
  FAILED: { zh: '失败', en: 'Failed' },
};

export { TASK_STATUSES } from '../../shell/task-statuses';
export { useCatalogWords, wordFor } from '../../shell/words';
