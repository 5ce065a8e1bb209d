import type { Client } from '@temporalio/client';
import proto, { type temporal as Proto } from '@temporalio/proto';
import { percentile } from '../load.js';

// Closing as the histories saw it: every workflow task of each procurement from closing on, how
// long it ran on the worker (started → completed, which holds the local activities it waited for)
// and how long it queued first (scheduled → started), with the local activities (markers) and
// activities each procurement's closing took. Issue 25's "no workflow task over 1 s" is read here.

const EventType = proto.temporal.api.enums.v1.EventType;
type Event = Proto.api.history.v1.IHistoryEvent;
const at = (e: Event) => Number(e.eventTime!.seconds) * 1000 + (e.eventTime!.nanos ?? 0) / 1e6;

export interface WorkflowTaskCensus {
  /** Per procurement, from closing to SCORING: workflow tasks, local activities, activities (medians). */
  perProcurement: { workflowTasks: number; localActivities: number; activities: number };
  /** Every workflow task from closing on, ms: run on the worker and queued before it, p50 / p99 / max. */
  run: { p50: number; p99: number; max: number };
  queued: { p50: number; p99: number; max: number };
  /** Workflow tasks that ran over 1 s, and those that failed or timed out. */
  overOneSecond: number;
  failedOrTimedOut: number;
}

const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

/** Reads each run's history (the procurements still run: SCORING waits for the committee). */
export async function censusAfterClosing(
  client: Client,
  workflowIds: string[],
  closesAt: Date,
): Promise<WorkflowTaskCensus> {
  const from = closesAt.getTime() - 1000; // the closing timer's own event carries the server's clock
  const run: number[] = [];
  const queued: number[] = [];
  const counts = { workflowTasks: [] as number[], localActivities: [] as number[], activities: [] as number[] };
  let failedOrTimedOut = 0;
  for (const id of workflowIds) {
    const events = ((await client.workflow.getHandle(id).fetchHistory()).events ?? []).filter((e) => at(e) >= from);
    const byId = new Map(events.map((e) => [Number(e.eventId), e]));
    let [workflowTasks, localActivities, activities] = [0, 0, 0];
    for (const e of events) {
      if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        const started = byId.get(Number(e.workflowTaskCompletedEventAttributes!.startedEventId));
        if (!started) continue;
        const scheduled = byId.get(Number(started.workflowTaskStartedEventAttributes!.scheduledEventId));
        workflowTasks += 1;
        run.push(at(e) - at(started));
        if (scheduled) queued.push(at(started) - at(scheduled));
      } else if (e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED) localActivities += 1;
      else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) activities += 1;
      else if (
        e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED ||
        e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT
      )
        failedOrTimedOut += 1;
    }
    counts.workflowTasks.push(workflowTasks);
    counts.localActivities.push(localActivities);
    counts.activities.push(activities);
  }
  const median = (values: number[]) => spread(values).p50;
  return {
    perProcurement: {
      workflowTasks: median(counts.workflowTasks),
      localActivities: median(counts.localActivities),
      activities: median(counts.activities),
    },
    run: spread(run),
    queued: spread(queued),
    overOneSecond: run.filter((ms) => ms > 1000).length,
    failedOrTimedOut,
  };
}
