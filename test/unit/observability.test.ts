import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import {
  dependencyGauge,
  GraphQLMetrics,
  pastDueTasksGauge,
  reportPoolToTemporal,
  ServiceMetrics,
  subgraphFetchHistogram,
} from '../../services/common/metrics.js';
import { parse as parseYaml } from 'yaml';
import { parseMetrics } from '../support/prometheus.js';

// The Grafana dashboard kept in infra/observability: every query is PromQL that parses, and
// every metric it reads is one the hub exports (services/common/metrics.ts, prom-client's
// default metrics) or one of the Temporal SDK exporter's (seen in test/metrics.test.ts).

const ROOT = new URL('../../', import.meta.url);
const dashboard = JSON.parse(
  readFileSync(new URL('infra/observability/grafana/dashboards/hub.json', ROOT), 'utf8'),
) as {
  uid: string;
  panels: { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string }[] }[];
  templating: { list: { query: { query: string } }[] };
};

/** The Temporal SDK core's metrics the dashboard reads (prefix temporal_, counters with _total, seconds). */
const TEMPORAL = [
  'temporal_worker_task_slots_used',
  'temporal_worker_task_slots_available',
  'temporal_workflow_task_schedule_to_start_latency_bucket',
  'temporal_activity_schedule_to_start_latency_bucket',
  'temporal_activity_execution_failed_total',
  'temporal_workflow_task_execution_failed_total',
  'temporal_workflow_failed_total',
  'temporal_workflow_completed_total',
  'temporal_activity_execution_latency_bucket',
];

/** Every series name the hub's own services expose, from the real metric definitions. */
async function hubSeries(): Promise<Set<string>> {
  const metrics = new ServiceMetrics('unit');
  new GraphQLMetrics(metrics).observe('Q', 'query', 'ok', 0.01);
  subgraphFetchHistogram(metrics).observe({ subgraph: 'registry', outcome: 'ok' }, 0.01);
  metrics.watchPool('registry', { totalCount: 1, idleCount: 1, waitingCount: 0, options: { max: 10 } });
  dependencyGauge(metrics, async () => ({ checks: { postgres: 'ok' } }));
  pastDueTasksGauge(metrics, async () => 0);
  const names = new Set(parseMetrics((await metrics.render()).body).map((s) => s.name));
  // The worker reports its pool through the SDK's meter under the same names.
  const created: string[] = [];
  const gauge = (name: string) => (created.push(name), { set: () => undefined });
  reportPoolToTemporal(
    { createGauge: gauge } as never,
    'processes',
    { totalCount: 0, idleCount: 0, waitingCount: 0, options: {} },
    60_000,
  )();
  for (const name of created) expect(names.has(name), name).toBe(true);
  for (const name of TEMPORAL) names.add(name);
  return names;
}

/** Grafana's variables as values PromQL accepts. */
const asPromQL = (expr: string) => expr.replaceAll('$__rate_interval', '5m').replaceAll('$task_queue', '.*');

function parse(expr: string): { errors: number; metrics: string[] } {
  const tree = parser.parse(expr);
  let errors = 0;
  const metrics: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors++;
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        metrics.push(expr.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}

describe("the hub's Grafana dashboard", () => {
  const targets = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
  );

  it('has panels with queries, all on the provisioned Prometheus', () => {
    expect(dashboard.uid).toBe('chamber-hub');
    expect(targets.length).toBeGreaterThan(20);
    const provisioned = readFileSync(
      new URL('infra/observability/grafana/provisioning/datasources/prometheus.yml', ROOT),
      'utf8',
    );
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      expect(provisioned, panel.title).toContain(`uid: ${panel.datasource!.uid}`);
    }
  });

  it('queries only parse as PromQL and read only metrics the hub or the worker export', async () => {
    const known = await hubSeries();
    for (const { panel, expr } of targets) {
      const { errors, metrics } = parse(asPromQL(expr));
      expect(errors, `${panel}: ${expr}`).toBe(0);
      expect(metrics.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const metric of metrics)
        expect(known.has(metric), `${panel} reads ${metric}, which nothing exports`).toBe(true);
    }
    // The task queue variable reads the worker's slots.
    expect(dashboard.templating.list[0].query.query).toContain('temporal_worker_task_slots_available');
  });
});

describe("the hub's alert rules (infra/observability/alerts.yml)", () => {
  const rules = (
    parseYaml(readFileSync(new URL('infra/observability/alerts.yml', ROOT), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    }
  ).groups.flatMap((g) => g.rules);

  it('cover what issue 23 names, each expression PromQL on metrics the hub, the worker or Prometheus export', async () => {
    expect(rules.map((r) => r.alert).sort()).toEqual([
      'HubActivityRetries',
      'HubErrorRate',
      'HubPartDown',
      'HubPostgresUnreachable',
      'HubRunsFailing',
      'HubRunsInTrouble',
      'HubTasksPastDue',
      'HubTemporalUnreachable',
      'HubWorkerGone',
    ]);
    const known = await hubSeries();
    known.add('up'); // Prometheus's own, per scraped target
    for (const { alert, expr } of rules) {
      const { errors, metrics } = parse(expr);
      expect(errors, `${alert}: ${expr}`).toBe(0);
      expect(metrics.length, alert).toBeGreaterThan(0);
      for (const metric of metrics)
        expect(known.has(metric), `${alert} reads ${metric}, which nothing exports`).toBe(true);
    }
  });
});
