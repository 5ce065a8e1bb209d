import { createTraceState, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker/index.js';
import type {
  OpenTelemetrySinks,
  SerializableSpan,
} from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions.js';
import type { WorkflowInfo } from '@temporalio/workflow';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { installedTracing, tracingOn } from './tracing.js';

// The worker's side of the traces (services/common/tracing.ts has the rest):
// - activities: the SDK's inbound interceptor opens RunActivity:<type> under the context the
//   workflow put into the activity's headers, so the activity's registry calls join that trace;
//   its outbound interceptor adds trace_id / span_id to the activity's log lines;
// - workflows: the interceptors run inside the workflow sandbox (tracing-workflow.ts, in the
//   bundle) and hand their finished spans to the `exporter` sink, which this worker turns into
//   spans of its own provider.
//
// The SDK's makeWorkflowExporter is not used: @temporalio/interceptors-opentelemetry 1.24 builds
// spans of OpenTelemetry JS 1.x (parentSpanId, instrumentationLibrary), the hub's exporters are
// 2.x (parentSpanContext, instrumentationScope), so a 2.x exporter would lose every workflow
// span's parent; and it copies the whole WorkflowInfo into each span's attributes (memo and
// search attributes included), where the hub keeps ids only.

/** The activity interceptors of a traced worker (none when tracing is off). */
export function activityTracingInterceptors(): ActivityInterceptorsFactory[] {
  if (!tracingOn()) return [];
  return [
    (ctx) => ({
      inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
      outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
    }),
  ];
}

/**
 * The sink the workflow interceptors export through. Registered on every worker, traced or not:
 * a run whose client traced it sends spans even to a worker that does not trace (they are
 * dropped here then), and an unregistered sink would be an error line per workflow task.
 * Not called on replay (the SDK's default), so a replayed history exports nothing twice.
 */
export function workflowSpanSinks(): InjectedSinks<OpenTelemetrySinks> {
  return {
    exporter: {
      export: {
        fn: (info, spans) => {
          const tracing = installedTracing();
          if (!tracing) return;
          for (const span of spans) {
            const readable = toReadableSpan(span, info, tracing.resource);
            for (const processor of tracing.processors) processor.onEnd(readable);
          }
        },
      },
    },
  };
}

/** A span serialised by the workflow sandbox (OpenTelemetry JS 1.x shape) as a 2.x ReadableSpan. */
export function toReadableSpan(
  span: SerializableSpan,
  info: Pick<WorkflowInfo, 'workflowId' | 'runId' | 'workflowType' | 'taskQueue'>,
  resource: ReadableSpan['resource'],
): ReadableSpan {
  const { traceState, ...ids } = span.spanContext;
  const spanContext: SpanContext = { ...ids, ...(traceState ? { traceState: createTraceState(traceState) } : {}) };
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => spanContext,
    // The parent is in the same trace: a span of this run, or the caller's (the client's
    // StartWorkflowUpdate, the parent workflow's StartChildWorkflow) passed in the headers.
    parentSpanContext: span.parentSpanId
      ? { traceId: spanContext.traceId, spanId: span.parentSpanId, traceFlags: spanContext.traceFlags }
      : undefined,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    // The SDK's attribute names (its activity spans carry the same two).
    attributes: {
      ...span.attributes,
      temporalWorkflowId: info.workflowId,
      run_id: info.runId,
      temporalWorkflowType: info.workflowType,
      temporalTaskQueue: info.taskQueue,
    },
    links: span.links,
    events: span.events,
    duration: span.duration,
    ended: span.ended,
    resource,
    instrumentationScope: span.instrumentationLibrary,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}
