import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { and } from './paging.js';
import { visibilityClauses, workflowIdIn, type ProcessRunFilter } from './filter.js';

// The two conditions visibility cannot answer, turned into WorkflowId IN (...) clauses, bounded:
//
// - waitingLongerThan: runs with an OPEN or CLAIMED task (processes.human_task) created longer ago
//   than the given seconds, the longest waiting first, at most TASK_CANDIDATES of them.
// - inTrouble: ExecutionStatus = 'Failed', or one of
//     - runs with an open task past its due date (human_task again, the most overdue first,
//       at most TASK_CANDIDATES), and
//     - running runs with a pending activity on its second attempt or later. Nothing indexes
//       attempts, so the hub describes running runs that match the rest of the filter: the
//       RUNNING_SCAN newest (one describe() each, DESCRIBE_CONCURRENCY at a time). Local
//       activities (the task kit's and the projections' writes) retry inside the workflow task
//       and never show as pending; a run stuck in one shows as a workflow task that keeps failing.
// The connection says candidatesLimited when a bound was reached.

export const TASK_CANDIDATES = 500;
export const RUNNING_SCAN = 200;
const DESCRIBE_CONCURRENCY = 8;

export interface RunQuery {
  /** The visibility query (undefined: every run). */
  query: string | undefined;
  /** A condition found no candidate at all: nothing matches, Temporal need not be asked. */
  empty: boolean;
  candidatesLimited: boolean;
}

interface Found {
  ids: string[];
  limited: boolean;
}

async function taskRuns(
  em: EntityManager,
  condition: string,
  order: string,
  params: unknown[],
  processType: string | undefined,
): Promise<Found> {
  const rows = await em.getConnection().execute<{ workflow_id: string }[]>(
    `select workflow_id from processes.human_task
      where status in ('OPEN', 'CLAIMED') and ${condition}${processType ? ' and process_type = ?' : ''}
      group by workflow_id order by ${order} limit ${TASK_CANDIDATES + 1}`,
    processType ? [...params, processType] : params,
  );
  return { ids: rows.slice(0, TASK_CANDIDATES).map((r) => r.workflow_id), limited: rows.length > TASK_CANDIDATES };
}

/** Runs with a task waiting for a person longer than `seconds`, longest waiting first. */
export const waitingRuns = (em: EntityManager, seconds: number, processType?: string) =>
  taskRuns(em, 'created_at < now() - make_interval(secs => ?)', 'min(created_at)', [seconds], processType);

/** Runs with an open task past its due date, most overdue first. */
export const overdueRuns = (em: EntityManager, processType?: string) =>
  taskRuns(em, 'due_at < now()', 'min(due_at)', [], processType);

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Running runs matching `query` (the newest RUNNING_SCAN) with a pending activity on attempt 2 or later. */
export async function retryingRuns(temporal: Client, query: string | undefined): Promise<Found> {
  const running: { workflowId: string; runId: string }[] = [];
  // Running runs come newest first in every visibility store (the SQL ones sort open runs by start).
  for await (const info of temporal.workflow.list({
    query: and(query, "ExecutionStatus = 'Running'"),
    pageSize: RUNNING_SCAN + 1,
  })) {
    running.push({ workflowId: info.workflowId, runId: info.runId });
    if (running.length > RUNNING_SCAN) break;
  }
  const scanned = running.slice(0, RUNNING_SCAN);
  const retrying = await mapLimit(scanned, DESCRIBE_CONCURRENCY, async ({ workflowId, runId }) => {
    try {
      const described = await temporal.workflow.getHandle(workflowId, runId).describe();
      return (described.raw.pendingActivities ?? []).some((activity) => (activity.attempt ?? 0) > 1);
    } catch {
      return false; // closed (or gone) since it was listed: not retrying now
    }
  });
  return {
    ids: scanned.filter((_, i) => retrying[i]).map((r) => r.workflowId),
    limited: running.length > RUNNING_SCAN,
  };
}

/** The filter as one visibility query, with the hub's own conditions as bounded id lists. */
export async function runQuery(
  filter: ProcessRunFilter,
  { em, temporal }: { em: EntityManager; temporal: Client },
): Promise<RunQuery> {
  let query = visibilityClauses(filter);
  let limited = false;
  if (filter.waitingLongerThan != null) {
    const waiting = await waitingRuns(em, filter.waitingLongerThan, filter.processType);
    if (!waiting.ids.length) return { query, empty: true, candidatesLimited: false };
    query = and(query, workflowIdIn(waiting.ids));
    limited ||= waiting.limited;
  }
  if (filter.inTrouble === true) {
    const [overdue, retrying] = await Promise.all([overdueRuns(em, filter.processType), retryingRuns(temporal, query)]);
    const ids = [...overdue.ids, ...retrying.ids];
    query = and(
      query,
      ids.length ? `ExecutionStatus = 'Failed' OR ${workflowIdIn(ids)}` : "ExecutionStatus = 'Failed'",
    );
    limited ||= overdue.limited || retrying.limited;
  }
  return { query, empty: false, candidatesLimited: limited };
}
