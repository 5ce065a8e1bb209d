import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { serveGraphQL } from '../services/common/http.js';
import { signToken } from '../services/common/identity.js';
import { temporalClient, token } from './support/hub.js';
import { until } from './support/until.js';
import { metricValue, parseMetrics } from './support/prometheus.js';

// Issue 10 §4, seeing the system: the hub's own /metrics on every HTTP service move when
// requests are made (GraphQL operations by name and status with their latency, the gateway's
// subgraph fetches, the pools), the worker's metrics come from the Temporal SDK's exporter, and
// the JSON log has one line per request with its id, a masked error's reference included.

const services = () => ({
  gateway: new URL('/metrics', inject('gatewayUrl')).href,
  registry: new URL('/metrics', inject('registryUrl')).href,
  processes: new URL('/metrics', inject('processesUrl')).href,
  codec: new URL('/metrics', inject('codecUrl')).href,
});

async function scrape(url: string) {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

/** A GraphQL request through the gateway with our own request id; the answer and the id it came back with. */
async function post(query: string, bearer: string | undefined, requestId = `metrics-test-${randomUUID()}`) {
  const response = await fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: await response.json(),
  };
}

interface Line {
  level: string;
  service?: string;
  msg: string;
  requestId?: string;
  reference?: string;
  [key: string]: unknown;
}
const logLines = (): Line[] =>
  readFileSync(inject('hubLogFile'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
/** The log's lines once `done` holds (the request line is written when the answer has been sent). */
const linesWhen = (done: (lines: Line[]) => boolean, what: string) => until(async () => logLines(), done, what);

describe('/metrics on every HTTP service', () => {
  it('answers in Prometheus text format with the process metrics, and each service with its own label', async () => {
    for (const [service, url] of Object.entries(services())) {
      const metrics = await scrape(url);
      expect(metricValue(metrics, 'process_cpu_user_seconds_total'), service).toBeGreaterThan(0);
      expect(
        metrics.some((s) => s.name === 'nodejs_eventloop_lag_seconds'),
        service,
      ).toBe(true);
    }
  });

  it('counts a named operation by name, type and status, with its latency, at the gateway and in the subgraph', async () => {
    const integrator = await token(['INTEGRATOR']);
    const query =
      'query MetricsProbe { organizations(first: 2) { totalCount edges { node { name trainingEnrollments { status } } } } }';
    const labels = { service: 'gateway', operation: 'MetricsProbe', type: 'query', status: 'ok' };
    const before = await scrape(services().gateway);
    const registryBefore = await scrape(services().registry);
    for (let i = 0; i < 3; i++) expect((await post(query, integrator)).body.errors).toBeUndefined();
    const after = await scrape(services().gateway);
    expect(
      metricValue(after, 'hub_graphql_operations_total', labels) -
        metricValue(before, 'hub_graphql_operations_total', labels),
    ).toBe(3);
    const count =
      metricValue(after, 'hub_graphql_operation_duration_seconds_count', labels) -
      metricValue(before, 'hub_graphql_operation_duration_seconds_count', labels);
    expect(count).toBe(3);
    expect(metricValue(after, 'hub_graphql_operation_duration_seconds_sum', labels)).toBeGreaterThan(
      metricValue(before, 'hub_graphql_operation_duration_seconds_sum', labels),
    );
    // Cumulative buckets: +Inf holds all three, the ladder never goes down.
    const buckets = after.filter(
      (s) =>
        s.name === 'hub_graphql_operation_duration_seconds_bucket' &&
        s.labels.operation === 'MetricsProbe' &&
        s.labels.status === 'ok',
    );
    expect(buckets.find((s) => s.labels.le === '+Inf')!.value).toBe(
      metricValue(after, 'hub_graphql_operation_duration_seconds_count', labels),
    );
    for (let i = 1; i < buckets.length; i++) expect(buckets[i].value).toBeGreaterThanOrEqual(buckets[i - 1].value);
    // The registry saw the gateway's query of that operation (Apollo names it MetricsProbe__registry__<n>).
    const registryAfter = await scrape(services().registry);
    const probeAtRegistry = (metrics: typeof registryAfter) =>
      metrics
        .filter(
          (s) =>
            s.name === 'hub_graphql_operations_total' && s.labels.operation?.startsWith('MetricsProbe__registry__'),
        )
        .reduce((sum, s) => sum + s.value, 0);
    expect(probeAtRegistry(registryAfter) - probeAtRegistry(registryBefore)).toBe(3);
  });

  it('counts refusals by their code: a missing token before any operation ran, a forbidden mutation by its name', async () => {
    const before = await scrape(services().gateway);
    expect((await post('query Anything { __typename }', undefined)).status).toBe(401);
    const forbidden = await post(
      'mutation MetricsForbidden { createPerson(input: { name: "不可" }) { id } }',
      await token(['INTEGRATOR']),
    );
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await post('{ organizations(first: 1) { totalCount } }', await token(['INTEGRATOR']));
    expect(anonymous.body.errors).toBeUndefined();
    const after = await scrape(services().gateway);
    const moved = (labels: Record<string, string>) =>
      metricValue(after, 'hub_graphql_operations_total', labels) -
      metricValue(before, 'hub_graphql_operations_total', labels);
    expect(moved({ operation: 'unknown', status: 'UNAUTHENTICATED' })).toBe(1);
    expect(moved({ operation: 'MetricsForbidden', type: 'mutation', status: 'FORBIDDEN' })).toBe(1);
    // An anonymous operation is named by its first root field (schema names: bounded).
    expect(moved({ operation: 'anonymous:organizations', type: 'query', status: 'ok' })).toBe(1);
  });

  it("times the gateway's subgraph fetches by subgraph", async () => {
    const before = await scrape(services().gateway);
    const answer = await post(
      '{ organizations(first: 1) { edges { node { name trainingEnrollments { status } } } } }',
      await token(['INTEGRATOR']),
    );
    expect(answer.body.errors).toBeUndefined();
    const after = await scrape(services().gateway);
    for (const subgraph of ['registry', 'processes']) {
      const labels = { subgraph, outcome: 'ok' };
      expect(metricValue(after, 'hub_gateway_subgraph_fetch_duration_seconds_count', labels), subgraph).toBeGreaterThan(
        metricValue(before, 'hub_gateway_subgraph_fetch_duration_seconds_count', labels),
      );
      expect(metricValue(after, 'hub_gateway_subgraph_fetch_duration_seconds_sum', labels), subgraph).toBeGreaterThan(
        metricValue(before, 'hub_gateway_subgraph_fetch_duration_seconds_sum', labels),
      );
    }
  });

  it("reports each subgraph's PostgreSQL pool: open, idle, waiting and its maximum", async () => {
    // Ten concurrent reads: the registry's pool opens connections for them.
    const integrator = await token(['INTEGRATOR']);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        post('{ organizations(first: 20) { totalCount edges { node { name relationships { type } } } } }', integrator),
      ),
    );
    for (const service of ['registry', 'processes'] as const) {
      const metrics = await scrape(services()[service]);
      const pool = { service, pool: service };
      expect(metricValue(metrics, 'hub_db_pool_max_connections', pool), service).toBe(10);
      const open = metricValue(metrics, 'hub_db_pool_connections', pool);
      expect(metricValue(metrics, 'hub_db_pool_idle_connections', pool), service).toBeLessThanOrEqual(open);
      expect(
        metrics.some((s) => s.name === 'hub_db_pool_waiting_clients' && s.labels.pool === service),
        service,
      ).toBe(true);
      if (service === 'registry') expect(open).toBeGreaterThanOrEqual(1);
    }
  });

  it('asks for METRICS_TOKEN when one is set, compared whole', async () => {
    const server = new ApolloServer({ schema: buildSchema('type Query { ok: Boolean }'), rootValue: { ok: true } });
    const served = await serveGraphQL(server, {
      name: 'token-probe',
      port: 0,
      host: '127.0.0.1',
      limits: { maxBodyBytes: 1024, maxJsonDepth: 8 },
      context: async () => ({}),
      metricsToken: 'a-metrics-token-of-some-length',
    });
    try {
      const url = new URL('/metrics', served.url).href;
      const refused = await fetch(url);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await fetch(url, { headers: { authorization: 'Bearer a-metrics-token-of-some' } })).status).toBe(401);
      const allowed = await fetch(url, { headers: { authorization: 'Bearer a-metrics-token-of-some-length' } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('hub_db_pool_connections');
      expect(
        (await fetch(url, { method: 'POST', headers: { authorization: 'Bearer a-metrics-token-of-some-length' } }))
          .status,
      ).toBe(405);
    } finally {
      await served.stop();
    }
  });
});

describe("the worker's metrics, from the Temporal SDK's exporter", () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const stop of stops) await stop().catch(() => undefined);
  });

  it('shows task slots, its pool, and workflow task failures as they happen', async () => {
    const url = inject('workerMetricsUrl');
    expect(url, "the test hub's worker runs with its metrics exporter").not.toBe('');
    const read = async () => parseMetrics(await (await fetch(url)).text());
    const before = await read();
    expect(
      before.some((s) => s.name === 'temporal_worker_task_slots_available' && s.labels.task_queue === 'hub-test'),
    ).toBe(true);
    expect(
      metricValue(before, 'hub_db_pool_connections', { pool: 'processes', service: 'worker' }),
    ).toBeGreaterThanOrEqual(0);
    expect(before.some((s) => s.name === 'hub_db_pool_connections' && s.labels.pool === 'processes')).toBe(true);
    // A workflow of a type the worker does not know: its workflow task fails (the SDK counts it) and it is terminated.
    const client = await temporalClient();
    const failures = (metrics: typeof before) =>
      metricValue(metrics, 'temporal_workflow_task_execution_failed_total', { task_queue: 'hub-test' });
    const handle = await client.workflow.start('metricsProbeUnknownType', {
      taskQueue: 'hub-test',
      workflowId: `metrics-probe-${randomUUID()}`,
      args: [],
    });
    stops.push(() => handle.terminate('metrics test probe')); // should an assertion fail first
    const after = await until(
      read,
      (metrics) => failures(metrics) > failures(before),
      "a failed workflow task in the worker's metrics",
    );
    await handle.terminate('metrics test probe'); // the worker would retry its task (and log it) meanwhile
    expect(failures(after)).toBeGreaterThan(failures(before));
    expect(
      metricValue(after, 'temporal_workflow_task_schedule_to_start_latency_count', { task_queue: 'hub-test' }),
    ).toBeGreaterThan(0);
    // The SDK's own line about it is in the hub's log, naming the run.
    const runId = handle.firstExecutionRunId;
    const lines = await linesWhen(
      (all) => all.some((l) => l.runId === runId),
      "the worker's line about the failed workflow task",
    );
    expect(lines.find((l) => l.runId === runId)).toMatchObject({
      service: 'worker',
      level: expect.stringMatching(/warn|error/),
    });
  });
});

describe('structured logs', () => {
  it('writes one JSON line per request at each service it crossed, with the request id the answer carries', async () => {
    const requestId = `metrics-test-${randomUUID()}`;
    const answer = await post(
      'query MetricsLogProbe { organizations(first: 1) { edges { node { name trainingEnrollments { status } } } } }',
      await token(['INTEGRATOR']),
      requestId,
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.requestId).toBe(requestId);
    const lines = await linesWhen(
      (all) => all.filter((l) => l.requestId === requestId && l.msg === 'request').length >= 3,
      'the request lines',
    );
    const requests = lines.filter((l) => l.requestId === requestId && l.msg === 'request');
    expect(requests.map((l) => l.service).sort()).toEqual(['gateway', 'processes', 'registry']);
    const gateway = requests.find((l) => l.service === 'gateway')!;
    expect(gateway).toMatchObject({
      level: 'info',
      method: 'POST',
      status: 200,
      operation: 'MetricsLogProbe',
      operationType: 'query',
      outcome: 'ok',
    });
    expect(gateway.durationMs).toBeGreaterThan(0);
    expect(Date.parse(gateway.time as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives a request without an id a new one, and never takes an id that is not one', async () => {
    const integrator = await token(['INTEGRATOR']);
    const fresh = await fetch(inject('gatewayUrl'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${integrator}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const injected = await post('{ __typename }', integrator, 'bad id" level="error');
    expect(injected.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('finds a masked internal error by the reference the client got, on a line with the request id and the cause', async () => {
    // PostgreSQL refuses a NUL in text: this admin's audit entry cannot be written, an internal error.
    const unrecordable = await signToken(
      { subject: 'admin\u0000metrics', roles: ['ADMIN'], organizationIds: [] },
      inject('jwtSecret'),
    );
    const requestId = `metrics-test-${randomUUID()}`;
    const answer = await post(
      `mutation MetricsInternalError { createPerson(input: { name: "指标${Date.now()}" }) { id } }`,
      unrecordable,
      requestId,
    );
    const error = answer.body.errors[0];
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const reference = error.extensions.reference as string;
    expect(error.message).toBe(`Internal error (reference ${reference}); the server log has the details`);
    expect(JSON.stringify(answer.body)).not.toMatch(/stack|\.ts:|0x00|violates/);

    const lines = await linesWhen(
      (all) => all.some((l) => l.requestId === requestId && l.msg === 'request' && l.service === 'gateway'),
      "the gateway's request line",
    );
    const masked = lines.filter((l) => l.reference === reference);
    expect(masked).toHaveLength(1);
    expect(masked[0]).toMatchObject({ level: 'error', service: 'gateway', requestId, reference });
    // The gateway's line holds the registry's masked error; the registry's own line, under the same request id, the cause.
    const atRegistry = lines.find((l) => l.requestId === requestId && l.service === 'registry' && l.level === 'error')!;
    expect(atRegistry).toBeDefined();
    expect(JSON.stringify(atRegistry.error)).toMatch(/invalid message format|0x00|null character/i);
    expect(JSON.stringify(masked[0].error)).toContain(`reference ${atRegistry.reference}`);
    // And the request lines name the references, so either is found from the other.
    const gatewayRequest = lines.find(
      (l) => l.requestId === requestId && l.msg === 'request' && l.service === 'gateway',
    )!;
    expect(gatewayRequest).toMatchObject({
      outcome: 'INTERNAL_SERVER_ERROR',
      operation: 'MetricsInternalError',
      references: [reference],
    });
  });
});
