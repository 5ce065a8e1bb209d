import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_STATUSES, HumanTask, TaskStatus } from '../kit/human-task.js';
import type { ProcessCatalog } from '../kit/process-catalog.js';

// After a run was cancelled or terminated the projections must agree with it: its open tasks
// closed and its process marked. Workflows that handle cancellation do this themselves; this
// is the safety net (a terminated run cannot clean up at all), and it is a no-op when done.

export type RunEnd = 'CANCELLED' | 'TERMINATED';

/** Closes the run's open tasks and marks its processes; returns how many tasks it closed. */
export async function settleProjection(
  em: EntityManager,
  workflowId: string,
  end: RunEnd,
  reason: string,
  catalog: ProcessCatalog,
): Promise<number> {
  return em.transactional(async (tx) => {
    const open = await tx.find(HumanTask, { workflowId, status: { $in: ACTIVE_STATUSES } });
    for (const task of open)
      Object.assign(task, {
        status: TaskStatus.CANCELLED,
        comment: `${end === 'CANCELLED' ? '运行已取消' : '运行已终止'}：${reason}`,
        completedAt: new Date(),
      });
    // The run's projection row, whichever process it belongs to (each keys it by workflow id).
    for (const process of catalog.processes) await process.markEnded(tx, workflowId, end, reason);
    return open.length;
  });
}
