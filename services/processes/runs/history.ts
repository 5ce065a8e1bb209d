import type { temporal } from '@temporalio/proto';
import type { LoadedDataConverter } from '@temporalio/common';
import {
  decodeArrayFromPayloads,
  decodeOptionalFailureToOptionalError,
} from '@temporalio/common/lib/internal-non-workflow/index.js';
import { timestampMicros, wholeSeconds } from './paging.js';
import { STAGE } from '../../../workflows/human-task/search-attributes.js';

// A workflow history read into plain events (what timeline.ts puts into words): every payload
// decoded with the hub's data converter, so the encrypted inputs, update arguments, results and
// failure messages are readable (plain payloads pass through the codec, so the saved replay
// histories read the same way).
//
// The task kit's steps (openTask, remindTask, escalateTask, expireTask, completeTask,
// cancelTasks) are local activities: each is a MarkerRecorded event named core_local_activity
// whose `data` payload is JSON of {seq, attempt, activity_id, activity_type, complete_time, ...},
// written by the SDK's core, and its `result`. The TypeScript SDK does not put the arguments into
// the marker: the batched steps (openTasks, remindTasks, expireTasks) answer the ids they
// wrote, and for the per-task ones of older runs which task a marker was about comes from the
// hub's own rows (timeline.ts).

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export type RunEvent = { eventId: number; at: Date } & (
  | { type: 'STARTED'; parentId: string | null; args: unknown[]; stage: string | null }
  | { type: 'LOCAL_ACTIVITY'; activityType: string; attempt: number; failed: string | null; result: unknown }
  | { type: 'UPDATE'; name: string; updateId: string; args: unknown[] }
  | { type: 'UPDATE_FAILED'; updateId: string; message: string }
  | { type: 'SIGNAL'; name: string; args: unknown[] }
  | { type: 'ACTIVITY_COMPLETED'; activityType: string; args: unknown[]; attempt: number }
  | { type: 'ACTIVITY_FAILED'; activityType: string; args: unknown[]; message: string; timedOut: boolean }
  | { type: 'TIMER_STARTED'; timerId: string; durationMs: number }
  | { type: 'TIMER_FIRED'; timerId: string }
  | { type: 'STAGE'; stage: string }
  | { type: 'CHILD_STARTED'; workflowId: string; workflowType: string }
  | {
      type: 'CHILD_CLOSED';
      workflowId: string;
      outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TERMINATED' | 'TIMED_OUT';
      message: string | null;
    }
  | { type: 'WORKFLOW_TASK_FAILED'; message: string; reset: boolean }
  | { type: 'CANCEL_REQUESTED'; reason: string | null }
  | {
      type: 'CLOSED';
      outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TERMINATED' | 'TIMED_OUT' | 'CONTINUED_AS_NEW';
      result: unknown;
      message: string | null;
    }
);

const toDate = (ts: HistoryEvent['eventTime']) => new Date(Number(timestampMicros(ts) / 1000n));
const durationMs = (d: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  d ? Number(wholeSeconds(d.seconds)) * 1000 + Math.floor((d.nanos ?? 0) / 1e6) : 0;

/** Reads a history into RunEvents (only the events the timeline speaks of; the rest are left out). */
export async function readHistory(events: HistoryEvent[], converter: LoadedDataConverter): Promise<RunEvent[]> {
  const values = async (payloads: Payloads): Promise<unknown[]> => {
    try {
      return await decodeArrayFromPayloads(converter, payloads?.payloads ?? []);
    } catch {
      return []; // a payload of a key no longer configured: the event stays, without its words
    }
  };
  const message = async (failure: temporal.api.failure.v1.IFailure | null | undefined): Promise<string> => {
    if (!failure) return '';
    try {
      const error = await decodeOptionalFailureToOptionalError(converter, failure);
      const cause = (error as { cause?: Error } | undefined)?.cause;
      // An activity's or child's failure wraps the cause, which carries the words.
      return cause?.message ? `${error?.message ?? ''}: ${cause.message}`.replace(/^: /, '') : (error?.message ?? '');
    } catch {
      return failure.message ?? '';
    }
  };
  // Search attribute payloads are plain JSON (the server indexes them): a keyword, or a list of one.
  const stageName = async (payload: temporal.api.common.v1.IPayload): Promise<string | null> => {
    const [value] = await values({ payloads: [payload] });
    const name: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
    return typeof name === 'string' ? name : null;
  };
  const scheduled = new Map<string, { activityType: string; args: Payloads }>();
  const out: RunEvent[] = [];
  for (const event of events) {
    const base = { eventId: Number(String(event.eventId ?? 0)), at: toDate(event.eventTime) };
    const started = event.workflowExecutionStartedEventAttributes;
    if (started) {
      const stage = started.searchAttributes?.indexedFields?.[STAGE.name];
      out.push({
        ...base,
        type: 'STARTED',
        parentId: started.parentWorkflowExecution?.workflowId ?? null,
        args: await values(started.input),
        stage: stage ? await stageName(stage) : null,
      });
      continue;
    }
    const marker = event.markerRecordedEventAttributes;
    if (marker) {
      if (marker.markerName !== LOCAL_ACTIVITY_MARKER) continue;
      const [data] = await values(marker.details?.data);
      const { activity_type: activityType, attempt } = (data ?? {}) as { activity_type?: string; attempt?: number };
      if (activityType)
        out.push({
          ...base,
          type: 'LOCAL_ACTIVITY',
          activityType,
          attempt: attempt ?? 1,
          failed: marker.failure ? await message(marker.failure) : null,
          result: marker.failure ? null : ((await values(marker.details?.result))[0] ?? null),
        });
      continue;
    }
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) {
      const input = accepted.acceptedRequest?.input;
      const updateId = accepted.acceptedRequest?.meta?.updateId ?? accepted.protocolInstanceId ?? '';
      out.push({ ...base, type: 'UPDATE', name: input?.name ?? '', updateId, args: await values(input?.args) });
      continue;
    }
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completed) {
      if (completed.outcome?.failure)
        out.push({
          ...base,
          type: 'UPDATE_FAILED',
          updateId: completed.meta?.updateId ?? '',
          message: await message(completed.outcome.failure),
        });
      continue;
    }
    const signaled = event.workflowExecutionSignaledEventAttributes;
    if (signaled) {
      out.push({ ...base, type: 'SIGNAL', name: signaled.signalName ?? '', args: await values(signaled.input) });
      continue;
    }
    const activity = event.activityTaskScheduledEventAttributes;
    if (activity) {
      scheduled.set(String(event.eventId), { activityType: activity.activityType?.name ?? '', args: activity.input });
      continue;
    }
    const activityStarted = event.activityTaskStartedEventAttributes;
    if (activityStarted) {
      const of = scheduled.get(String(activityStarted.scheduledEventId));
      if (of) (of as { attempt?: number }).attempt = activityStarted.attempt ?? 1;
      continue;
    }
    const done = event.activityTaskCompletedEventAttributes;
    if (done) {
      const of = scheduled.get(String(done.scheduledEventId));
      if (of)
        out.push({
          ...base,
          type: 'ACTIVITY_COMPLETED',
          activityType: of.activityType,
          args: await values(of.args),
          attempt: (of as { attempt?: number }).attempt ?? 1,
        });
      continue;
    }
    const failed = event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes;
    if (failed) {
      const of = scheduled.get(String(failed.scheduledEventId));
      if (of) {
        out.push({
          ...base,
          type: 'ACTIVITY_FAILED',
          activityType: of.activityType,
          args: await values(of.args),
          message: await message(failed.failure),
          timedOut: !!event.activityTaskTimedOutEventAttributes,
        });
      }
      continue;
    }
    const timer = event.timerStartedEventAttributes;
    if (timer) {
      out.push({
        ...base,
        type: 'TIMER_STARTED',
        timerId: timer.timerId ?? '',
        durationMs: durationMs(timer.startToFireTimeout),
      });
      continue;
    }
    if (event.timerFiredEventAttributes) {
      out.push({ ...base, type: 'TIMER_FIRED', timerId: event.timerFiredEventAttributes.timerId ?? '' });
      continue;
    }
    const upsert = event.upsertWorkflowSearchAttributesEventAttributes;
    if (upsert) {
      const stage = upsert.searchAttributes?.indexedFields?.[STAGE.name];
      const name = stage ? await stageName(stage) : null;
      if (name) out.push({ ...base, type: 'STAGE', stage: name });
      continue;
    }
    const child = event.childWorkflowExecutionStartedEventAttributes;
    if (child) {
      out.push({
        ...base,
        type: 'CHILD_STARTED',
        workflowId: child.workflowExecution?.workflowId ?? '',
        workflowType: child.workflowType?.name ?? '',
      });
      continue;
    }
    const childEnd =
      event.childWorkflowExecutionCompletedEventAttributes ??
      event.childWorkflowExecutionFailedEventAttributes ??
      event.childWorkflowExecutionCanceledEventAttributes ??
      event.childWorkflowExecutionTerminatedEventAttributes ??
      event.childWorkflowExecutionTimedOutEventAttributes;
    if (childEnd) {
      const outcome = event.childWorkflowExecutionCompletedEventAttributes
        ? 'COMPLETED'
        : event.childWorkflowExecutionFailedEventAttributes
          ? 'FAILED'
          : event.childWorkflowExecutionCanceledEventAttributes
            ? 'CANCELLED'
            : event.childWorkflowExecutionTerminatedEventAttributes
              ? 'TERMINATED'
              : 'TIMED_OUT';
      const failure = event.childWorkflowExecutionFailedEventAttributes?.failure;
      out.push({
        ...base,
        type: 'CHILD_CLOSED',
        workflowId: childEnd.workflowExecution?.workflowId ?? '',
        outcome,
        message: failure ? await message(failure) : null,
      });
      continue;
    }
    const taskFailed = event.workflowTaskFailedEventAttributes;
    if (taskFailed) {
      // 20: WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW, the reset's mark in the new run.
      out.push({
        ...base,
        type: 'WORKFLOW_TASK_FAILED',
        message: await message(taskFailed.failure),
        reset: Number(taskFailed.cause) === 20,
      });
      continue;
    }
    const cancelRequested = event.workflowExecutionCancelRequestedEventAttributes;
    if (cancelRequested) {
      out.push({ ...base, type: 'CANCEL_REQUESTED', reason: cancelRequested.cause || null });
      continue;
    }
    const closed = await closing(event, values, message);
    if (closed) out.push({ ...base, type: 'CLOSED', ...closed });
  }
  return out;
}

async function closing(
  event: HistoryEvent,
  values: (payloads: Payloads) => Promise<unknown[]>,
  message: (failure: temporal.api.failure.v1.IFailure | null | undefined) => Promise<string>,
): Promise<
  | {
      outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TERMINATED' | 'TIMED_OUT' | 'CONTINUED_AS_NEW';
      result: unknown;
      message: string | null;
    }
  | undefined
> {
  if (event.workflowExecutionCompletedEventAttributes) {
    const [result] = await values(event.workflowExecutionCompletedEventAttributes.result);
    return { outcome: 'COMPLETED', result: result ?? null, message: null };
  }
  if (event.workflowExecutionFailedEventAttributes)
    return {
      outcome: 'FAILED',
      result: null,
      message: await message(event.workflowExecutionFailedEventAttributes.failure),
    };
  if (event.workflowExecutionCanceledEventAttributes) return { outcome: 'CANCELLED', result: null, message: null };
  if (event.workflowExecutionTerminatedEventAttributes)
    return {
      outcome: 'TERMINATED',
      result: null,
      message: event.workflowExecutionTerminatedEventAttributes.reason || null,
    };
  if (event.workflowExecutionTimedOutEventAttributes) return { outcome: 'TIMED_OUT', result: null, message: null };
  if (event.workflowExecutionContinuedAsNewEventAttributes)
    return { outcome: 'CONTINUED_AS_NEW', result: null, message: null };
  return undefined;
}
