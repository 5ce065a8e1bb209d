import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import {
  context,
  diag,
  DiagLogLevel,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type HrTime,
  type Span,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { NodeTracerProvider, ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client/index.js';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { TraceSettings } from './config.js';
import { log } from './log.js';

// OpenTelemetry traces (issue 10 §4): one trace per request, across the gateway, the subgraphs,
// the Temporal client, the workflow, its activities and their calls to the registry.
//
// - One tracer provider per process (startTracing, from the entry points), OpenTelemetry JS SDK
//   2.x, exporting over OTLP/HTTP (JSON) when an endpoint is configured and, with TRACE_CONSOLE,
//   each span as a line of the hub's log. Without either nothing is installed: every hook below
//   first asks tracingOn(), a boolean, so the hub pays nothing more when tracing is off.
// - The HTTP front (http.ts) opens a SERVER span per request, continuing the caller's W3C
//   `traceparent`; the gateway's subgraph fetches and the registry client send it on. Apollo
//   Gateway's own spans (gateway.request, .plan, .execute, .fetch) appear under the gateway's.
// - Temporal: the SDK's interceptors (@temporalio/interceptors-opentelemetry) carry the context
//   in Temporal headers: the client's (hubClient, temporal.ts), the worker's activity inbound
//   interceptor and workflow interceptors (tracing-worker.ts, tracing-workflow.ts).
// Only the trace context (traceparent) propagates, not W3C baggage: nothing a caller sends rides
// along into the subgraphs or workflow histories beyond two ids and a flag.

/** Resource attribute service.namespace: every service of the hub. */
const NAMESPACE = 'chamber-hub';
const TRACER = 'chamber-hub';

// OpenTelemetry's semantic conventions (stable HTTP ones; GraphQL's as the convention names them).
const ATTR_SERVICE_NAME = 'service.name';
const ATTR_SERVICE_NAMESPACE = 'service.namespace';
const ATTR_HTTP_REQUEST_METHOD = 'http.request.method';
const ATTR_HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
const ATTR_URL_PATH = 'url.path';
const ATTR_URL_FULL = 'url.full';
const ATTR_ERROR_TYPE = 'error.type';

interface Installed {
  provider: NodeTracerProvider;
  resource: Resource;
  /** The provider's processors, which the worker's workflow span sink feeds too (tracing-worker.ts). */
  processors: SpanProcessor[];
  tracer: Tracer;
  /** The process's name, for the log lines about tracing itself. */
  service: string;
}

let installed: Installed | undefined;

/** True once this process exports spans: the hooks' one test. */
export const tracingOn = (): boolean => installed !== undefined;

/** The installed provider's parts (tracing-worker.ts), or undefined when tracing is off. */
export const installedTracing = (): Readonly<Installed> | undefined => installed;

/**
 * Installs the process's tracer provider when `settings` ask for traces (an OTLP endpoint or
 * TRACE_CONSOLE), before the process's services start. `service` names the process (gateway,
 * registry, processes, worker, or chamber-hub for npm start's single process) unless
 * OTEL_SERVICE_NAME does. Once per process: later calls return the first installation.
 * Returns the flush-and-stop to run at exit (a no-op when tracing is off). The SDK is loaded
 * here, so a process that does not trace never loads it (~0.1 s of start-up).
 */
export async function startTracing(settings: TraceSettings, service: string): Promise<{ shutdown(): Promise<void> }> {
  if (installed) return { shutdown: stopTracing };
  if (!settings.otlpTracesUrl && !settings.console) return { shutdown: async () => undefined };
  const [
    { NodeTracerProvider, BatchSpanProcessor, SimpleSpanProcessor },
    { OTLPTraceExporter },
    { W3CTraceContextPropagator },
    { resourceFromAttributes },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
  ]);
  if (installed) return { shutdown: stopTracing };
  const serviceName = settings.serviceName ?? service;
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName, [ATTR_SERVICE_NAMESPACE]: NAMESPACE });
  routeDiagnostics(service); // first: the provider reports a bad OTEL_TRACES_SAMPLER while it is made
  const processors: SpanProcessor[] = [];
  // Batched: spans leave every 5 s (OTEL_BSP_SCHEDULE_DELAY) or 512 at a time, off the request's path.
  if (settings.otlpTracesUrl)
    processors.push(outsideRequests(new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.otlpTracesUrl }))));
  if (settings.console) processors.push(new SimpleSpanProcessor(logSpanExporter(serviceName)));
  // The sampler is the SDK's default (parent-based, always on), or OTEL_TRACES_SAMPLER's.
  const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  installed = { provider, resource, processors, tracer: trace.getTracer(TRACER), service };
  log.info(
    `traces ${[settings.otlpTracesUrl && `over OTLP to ${settings.otlpTracesUrl}`, settings.console && 'to the log'].filter(Boolean).join(' and ')}`,
    { service },
  );
  return { shutdown: stopTracing };
}

/** Flushes what is buffered and stops exporting (each entry point's stop; idempotent). */
async function stopTracing(): Promise<void> {
  const current = installed;
  installed = undefined;
  if (!current) return;
  try {
    await current.provider.shutdown();
  } catch (error) {
    log.warn(`traces could not be sent at shutdown: ${(error as Error).message}`, { service: current.service });
  }
  trace.disable();
  propagation.disable();
  context.disable();
}

/**
 * A processor whose work (the batch's timer, the export and its errors) runs in the async
 * context of start-up, not in that of the request whose span happened to fill or start a batch:
 * otherwise a failed export's log line would carry that request's id.
 */
function outsideRequests(processor: SpanProcessor): SpanProcessor {
  const startUp = new AsyncResource('chamber-hub.traces');
  return {
    onStart: (span, parent) => processor.onStart(span, parent),
    onEnd: (span) => startUp.runInAsyncScope(() => processor.onEnd(span)),
    forceFlush: () => processor.forceFlush(),
    shutdown: () => processor.shutdown(),
  };
}

/**
 * The SDK reports its own trouble (a collector that does not answer, spans dropped, a bad
 * sampler setting) through its diagnostic logger: to the hub's log as warnings (the service goes
 * on without its traces), each message at most once a minute, so an unreachable collector is a
 * line a minute, not one per batch.
 */
function routeDiagnostics(service: string): void {
  const last = new Map<string, number>();
  const write = (message: string, ...args: unknown[]) => {
    const text = errorText(message);
    const key = text.replace(/\d+/g, '#'); // "Dropped 312 spans ..." is one message, whatever the count
    const now = Date.now();
    if ((last.get(key) ?? 0) > now - 60_000) return;
    last.set(key, now);
    log.warn(`opentelemetry: ${text}`, {
      service,
      detail: args.length ? args.map((a) => (a instanceof Error ? a.message : a)) : undefined,
    });
  };
  const quiet = () => undefined;
  diag.setLogger(
    { error: write, warn: write, info: quiet, debug: quiet, verbose: quiet },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}

/** A failed export arrives as the error serialised to JSON: its message is what a reader needs. */
function errorText(message: string): string {
  if (!message.startsWith('{')) return message;
  try {
    const parsed = JSON.parse(message) as { message?: unknown };
    return typeof parsed.message === 'string' ? `traces could not be sent: ${parsed.message}` : message;
  } catch {
    return message;
  }
}

// ---- HTTP: the server span of each request, and the context sent along ----

const headerGetter = {
  keys: (carrier: IncomingMessage['headers']) => Object.keys(carrier),
  get: (carrier: IncomingMessage['headers'], key: string) => carrier[key],
};

/** A request's SERVER span: `run` serves the request inside it, `end` records the outcome. */
export interface ServerSpan {
  readonly traceId: string;
  run<T>(work: () => T): T;
  end(result: {
    status: number;
    operation?: string;
    operationType?: string;
    outcome: string;
    references?: string[];
  }): void;
}

/**
 * Opens the SERVER span of one request to `service` (undefined when tracing is off), continuing
 * the trace of the caller's `traceparent` when it sent one. Named `POST /graphql` until the
 * GraphQL operation is known, then `mutation DecideTask` (OpenTelemetry's GraphQL convention).
 */
export function startServerSpan(
  service: string,
  req: IncomingMessage,
  path: string,
  requestId: string,
): ServerSpan | undefined {
  if (!installed) return undefined;
  const parent = propagation.extract(context.active(), req.headers, headerGetter);
  const span = installed.tracer.startSpan(
    `${req.method} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: req.method ?? 'GET',
        [ATTR_URL_PATH]: path,
        'hub.service': service,
        'hub.request_id': requestId,
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span);
  return {
    traceId: span.spanContext().traceId,
    run: (work) => context.with(active, work),
    end({ status, operation, operationType, outcome, references }) {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      span.setAttribute('hub.outcome', outcome);
      if (operation) {
        // Operation names come from clients: cut like the log's (the metrics cap their number).
        span.setAttribute('graphql.operation.name', operation.slice(0, 100));
        if (operationType) span.setAttribute('graphql.operation.type', operationType);
        span.updateName(`${operationType ?? 'operation'} ${operation.slice(0, 100)}`);
      }
      if (references) span.setAttribute('hub.error_references', references);
      // A refusal (4xx, a GraphQL error code) is the client's; only the server's own failures mark the span.
      if (status >= 500 || outcome === 'INTERNAL_SERVER_ERROR' || outcome === 'SERVICE_UNAVAILABLE') {
        span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        span.setAttribute(ATTR_ERROR_TYPE, outcome);
      }
      span.end();
    },
  };
}

const headersSetter: TextMapSetter<Headers> = { set: (carrier, key, value) => carrier.set(key, value) };

/** Adds the current span's `traceparent` to an outgoing request's headers (the gateway's subgraph fetch). */
export function injectTraceContext(headers: Headers): void {
  if (installed) propagation.inject(context.active(), headers, headersSetter);
}

/**
 * Runs one HTTP call to another hub service in a CLIENT span named `name`; `call` gets the
 * headers that carry the span's `traceparent` (none without tracing) and answers the response
 * (the registry client: from a resolver or an activity). Without tracing it is `call({})`.
 */
export async function inClientSpan<T extends { status: number }>(
  name: string,
  url: string,
  call: (traceHeaders: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!installed) return call({});
  return installed.tracer.startActiveSpan(
    name,
    { kind: SpanKind.CLIENT, attributes: { [ATTR_HTTP_REQUEST_METHOD]: 'POST', [ATTR_URL_FULL]: url } },
    async (span: Span) => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      try {
        const response = await call(carrier);
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
        return response;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        span.setAttribute(ATTR_ERROR_TYPE, (error as Error).name);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

// ---- Temporal clients ----

/**
 * The Temporal client interceptors of a traced process: the SDK's, which open StartWorkflow,
 * StartWorkflowUpdate, UpdateWithStartWorkflow, SignalWorkflow, QueryWorkflow ... spans and put
 * the context into the call's Temporal headers. None when tracing is off.
 */
export function temporalClientInterceptors(): WorkflowClientInterceptor[] {
  return installed ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
}

// ---- The console log ----

/** TRACE_CONSOLE: one line of the hub's log per finished span (development, not a collector). */
function logSpanExporter(service: string): SpanExporter {
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
      for (const span of spans) {
        const { traceId, spanId } = span.spanContext();
        const parentSpanId = span.parentSpanContext?.spanId;
        const durationMs = Math.round(milliseconds(span.duration) * 10) / 10;
        const error = span.status.code === SpanStatusCode.ERROR ? (span.status.message ?? 'error') : undefined;
        log.info(
          'span',
          {
            service,
            name: span.name,
            kind: SpanKind[span.kind],
            traceId,
            spanId,
            parentSpanId,
            durationMs,
            error,
            attributes: pick(span.attributes),
          },
          `span ${span.name} ${durationMs} ms${error ? ` ERROR ${error}` : ''} (trace ${traceId.slice(0, 12)}, span ${spanId.slice(0, 8)}${parentSpanId ? ` in ${parentSpanId.slice(0, 8)}` : ', root'})`,
        );
      }
      done({ code: 0 }); // ExportResultCode.SUCCESS
    },
    async shutdown() {},
  };
}

const milliseconds = ([seconds, nanos]: HrTime) => seconds * 1_000 + nanos / 1_000_000;

/** Scalars and string lists only, for a log line (the SDK's attributes are nothing else). */
function pick(attributes: Attributes): Record<string, unknown> | undefined {
  const entries = Object.entries(attributes).filter(([, value]) => value !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
