import { context, trace, type Context, type Span } from '@opentelemetry/api';
import { getRandomStream, type WorkflowRandomStream } from '@temporalio/workflow';
import type {
  Headers,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation.js';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';

// The workflow interceptors of the traces (issue 10 §4), a module of the workflow bundle
// (services/processes/worker.ts WORKFLOW_INTERCEPTOR_MODULES). It runs in the workflow sandbox
// but lives here, not in workflows/: it needs the SDK's OpenTelemetry interceptors and
// @opentelemetry/api, and workflows/ imports nothing but @temporalio/workflow. They are the Temporal SDK's
// OpenTelemetry interceptors with two rules around them:
//
// 1. Only what a traced client sent is traced. A start, update, signal or query carries the
//    caller's context in the `_tracer-data` header when the caller traces (tracing.ts); without
//    it the SDK's interceptor is not even made, so a hub without tracing, the time-skipping
//    tests' workers and schedules' runs pay one header lookup per call and export nothing.
// 2. What the workflow does after a message belongs to that message's trace. The hub's
//    decisions are updates whose handler only records the decision; the workflow's main
//    function then acts on it (completes the task, moves the stage, draws reviewers, writes
//    back ...). Under the SDK's interceptors those activities would be children of the run's
//    first span, in the trace of whoever started the run months ago. Here an activity, local
//    activity, child workflow, signal or continue-as-new issued from the main function (not
//    from inside a handler, whose own span stays its parent) is put under the latest traced
//    message, so one decision is one trace: gateway, processes, the update, its activities and
//    their calls to the registry. A timer firing later (a reminder, an escalation) is still
//    counted to the last message before it.
//
// Determinism: spans never become commands. The choice of parent only changes the context in
// the activities' headers, and whether a call is traced depends on headers recorded in the
// history, so a replay takes the same paths (the SDK flags its own yield points). One thing the
// SDK's interceptors (1.24, OpenTelemetry JS 1.x inside) get wrong: their span ids come from
// Math.random, the workflow's own deterministic stream, and a validator's or query's span is
// made on the first run but not on replay (validators and queries are not replayed), so every
// uuid4() after it differed on replay: a decided task's id no longer matched (found by the
// replay in test/tracing.test.ts). Here the SDK's code runs with Math.random routed to a named
// stream of its own (getRandomStream), so tracing never moves the workflow's random numbers.

type Forwarded =
  'scheduleActivity' | 'scheduleLocalActivity' | 'startChildWorkflowExecution' | 'signalWorkflow' | 'continueAsNew';

/** The random stream of the tracing code: span ids, never the workflow's Math.random or uuid4. */
const ID_STREAM = 'chamber-hub/tracing-span-ids';

export const interceptors = (): WorkflowInterceptors => {
  let sdk: { inbound: OpenTelemetryInboundInterceptor; outbound: OpenTelemetryOutboundInterceptor } | undefined;
  let ids: WorkflowRandomStream | undefined;
  // Made on the first traced call only: it sets up the SDK's tracer provider in the sandbox.
  const otel = () =>
    (sdk ??= { inbound: new OpenTelemetryInboundInterceptor(), outbound: new OpenTelemetryOutboundInterceptor() });
  /** Runs SDK code with Math.random on the tracing stream; its `next` continues on the workflow's own. */
  const isolated = <T>(work: () => T): T => (ids ??= getRandomStream(ID_STREAM)).with(work);
  /** The span of the traced run's main function (RunWorkflow:<type>), when the start was traced. */
  let runSpan: Span | undefined;
  /** The context of the latest traced start, update or signal: what follows is done for it. */
  let cause: Context | undefined;

  const traced = (headers: Headers) => headers[TRACE_HEADER] !== undefined;
  /** Wraps a handler's `next` so that, inside the SDK's span, the message becomes the cause. */
  const remember =
    <I, R>(next: (input: I) => R) =>
    (input: I): R => {
      if (trace.getSpan(context.active())) cause = context.active();
      return next(input);
    };

  const inbound: WorkflowInboundCallsInterceptor = {
    execute: (input, next) => {
      if (!traced(input.headers)) return next(input);
      return isolated(() =>
        otel().inbound.execute(input, (i) => {
          runSpan = trace.getSpan(context.active());
          if (runSpan) cause = context.active();
          return next(i);
        }),
      );
    },
    handleUpdate: (input, next) =>
      traced(input.headers) ? isolated(() => otel().inbound.handleUpdate(input, remember(next))) : next(input),
    // A validator refuses or lets through; refused updates cause nothing, so it is no cause.
    validateUpdate: (input, next) =>
      traced(input.headers) ? isolated(() => otel().inbound.validateUpdate(input, next)) : next(input),
    handleSignal: (input, next) =>
      traced(input.headers) ? isolated(() => otel().inbound.handleSignal(input, remember(next))) : next(input),
    handleQuery: (input, next) =>
      traced(input.headers) ? isolated(() => otel().inbound.handleQuery(input, next)) : next(input),
  };

  /**
   * The SDK's outbound interceptor under the right parent: the current span when inside a
   * traced handler, else (the main function) the latest cause; untraced when there is none.
   */
  function underCause<K extends Forwarded>(method: K): NonNullable<WorkflowOutboundCallsInterceptor[K]> {
    const wrapped = (input: unknown, next: (input: unknown) => unknown) => {
      const active = trace.getSpan(context.active());
      const parent = active && active !== runSpan ? context.active() : cause;
      if (!parent) return next(input);
      const sdkOutbound = otel().outbound as unknown as Record<
        K,
        (input: unknown, next: (input: unknown) => unknown) => unknown
      >;
      return isolated(() => context.with(parent, () => sdkOutbound[method](input, next)));
    };
    return wrapped as unknown as NonNullable<WorkflowOutboundCallsInterceptor[K]>;
  }

  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: underCause('scheduleActivity'),
    scheduleLocalActivity: underCause('scheduleLocalActivity'),
    startChildWorkflowExecution: underCause('startChildWorkflowExecution'),
    signalWorkflow: underCause('signalWorkflow'),
    continueAsNew: underCause('continueAsNew'),
    // trace_id and span_id on the workflow's log lines, once the run has been traced.
    getLogAttributes: (input, next) => (sdk ? sdk.outbound.getLogAttributes(input, next) : next(input)),
  };

  return { inbound: [inbound], outbound: [outbound], internals: [new OpenTelemetryInternalsInterceptor()] };
};
