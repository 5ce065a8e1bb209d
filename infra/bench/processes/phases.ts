import type { Client } from '@temporalio/client';
import proto, { type temporal as Proto } from '@temporalio/proto';
import { createProcessesOrm } from '../../../services/processes/orm.js';
import { createTaskLoaders } from '../../../services/processes/kit/task-loaders.js';
import { CATALOG } from '../../../services/processes/catalog.js';
import type { HumanTask } from '../../../services/processes/kit/human-task.js';
import type { Identity } from '../../../services/common/identity.js';
import { percentile } from '../load.js';

// Where decideTask's time goes, measured from outside (services/ is not touched): the resolver's
// one database step (the task's row) runs again here with the same ORM and loaders, and the
// `decide` update's work inside the workflow is read off the event times in each run's history.
// The process in the answer is the workflow's report: no read (the task row is not read again).

const { temporal } = proto;
const EventType = temporal.api.enums.v1.EventType;
type Event = Proto.api.history.v1.IHistoryEvent;
const at = (e: Event) => Number(e.eventTime!.seconds) * 1000 + (e.eventTime!.nanos ?? 0) / 1e6;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Median ms of decide.ts's database step, on tasks already decided (the rows are warm). */
export async function databasePhases(databaseUrl: string, identity: Identity, taskIds: string[]) {
  const orm = await createProcessesOrm(CATALOG, databaseUrl);
  const times: number[] = [];
  try {
    for (const id of taskIds) {
      const t = performance.now();
      const em = orm.em.fork(); // one per request, as processesContext does
      (await createTaskLoaders(em, identity).task.load(id)) as HumanTask; // visibleTask
      times.push(performance.now() - t);
    }
  } finally {
    await orm.close();
  }
  return { load: median(times) };
}

export interface UpdateAnatomy {
  /** Server time from the update's acceptance to its completion (median ms). */
  acceptedToCompleted: number;
  /** Activities the workflow ran before answering, by name: median ms waiting for a worker (scheduled → started) and running (started → completed). */
  activities: { name: string; dispatch: number; run: number }[];
  /** Median ms between one step's end and the next activity's scheduling: workflow tasks. */
  workflowTaskGap: number;
  workflowTasks: number;
}

/** Reads the decide update's span out of each run's history (event times, millisecond resolution). */
export async function updateAnatomy(
  client: Client,
  runs: { workflowId: string; updateId: string }[],
): Promise<UpdateAnatomy> {
  const spans: number[] = [];
  const byActivity = new Map<string, { dispatch: number[]; run: number[] }>();
  const gaps: number[] = [];
  let workflowTasks = 0;
  for (const run of runs) {
    const events = (await client.workflow.getHandle(run.workflowId).fetchHistory()).events ?? [];
    const start = events.findIndex(
      (e) =>
        e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED &&
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === run.updateId,
    );
    const end = events.findIndex(
      (e, i) => i > start && e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
    );
    if (start < 0 || end < 0) continue;
    spans.push(at(events[end]!) - at(events[start]!));
    const scheduled = new Map<number, Event>();
    const started = new Map<number, Event>();
    let stepEnd = at(events[start]!);
    let tasks = 0;
    for (const e of events.slice(start, end + 1)) {
      if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) tasks += 1;
      if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        scheduled.set(Number(e.eventId), e);
        gaps.push(at(e) - stepEnd);
      }
      if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        started.set(Number(e.activityTaskStartedEventAttributes!.scheduledEventId), e);
      if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        const id = Number(e.activityTaskCompletedEventAttributes!.scheduledEventId);
        const [s, st] = [scheduled.get(id)!, started.get(id)!];
        const name = s.activityTaskScheduledEventAttributes!.activityType!.name!;
        const times = byActivity.get(name) ?? { dispatch: [], run: [] };
        times.dispatch.push(at(st) - at(s));
        times.run.push(at(e) - at(st));
        byActivity.set(name, times);
        stepEnd = at(e);
      }
    }
    workflowTasks = Math.max(workflowTasks, tasks);
  }
  return {
    acceptedToCompleted: median(spans),
    activities: [...byActivity].map(([name, t]) => ({ name, dispatch: median(t.dispatch), run: median(t.run) })),
    workflowTaskGap: median(gaps),
    workflowTasks,
  };
}
