import type { LaneResult } from '../procurement/lanes.js';
import type { CellResult } from './cells.js';
import type { Population } from './population.js';

// The printed result: one row per cell, processRuns through the gateway beside the same
// visibility query asked of Temporal directly, their ratios, and what the hub's paging asked of
// visibility for one such page (which explains most of the difference).

const f0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '—');
const times = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}×` : '—');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const errors = (r: LaneResult) => (r.errors ? ` ✗${r.errors}` : '');

export function formatReport(o: {
  runs: number;
  requests: number;
  concurrency: number;
  population: Population;
  cells: CellResult[];
}): string {
  const { population: p } = o;
  const width = Math.max(...o.cells.map(({ cell }) => cell.name.length));
  const disordered = o.cells.filter((c) => c.orderProblem);
  const closed = p.runs.filter((r) => r.closed).length;
  const lines = [
    `processRuns over ${o.runs} runs (${o.runs - closed} running, ${closed} terminated; 3 process types, ${p.organizations.length} organisations, ` +
      `7 stages, 5 years), ${o.requests} requests per side and cell, closed loop, ${o.concurrency} at a time, after ${2 * o.concurrency} warm-up requests:`,
    row([
      'cell',
      'runs matching',
      'processRuns p50 ms',
      'p99 ms',
      'req/s',
      'direct p50 ms',
      'p99 ms',
      'req/s',
      'ratio p50',
      'ratio p99',
      'ratio req/s',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...o.cells.map(({ cell, matching, gateway: g, direct: d }) =>
      row([
        cell.name,
        String(matching),
        ms(g.p50),
        ms(g.p99),
        `${f1(g.perSecond)}${errors(g)}`,
        ms(d.p50),
        ms(d.p99),
        `${f1(d.perSecond)}${errors(d)}`,
        times(g.p50, d.p50),
        times(g.p99, d.p99),
        times(g.perSecond, d.perSecond),
      ]),
    ),
    '',
    'Sides: processRuns(filter, first[, after]) through the gateway (pageInfo, edges { node { id workflowType processType stage year status startTime } });',
    '  for the counts, processRuns(filter, first: 1) { totalCount countsByStatus };',
    "  directly: client.workflow.list({ query, pageSize: first }) up to one page (the store's own order: running runs first, not newest first),",
    "  the second page with the first page's nextPageToken, the counts with client.workflow.count(query GROUP BY ExecutionStatus).",
    '  Ratios are processRuns ÷ direct (p50, p99: higher is slower; req/s: lower is slower).',
    disordered.length
      ? `Order: processRuns's page differs from every matching run sorted newest first in ${disordered.map((c) => c.cell.name).join('; ')} (below)`
      : 'Order: each processRuns page checked once against every matching run listed whole and sorted newest first: the same runs in the same order',
    '',
    'What the hub asks of visibility for one such page (newestFirst in paging.ts, counted beside the run), besides the GROUP BY count every processRuns makes:',
    ...o.cells.map(
      ({ cell, anatomy: a, query }) =>
        `  ${cell.name.padEnd(width)} ${a.lists} list${a.lists === 1 ? '' : 's'} returning ${a.listed} runs, ` +
        `${a.counts} count${a.counts === 1 ? '' : 's'} (+1 GROUP BY): ${query ?? '(no query)'}`,
    ),
    '',
    "CPU seconds while each side was measured, hub child (gateway, subgraphs, worker) / Temporal dev server (the direct side's client runs in the parent, not counted):",
    ...o.cells.map(
      ({ cell, cpu }) =>
        `  ${cell.name.padEnd(width)} processRuns ${f1(cpu.gateway[0])} / ${f1(cpu.gateway[1])}, direct ${f1(cpu.direct[0])} / ${f1(cpu.direct[1])}`,
    ),
    '',
    `Populating: ${o.runs} starts in ${f1(p.seconds.start)} s (${f0(o.runs / p.seconds.start)}/s), ${closed} terminations in ${f1(p.seconds.terminate)} s, ` +
      `visibility caught up ${f1(p.seconds.visible)} s later`,
  ];
  const failed = o.cells.flatMap(({ cell, gateway, direct }) => [
    ...(gateway.firstError ? [`  ${cell.name}, processRuns: ${gateway.firstError}`] : []),
    ...(direct.firstError ? [`  ${cell.name}, direct: ${direct.firstError}`] : []),
  ]);
  if (failed.length) lines.push('first error per failed side:', ...failed);
  if (disordered.length)
    lines.push('pages out of order:', ...disordered.map((c) => `  ${c.cell.name}: ${c.orderProblem}`));
  return lines.join('\n');
}
