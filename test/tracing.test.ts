import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { orgId, temporalClient, token } from './support/hub.js';
import { Cleanup, hubEnv, seededDatabase, startParts } from './support/processes.js';
import { until } from './support/until.js';
import { sharedBundle, testDataConverter } from './support/time-skipping.js';
import { workflowSpanSinks } from '../services/common/tracing-worker.js';
import { quietTemporalLogs, workflowsPath } from '../services/processes/worker.js';
import { FAILURE_CONVERTER_PATH } from '../services/common/temporal.js';

// One decision is one trace (issue 10 §4), read back from an in-memory OTLP receiver. The hub's
// parts run as child processes (registry, processes, worker, gateway: test/support/processes.ts),
// each configured only as production would be, OTEL_EXPORTER_OTLP_ENDPOINT pointing at this
// test's receiver, which keeps every span the four processes export (OTLP/HTTP, JSON).
//
// The decision is an annual evaluation's self-assessment: the chamber's approver submits it
// through the gateway; the processes subgraph sends the `decide` update to the run; the workflow
// completes the task, records the stage and draws the expert reviewers, an activity that reads
// the expert pool from the registry's GraphQL API. Its trace must hold every hop, each span the
// child of the one before: gateway → processes → Temporal client → workflow update → activity →
// registry, in four services, and nothing of the run's start or of the earlier decision.

interface OtlpSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP receiver (JSON bodies) keeping every span it is sent, flattened with its service. */
async function startReceiver(cleanup: Cleanup) {
  const spans: OtlpSpan[] = [];
  const value = (v: Record<string, unknown>): unknown =>
    v.stringValue ??
    v.intValue ??
    v.boolValue ??
    v.doubleValue ??
    (v.arrayValue as { values?: Record<string, unknown>[] } | undefined)?.values?.map(value);
  const attributes = (list: { key: string; value: Record<string, unknown> }[] = []) =>
    Object.fromEntries(list.map((a) => [a.key, value(a.value)]));
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.url !== '/v1/traces' || !String(req.headers['content-type']).startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
        const service = String(attributes(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const s of scope.spans ?? []) {
            spans.push({
              service,
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId || undefined,
              name: s.name,
              kind: s.kind,
              attributes: attributes(s.attributes),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanup.add('OTLP receiver', () => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, spans };
}

const cleanup = new Cleanup();
let received: OtlpSpan[];
let gatewayUrl: string;

beforeAll(async () => {
  const receiver = await startReceiver(cleanup);
  received = receiver.spans;
  const database = await seededDatabase('tracing');
  cleanup.add('database', () => database.stop());
  const env = await hubEnv({
    DATABASE_URL: database.url,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_BSP_SCHEDULE_DELAY: '100', // spans leave within 0.1 s instead of 5 s
  });
  await startParts(['registry', 'processes', 'worker', 'gateway'], env, cleanup);
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
}, 180_000);
afterAll(() => cleanup.run());

/** A GraphQL request through the test's hub with a request id of our choosing (it names the trace). */
async function gql(query: string, variables: Record<string, unknown>, as: string, requestId?: string) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${as}`,
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

const wenzhou = orgId('wenzhou');
const DECIDE =
  'mutation TraceDecide($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status } } }';
const openTask = (as: string, kind: string) =>
  until(
    async () =>
      (
        await gql(
          `{ myTasks(kind: "${kind}", status: OPEN, first: 50) { edges { node { id organization { id } } } } }`,
          {},
          as,
        )
      ).data?.myTasks.edges
        .map((e: any) => e.node)
        .filter((t: any) => t.organization.id === wenzhou) ?? [],
    (tasks: any[]) => tasks.length > 0,
    `an open ${kind} task`,
    { tries: 300, everyMs: 200 },
  ).then((tasks: any[]) => tasks[0] as { id: string });

/** The span of `trace` answering `predicate`, once exported. */
const span = (trace: OtlpSpan[], predicate: (s: OtlpSpan) => boolean) => trace.find(predicate);
const traceOf = (traceId: string) => received.filter((s) => s.traceId === traceId);
/** The chain of parents from `leaf` up to the trace's root, as "service name" lines. */
function ancestry(trace: OtlpSpan[], leaf: OtlpSpan): OtlpSpan[] {
  const chain = [leaf];
  for (let s: OtlpSpan | undefined = leaf; s?.parentSpanId;) {
    s = trace.find((p) => p.spanId === s!.parentSpanId);
    if (s) chain.push(s);
  }
  return chain.reverse();
}

describe('traces', () => {
  it(
    'follow one decision from the gateway through the workflow and its activity to the registry, in one trace',
    { timeout: 180_000 },
    async () => {
      const admin = await token(['ADMIN']);
      const started = await gql('mutation { startEvaluationCampaign(year: 2020, track: FOUR_GOOD) { id } }', {}, admin);
      expect(started.errors).toBeUndefined();
      const approver = await token(['APPROVER'], [wenzhou], 'secretary-wenzhou');
      const invite = await openTask(approver, 'INVITE_TO_EVALUATION');
      expect(
        (await gql(DECIDE, { id: invite.id, input: { outcome: 'APPLY' } }, approver, `trace-apply-${invite.id}`))
          .errors,
      ).toBeUndefined();
      const self = await openTask(approver, 'SELF_ASSESSMENT');
      const requestId = `trace-decide-${self.id}`;
      const values = {
        basicConditions: 140,
        internalGovernance: 280,
        workPerformance: 370,
        socialEvaluation: 130,
        evidence: '章程、财务报告',
      };
      expect(
        (await gql(DECIDE, { id: self.id, input: { outcome: 'SUBMIT', values } }, approver, requestId)).errors,
      ).toBeUndefined();

      // The gateway's span of that request names the trace; the registry's answer to the reviewer
      // draw is its last hop (exported a moment after the decision's answer).
      const root = await until(
        async () => received.find((s) => s.service === 'gateway' && s.attributes['hub.request_id'] === requestId),
        Boolean,
        "the gateway's span of the decision",
      );
      // (A span is exported when it ends: the workflow's StartActivity when the activity has answered.)
      const registryRead = await until(
        async () =>
          span(
            traceOf(root!.traceId),
            (s) =>
              s.service === 'registry' &&
              s.kind === 2 &&
              ancestry(traceOf(root!.traceId), s).some((a) => a.name === 'RunActivity:drawReviewers') &&
              ancestry(traceOf(root!.traceId), s)[0] === root,
          ),
        Boolean,
        'the registry read of the reviewer draw, connected to the gateway by its parents',
        { tries: 300, everyMs: 100 },
      );
      const trace = traceOf(root!.traceId);

      // One chain of parents, from the gateway's request to the registry's, across four services.
      const chain = ancestry(trace, registryRead!).map((s) => `${s.service} ${s.name}`);
      expect(chain[0]).toBe('gateway mutation TraceDecide');
      expect(chain).toEqual(
        expect.arrayContaining([
          'gateway gateway.request',
          'gateway gateway.execute',
          'gateway gateway.fetch',
          'processes mutation TraceDecide__processes__0',
          'processes StartWorkflowUpdate:decide',
          'worker HandleUpdate:decide',
          'worker StartActivity:drawReviewers',
          'worker RunActivity:drawReviewers',
          'worker registry POST',
        ]),
      );
      expect(chain.at(-1)).toMatch(/^registry (query|POST)/);
      const order = [
        'gateway mutation TraceDecide',
        'gateway gateway.fetch',
        'processes mutation TraceDecide__processes__0',
        'processes StartWorkflowUpdate:decide',
        'worker HandleUpdate:decide',
        'worker StartActivity:drawReviewers',
        'worker RunActivity:drawReviewers',
        'worker registry POST',
      ];
      expect(order.map((name) => chain.indexOf(name))).toEqual(
        [...order.map((name) => chain.indexOf(name))].sort((a, b) => a - b),
      );
      expect(new Set(trace.map((s) => s.service))).toEqual(new Set(['gateway', 'processes', 'worker', 'registry']));

      // The update is this task's; the workflow's other steps after the decision are in it too:
      // the task completed and the stage recorded (local activities), the reviewers' tasks opened.
      const update = span(trace, (s) => s.name === 'HandleUpdate:decide')!;
      expect(update.attributes.temporalUpdateId).toBe(self.id);
      const workflowId = String(update.attributes.temporalWorkflowId);
      expect(workflowId).toBe(`evaluation-four_good-2020-${wenzhou}`);
      for (const activity of ['completeTask', 'recordEvaluation', 'drawReviewers']) {
        const run = span(trace, (s) => s.name === `RunActivity:${activity}`);
        expect(run, `RunActivity:${activity}`).toBeDefined();
        expect(run!.attributes.temporalWorkflowId).toBe(workflowId);
      }
      // Each span's parent is in the trace: one tree under the gateway's request.
      await until(
        async () => traceOf(root!.traceId),
        (spans) => spans.every((s) => s === root || spans.some((p) => p.spanId === s.parentSpanId)),
        'every parent of the trace',
        { tries: 50, everyMs: 100 },
      );
      expect(root!.parentSpanId).toBeUndefined();

      // Nothing of the run's start (the campaign's trace) nor of the invitation's decision.
      expect(
        span(trace, (s) => s.name.startsWith('RunWorkflow:') || s.name.startsWith('StartChildWorkflow:')),
      ).toBeUndefined();
      const apply = received.find(
        (s) => s.service === 'gateway' && s.attributes['hub.request_id'] === `trace-apply-${invite.id}`,
      );
      expect(apply).toBeDefined();
      expect(apply!.traceId).not.toBe(root!.traceId);
      expect(span(traceOf(apply!.traceId), (s) => s.name === 'HandleUpdate:decide')?.attributes.temporalUpdateId).toBe(
        invite.id,
      );
      // The run's own first steps (before any decision) are in the trace of the admin's request
      // that started the campaign: its child runs were started with the campaign's context.
      const startRequest = received.find(
        (s) => s.service === 'processes' && s.name === 'mutation anonymous:startEvaluationCampaign',
      );
      expect(startRequest).toBeDefined();
      const firstStep = received.find(
        (s) =>
          s.name === 'RunActivity:recordEvaluation' &&
          s.attributes.temporalWorkflowId === workflowId &&
          s.attributes.temporalActivityId === '1',
      );
      expect(firstStep?.traceId).toBe(startRequest!.traceId);

      // The traced run replays, with the tracing interceptors and without them: tracing changed no
      // command and no random number of the workflow (uuid4 task ids) in its history.
      quietTemporalLogs();
      const history = await (await temporalClient()).workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory(
        { workflowBundle: sharedBundle(), dataConverter: testDataConverter(), sinks: workflowSpanSinks() },
        history,
        workflowId,
      );
      const untraced = await bundleWorkflowCode({
        workflowsPath: workflowsPath(),
        failureConverterPath: FAILURE_CONVERTER_PATH,
        logger: new DefaultLogger('WARN'),
      });
      await Worker.runReplayHistory(
        { workflowBundle: untraced, dataConverter: testDataConverter() },
        history,
        workflowId,
      );
    },
  );
});
