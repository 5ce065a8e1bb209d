import { clip, type StepWords, type Words } from '../kit/words.js';
import { type TimelineEntry, type TimelineFacts } from './timeline-facts.js';
import type { RunEvent } from './history.js';
import type { Admin } from './timeline-kit.js';

// Temporal's own steps of a run (children, resets, cancellation, its end) and the admins'
// operations that leave no event of the run's own, in words.

const CHILD_OUTCOMES: Record<string, Words> = {
  COMPLETED: { zh: '完成', en: 'completed' },
  FAILED: { zh: '失败', en: 'failed' },
  CANCELLED: { zh: '取消', en: 'cancelled' },
  TERMINATED: { zh: '终止', en: 'terminated' },
  TIMED_OUT: { zh: '超时', en: 'timed out' },
};

/** Temporal's own steps of a run: children, resets, cancellation, its end. */
export function runStep(event: RunEvent, admin: Admin): { step: StepWords; actor: string | null } | undefined {
  const step = (kind: string, zh: string, en: string, actor: string | null = null) => ({
    step: { kind, zh, en },
    actor,
  });
  switch (event.type) {
    case 'CHILD_STARTED':
      return step('CHILD_STARTED', `启动子流程 ${event.workflowId}`, `Child run started: ${event.workflowId}`);
    case 'CHILD_CLOSED': {
      const o = CHILD_OUTCOMES[event.outcome]!;
      return step('CHILD_CLOSED', `子流程 ${event.workflowId} ${o.zh}`, `Child run ${event.workflowId} ${o.en}`);
    }
    case 'WORKFLOW_TASK_FAILED':
      return event.reset
        ? step(
            'RESET',
            `运行被重置：${clip(event.message)}`,
            `Run reset: ${clip(event.message)}`,
            admin('RESET', event.at)?.actor ?? null,
          )
        : step(
            'WORKFLOW_TASK_FAILED',
            `工作流代码出错：${clip(event.message)}`,
            `Workflow task failed: ${clip(event.message)}`,
          );
    case 'CANCEL_REQUESTED': {
      const by = admin('CANCEL', event.at);
      const reason = by?.reason ?? event.reason;
      return step(
        'CANCEL_REQUESTED',
        `请求取消${reason ? `：${clip(reason)}` : ''}`,
        `Cancellation requested${reason ? `: ${clip(reason)}` : ''}`,
        by?.actor ?? null,
      );
    }
    case 'CLOSED': {
      const reason = event.message ? clip(event.message) : '';
      if (event.outcome === 'COMPLETED') return step('COMPLETED', '流程完成', 'Run completed');
      if (event.outcome === 'FAILED') return step('FAILED', `流程失败：${reason}`, `Run failed: ${reason}`);
      if (event.outcome === 'CANCELLED') return step('CANCELLED', '流程已取消', 'Run cancelled');
      if (event.outcome === 'TERMINATED')
        return step(
          'TERMINATED',
          `流程被终止${reason ? `：${reason}` : ''}`,
          `Run terminated${reason ? `: ${reason}` : ''}`,
          admin('TERMINATE', event.at)?.actor ?? null,
        );
      if (event.outcome === 'TIMED_OUT') return step('TIMED_OUT', '流程超时', 'Run timed out');
      return step('CONTINUED_AS_NEW', '以新的运行继续', 'Continued as a new run');
    }
    default:
      return undefined;
  }
}

/**
 * Operations that change the hub's rows or Temporal's bookkeeping but write no event of the
 * run's own: from the audit, at their time.
 */
export function auditSteps(facts: TimelineFacts, kindOf: (taskId: string) => Words): TimelineEntry[] {
  return facts.audit.flatMap((entry): TimelineEntry[] => {
    if (entry.outcome === 'FAILED') return [];
    const reason = entry.reason ? clip(entry.reason) : '';
    const common = { at: entry.at, actor: entry.actor, eventId: null };
    if (entry.action === 'REASSIGN_TASK') {
      const k = kindOf(entry.target);
      return [
        {
          ...common,
          kind: 'TASK_REASSIGNED',
          zh: `「${k.zh}」改派他人办理：${reason}`,
          en: `${k.en} reassigned: ${reason}`,
          taskId: entry.target,
        },
      ];
    }
    if (entry.action === 'RETRY_ACTIVITY') {
      return [
        {
          ...common,
          kind: 'RETRY_REQUESTED',
          zh: `要求立即重试失败的步骤：${reason}`,
          en: `Retry now requested: ${reason}`,
          taskId: null,
        },
      ];
    }
    return [];
  });
}
