import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { SerializableSpan } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions.js';
import { readTraceSettings } from './config.js';
import { toReadableSpan } from './tracing-worker.js';

// The traces' settings, the workflow spans' conversion to OpenTelemetry JS 2.x, and the lint
// rule that keeps the tracing interceptors out of workflows/.
// The traces themselves, end to end, are test/tracing.test.ts.

describe('trace settings', () => {
  it('are off unless an OTLP endpoint or TRACE_CONSOLE asks', () => {
    expect(readTraceSettings({})).toEqual({ console: false, otlpTracesUrl: undefined, serviceName: undefined });
    expect(readTraceSettings({ TRACE_CONSOLE: '1' }).console).toBe(true);
    expect(readTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }).otlpTracesUrl).toBe(
      'http://jaeger:4318/v1/traces',
    );
    expect(readTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/base/' }).otlpTracesUrl).toBe(
      'http://collector:4318/base/v1/traces',
    );
    // The signal's own endpoint is taken as it is, and wins.
    expect(
      readTraceSettings({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/traces',
      }).otlpTracesUrl,
    ).toBe('http://b:4318/traces');
    expect(readTraceSettings({ OTEL_SERVICE_NAME: 'hub-gateway-eu' }).serviceName).toBe('hub-gateway-eu');
  });

  it('refuse what the hub cannot do rather than ignore it, and obey OTEL_SDK_DISABLED', () => {
    expect(() =>
      readTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL must be http\/json/);
    expect(
      readTraceSettings({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' })
        .otlpTracesUrl,
    ).toBe('http://a:4318/v1/traces');
    expect(() => readTraceSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => readTraceSettings({ TRACE_CONSOLE: 'loud' })).toThrow(/TRACE_CONSOLE must be true or false/);
    expect(
      readTraceSettings({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', TRACE_CONSOLE: '1' })
        .console,
    ).toBe(false);
    expect(
      readTraceSettings({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' }).otlpTracesUrl,
    ).toBeUndefined();
  });
});

describe('workflow spans', () => {
  it('keep their parent, scope and ids, with the run named and nothing else of its info', () => {
    const serialised: SerializableSpan = {
      name: 'HandleUpdate:decide',
      kind: SpanKind.INTERNAL,
      spanContext: {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        traceFlags: TraceFlags.SAMPLED,
        traceState: 'hub=1',
      },
      parentSpanId: '53995c3f42cd8ad8',
      startTime: [1, 0],
      endTime: [1, 5_000_000],
      duration: [0, 5_000_000],
      status: { code: SpanStatusCode.OK },
      attributes: { temporalUpdateId: 'task-1' },
      links: [],
      events: [],
      ended: true,
      droppedAttributesCount: 0,
      droppedLinksCount: 0,
      droppedEventsCount: 0,
      instrumentationLibrary: { name: '@temporalio/interceptor-workflow' },
    };
    const resource = resourceFromAttributes({ 'service.name': 'worker' });
    const info = {
      workflowId: 'training-enrollment-1',
      runId: 'run-1',
      workflowType: 'trainingEnrollment',
      taskQueue: 'hub',
      memo: { secret: 'x' },
    };
    const span = toReadableSpan(serialised, info, resource);
    expect(span.parentSpanContext).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '53995c3f42cd8ad8',
      traceFlags: TraceFlags.SAMPLED,
    });
    expect(span.spanContext().spanId).toBe('00f067aa0ba902b7');
    expect(span.spanContext().traceState?.get('hub')).toBe('1');
    expect(span.instrumentationScope.name).toBe('@temporalio/interceptor-workflow');
    expect(span.resource).toBe(resource);
    expect(span.attributes).toEqual({
      temporalUpdateId: 'task-1',
      temporalWorkflowId: 'training-enrollment-1',
      run_id: 'run-1',
      temporalWorkflowType: 'trainingEnrollment',
      temporalTaskQueue: 'hub',
    });
    // The run's first span has no parent in the run: its parent (if any) came in the headers.
    expect(
      toReadableSpan({ ...serialised, parentSpanId: undefined }, info, resource).parentSpanContext,
    ).toBeUndefined();
  });
});

describe('the tracing interceptors and workflows/', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const lint = async (file: string, text: string) => {
    const [result] = await new ESLint({ cwd: ROOT }).lintText(text, { filePath: `${ROOT}${file}` });
    return result.messages.map((m) => `${m.line}:${m.ruleId}`);
  };

  it("may not live in workflows/, which refuses OpenTelemetry and the SDK's interceptors", async () => {
    const imports = [
      "import { trace } from '@opentelemetry/api';",
      "import { OpenTelemetryInboundInterceptor } from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';",
      'export const used = [trace, OpenTelemetryInboundInterceptor];',
    ].join('\n');
    expect(await lint('workflows/tracing/lint-fixture.ts', imports)).toEqual([
      '1:@typescript-eslint/no-restricted-imports',
      '2:@typescript-eslint/no-restricted-imports',
    ]);
    expect(
      (await lint('services/common/tracing-workflow.ts', imports)).filter((m) => m.endsWith('no-restricted-imports')),
    ).toEqual([]);
    // Type-aware lint builds a program over the whole project: a minute or more while the
    // browser tests run beside the suite on two cores.
  }, 180_000);
});
