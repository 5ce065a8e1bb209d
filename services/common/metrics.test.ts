import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import {
  GraphQLMetrics,
  MAX_OPERATION_NAMES,
  metricsAuthorized,
  operationLabel,
  ServiceMetrics,
  statusLabel,
} from './metrics.js';
import { correlationHeaders, newRequestScope, runInRequestScope, wellFormedId } from './request-scope.js';
import { metricValue, parseMetrics } from '../../test/support/prometheus.js';

const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;

describe('metric labels', () => {
  it('keep the first operation names and count later new ones as other', () => {
    const seen = new Set<string>();
    expect(operationLabel('Organizations', seen, 2)).toBe('Organizations');
    expect(operationLabel('Statistics', seen, 2)).toBe('Statistics');
    expect(operationLabel('Third', seen, 2)).toBe('other');
    expect(operationLabel('Organizations', seen, 2)).toBe('Organizations');
    expect(operationLabel(undefined, seen)).toBe('unknown');
    expect(operationLabel('anonymous:organizations', new Set())).toBe('anonymous:organizations');
    expect(operationLabel('x'.repeat(101), new Set())).toBe('other');
    expect(MAX_OPERATION_NAMES).toBe(200);
  });

  it('take ok and error codes as status, anything else as other', () => {
    expect(statusLabel('ok')).toBe('ok');
    expect(statusLabel('INTERNAL_SERVER_ERROR')).toBe('INTERNAL_SERVER_ERROR');
    expect(statusLabel('drop table')).toBe('other');
    expect(statusLabel(undefined)).toBe('unknown');
  });
});

describe("a service's metrics", () => {
  it("render its operations and pools with its service label, then the process's metrics", async () => {
    const metrics = new ServiceMetrics('unit');
    const graphql = new GraphQLMetrics(metrics);
    graphql.observe('Organizations', 'query', 'ok', 0.012);
    graphql.observe('Organizations', 'query', 'FORBIDDEN', 0.004);
    metrics.watchPool('registry', { totalCount: 3, idleCount: 2, waitingCount: 1, options: { max: 10 } });
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(body);
    const ok = { service: 'unit', operation: 'Organizations', type: 'query', status: 'ok' };
    expect(metricValue(samples, 'hub_graphql_operations_total', ok)).toBe(1);
    expect(metricValue(samples, 'hub_graphql_operations_total', { ...ok, status: 'FORBIDDEN' })).toBe(1);
    expect(metricValue(samples, 'hub_graphql_operation_duration_seconds_bucket', { ...ok, le: '0.01' })).toBe(0);
    expect(metricValue(samples, 'hub_graphql_operation_duration_seconds_bucket', { ...ok, le: '0.025' })).toBe(1);
    expect(metricValue(samples, 'hub_graphql_operation_duration_seconds_sum', ok)).toBeCloseTo(0.012);
    const pool = { service: 'unit', pool: 'registry' };
    expect(metricValue(samples, 'hub_db_pool_connections', pool)).toBe(3);
    expect(metricValue(samples, 'hub_db_pool_idle_connections', pool)).toBe(2);
    expect(metricValue(samples, 'hub_db_pool_waiting_clients', pool)).toBe(1);
    expect(metricValue(samples, 'hub_db_pool_max_connections', pool)).toBe(10);
    expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total' && s.labels.service === undefined)).toBe(
      true,
    );
  });

  it('can be made twice in one process (npm start and the tests run every service in one)', async () => {
    const [a, b] = [new ServiceMetrics('gateway'), new ServiceMetrics('gateway')];
    new GraphQLMetrics(a).observe('A', 'query', 'ok', 0.001);
    new GraphQLMetrics(b);
    expect((await b.render()).body).not.toContain('operation="A"');
  });
});

describe('METRICS_TOKEN', () => {
  it('lets anyone read when unset, else only the whole bearer token', () => {
    expect(metricsAuthorized(request(), undefined)).toBe(true);
    const token = 'a-long-enough-metrics-token';
    expect(metricsAuthorized(request(), token)).toBe(false);
    expect(metricsAuthorized(request(`Bearer ${token}`), token)).toBe(true);
    expect(metricsAuthorized(request(`bearer ${token}`), token)).toBe(true);
    expect(metricsAuthorized(request(`Bearer ${token.slice(0, -1)}`), token)).toBe(false);
    expect(metricsAuthorized(request(`Bearer ${token}x`), token)).toBe(false);
    expect(metricsAuthorized(request(`Basic ${token}`), token)).toBe(false);
  });
});

describe('request ids', () => {
  it('take a well-formed id from outside and make one otherwise', () => {
    expect(wellFormedId('metrics-test-1')).toBe('metrics-test-1');
    expect(wellFormedId('training-enrollment-0b6b/abc:1@x')).toBe('training-enrollment-0b6b/abc:1@x');
    for (const bad of ['', ' leading', 'a b', 'quote"d', 'line\nbreak', 'x'.repeat(201), '-dash-first'])
      expect(wellFormedId(bad), bad).toBeUndefined();
    expect(wellFormedId(['a', 'b'])).toBeUndefined();
    expect(newRequestScope('gateway', { 'x-request-id': 'given-1' }).requestId).toBe('given-1');
    expect(newRequestScope('gateway', { 'x-request-id': 'not ok' }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(newRequestScope('registry', { 'x-workflow-id': 'procurement-1' }).workflowId).toBe('procurement-1');
  });

  it('travel to the next service in headers: the request id inside a request, the workflow id of an activity', () => {
    expect(correlationHeaders()).toEqual({});
    expect(correlationHeaders('procurement-1')).toEqual({ 'x-workflow-id': 'procurement-1' });
    const scope = newRequestScope('gateway', { 'x-request-id': 'r-1' });
    expect(runInRequestScope(scope, () => correlationHeaders())).toEqual({ 'x-request-id': 'r-1' });
  });
});
