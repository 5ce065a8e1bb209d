import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { MetricMeter } from '@temporalio/common';
// prom-client is CommonJS: Node's ESM loader gives its module.exports as the default export.
import client from 'prom-client';

// Prometheus metrics of the hub's HTTP services, one registry per service (npm start and the
// tests run all four in one process, each with its own /metrics), plus the process's own
// (prom-client's default metrics: CPU, memory, event-loop lag, GC), shared by every service of
// the process. Label values a client chooses (operation names) are bounded: see operationLabel.

const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = client;
type Registry = InstanceType<typeof Registry>;

/** Latency buckets, seconds: the hub's answers run from ~2 ms (a cached read) to the 30 s deadline. */
export const LATENCY_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

let processRegistry: Registry | undefined;
/** The process's own metrics, collected once per process whatever number of services it runs. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** A pg pool as the gauges read it. */
export type PoolLike = Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount'> & { options: { max?: number } };

/** One service's metrics: its registry (label service=<name>) and what it watches. */
export class ServiceMetrics {
  readonly registry: Registry = new Registry();
  private readonly pools = new Map<string, PoolLike>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    processMetrics();
    const pools = this.pools;
    const gauge = (name: string, help: string, read: (pool: PoolLike) => number | undefined) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers: [this.registry],
        collect() {
          for (const [label, pool] of pools) {
            const value = read(pool);
            if (value !== undefined) this.set({ pool: label }, value);
          }
        },
      });
    gauge(
      'hub_db_pool_connections',
      'Open connections of the PostgreSQL pool (busy and idle)',
      (pool) => pool.totalCount,
    );
    gauge('hub_db_pool_idle_connections', 'Idle connections of the PostgreSQL pool', (pool) => pool.idleCount);
    gauge(
      'hub_db_pool_waiting_clients',
      'Queries waiting for a connection of the PostgreSQL pool',
      (pool) => pool.waitingCount,
    );
    gauge('hub_db_pool_max_connections', "The PostgreSQL pool's maximum size", (pool) => pool.options.max);
  }

  /** Reports a pool's use under `pool=<label>` (the PostgreSQL schema its ORM owns). */
  watchPool(label: string, pool: PoolLike): void {
    this.pools.set(label, pool);
  }

  /** The exposition text: this service's metrics, then the process's. */
  async render(): Promise<{ contentType: string; body: string }> {
    const [own, shared] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return { contentType: this.registry.contentType, body: `${own}\n${shared}` };
  }
}

/** The pg pool under a MikroORM instance (services/common/orm.ts makes them; min 0, max 10). */
export async function ormPool(orm: MikroORM): Promise<PoolLike> {
  return orm.em.getDriver().getConnection().getNativeClient();
}

/** At most this many distinct operation names per service are counted by name; the rest as `other`. */
export const MAX_OPERATION_NAMES = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z:,]{0,99}$/;

/**
 * The label of an operation: its name, bounded. Names come from clients, so a client sending a
 * new name per request would otherwise grow the registry without end: the first
 * MAX_OPERATION_NAMES names keep their label, later ones count as `other`.
 */
export function operationLabel(name: string | undefined, seen: Set<string>, max = MAX_OPERATION_NAMES): string {
  if (!name) return 'unknown';
  if (!NAME.test(name)) return 'other';
  if (seen.has(name)) return name;
  if (seen.size >= max) return 'other';
  seen.add(name);
  return name;
}

/** `ok`, or an error code as GraphQL answers carry them (a code of another shape counts as `other`). */
export function statusLabel(outcome: string | undefined): string {
  if (!outcome) return 'unknown';
  return outcome === 'ok' || /^[A-Z][A-Z0-9_]{0,49}$/.test(outcome) ? outcome : 'other';
}

/** GraphQL operations by name, type and status: a counter and a latency histogram. */
export class GraphQLMetrics {
  private readonly names = new Set<string>();
  private readonly total;
  private readonly duration;

  constructor(metrics: ServiceMetrics) {
    const labelNames = ['operation', 'type', 'status'] as const;
    this.total = new Counter({
      name: 'hub_graphql_operations_total',
      help: "GraphQL requests answered, by operation name, operation type and status (ok or the first error's code)",
      labelNames,
      registers: [metrics.registry],
    });
    this.duration = new Histogram({
      name: 'hub_graphql_operation_duration_seconds',
      help: "Time from a GraphQL request's arrival to the last byte of its answer, by operation name, type and status",
      labelNames,
      buckets: LATENCY_BUCKETS,
      registers: [metrics.registry],
    });
  }

  observe(operation: string | undefined, type: string | undefined, outcome: string | undefined, seconds: number): void {
    const labels = {
      operation: operationLabel(operation, this.names),
      type: type ?? 'unknown',
      status: statusLabel(outcome),
    };
    this.total.inc(labels);
    this.duration.observe(labels, seconds);
  }
}

/** The gateway's subgraph fetches: latency to the last byte of the answer, by subgraph and outcome. */
export function subgraphFetchHistogram(metrics: ServiceMetrics) {
  return new Histogram({
    name: 'hub_gateway_subgraph_fetch_duration_seconds',
    help: "The gateway's requests to a subgraph, until the answer is read: outcome ok, http_error, timeout or unreachable",
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [metrics.registry],
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether a /metrics request may read: no token configured, or `Authorization: Bearer <token>` (compared in constant time). */
export function metricsAuthorized(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * The worker's pool through the Temporal SDK's metric meter: the worker has no HTTP server, so
 * its pool appears on the SDK's Prometheus exporter beside the worker's own metrics. Gauges are
 * set every `everyMs` (the meter has no collect callback); returns the stop.
 */
export function reportPoolToTemporal(meter: MetricMeter, label: string, pool: PoolLike, everyMs = 5_000): () => void {
  const gauges = {
    connections: meter.createGauge(
      'hub_db_pool_connections',
      'int',
      '',
      'Open connections of the PostgreSQL pool (busy and idle)',
    ),
    idle: meter.createGauge('hub_db_pool_idle_connections', 'int', '', 'Idle connections of the PostgreSQL pool'),
    waiting: meter.createGauge(
      'hub_db_pool_waiting_clients',
      'int',
      '',
      'Queries waiting for a connection of the PostgreSQL pool',
    ),
  };
  const tags = { pool: label, service: 'worker' };
  const report = () => {
    gauges.connections.set(pool.totalCount, tags);
    gauges.idle.set(pool.idleCount, tags);
    gauges.waiting.set(pool.waitingCount, tags);
  };
  report();
  const timer = setInterval(report, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * hub_dependency_up{dependency}: 1 when the service's readiness check of that dependency
 * (PostgreSQL, Temporal, the supergraph ...) passes at scrape time, else 0: what the alert
 * "PostgreSQL or Temporal unreachable" reads (infra/observability/alerts.yml).
 */
export function dependencyGauge(
  metrics: ServiceMetrics,
  readiness: () => Promise<{ checks: Record<string, string> }>,
): void {
  new Gauge({
    name: 'hub_dependency_up',
    help: "1 when the service's readiness check of the dependency passes (checked at scrape time), else 0",
    labelNames: ['dependency'],
    registers: [metrics.registry],
    async collect() {
      const { checks } = await readiness();
      for (const [dependency, result] of Object.entries(checks)) {
        if (dependency !== 'shutdown') this.set({ dependency }, result === 'ok' ? 1 : 0);
      }
    },
  });
}

/**
 * hub_tasks_past_due: open tasks whose due date passed more than PAST_DUE_GRACE_MINUTES ago.
 * A workflow's own timer escalates or expires a task at its due date, so one still open well
 * after it means the run is not moving (no worker, a failing workflow task).
 */
export const PAST_DUE_GRACE_MINUTES = 15;
export function pastDueTasksGauge(metrics: ServiceMetrics, count: () => Promise<number>): void {
  new Gauge({
    name: 'hub_tasks_past_due',
    help: `Open or claimed tasks whose due date passed more than ${PAST_DUE_GRACE_MINUTES} minutes ago (their run's timer has not acted)`,
    registers: [metrics.registry],
    async collect() {
      this.set(await count().catch(() => -1));
    },
  });
}
