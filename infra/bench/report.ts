import os from 'node:os';
import type pg from 'pg';
import type { CellResult } from './load.js';
import type { Ceiling } from './ceiling.js';
import type { CpuTotals } from './cpu.js';

// The printed result: one row per query, the ways side by side, and the ratios of the
// latencies with the hand-written SQL as 1. `hive` is The Guild's Hive Gateway on the same
// supergraph and subgraph (infra/bench/hive-gateway.ts), measured beside Apollo Gateway.

export const WAYS = ['gateway', 'local', 'hive', 'subgraph', 'sql'] as const;
const LABELS: Record<Way, string> = {
  gateway: 'Apollo gateway',
  local: 'gateway, registry in-proc',
  hive: 'Hive gateway',
  subgraph: 'subgraph',
  sql: 'hand-written SQL',
};
export type Way = (typeof WAYS)[number];

export interface QueryResult {
  name: string;
  rate: number;
  /** What the answer holds (rows, totals), so a reader sees the work each query did. */
  answer: string;
  cells: Partial<Record<Way, CellResult>>;
  /** CPU ms per answered request of each server, per open-loop cell. */
  cpu: Partial<Record<Way, CpuTotals>>;
  ceilings: Partial<Record<Way, Ceiling & { cpu?: CpuTotals }>>;
}

export async function machineLine(db: pg.Pool, servers: string): Promise<string> {
  const { rows } = await db.query<{ server_version: string }>('show server_version');
  const cpus = os.cpus();
  const memory = (os.totalmem() / 2 ** 30).toFixed(1);
  return (
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${memory} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${rows[0].server_version}; servers: ${servers}`
  );
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pad = (text: string, width: number) => text.padStart(width);

/** "p50 p99 req/s errors", with a ✗ when the cell had errors (wrong answers included). */
function cellText(cell: CellResult | undefined): string {
  if (!cell) return pad('not run', 27);
  const mark = cell.errors > 0 ? `✗${cell.errors}` : '0';
  return `${pad(ms(cell.p50), 6)} ${pad(ms(cell.p99), 6)} ${pad(cell.throughput.toFixed(1), 6)} ${pad(mark, 6)}`;
}

export function formatTable(results: QueryResult[], options: { seconds: number; warmupSeconds: number }): string {
  const head = (label: string) => pad(label, 27);
  const shown = WAYS.filter((way) => results.some((r) => r.cells[way]));
  const short = shown
    .map((way) => ({ gateway: 'gw', local: 'in', hive: 'hive', subgraph: 'sg', sql: 'sql' })[way])
    .join(' / ');
  const lines = [
    `Open loop, ${options.warmupSeconds} s warm-up + ${options.seconds} s measured per cell; latency in ms from the scheduled send time; ` +
      'cells: p50 p99 achieved-req/s errors (✗n = n failed or wrong answers)',
    `${'query'.padEnd(16)} ${pad('req/s', 5)} | ${shown.map((way) => head(LABELS[way])).join(' | ')} | ` +
      `${pad(`p50 ${short}`, 26)} | ${pad(`p99 ${short}`, 26)}`,
    `${''.padEnd(16)} ${pad('', 5)} | ${shown.map(() => head('p50    p99  req/s    err')).join(' | ')} |`,
  ];
  const ratios = (result: QueryResult, pick: (cell: CellResult) => number) => {
    const floor = result.cells.sql ? pick(result.cells.sql) : NaN;
    return shown
      .map((way) => (result.cells[way] && floor > 0 ? (pick(result.cells[way]) / floor).toFixed(1) : '—'))
      .join(' / ');
  };
  for (const result of results) {
    lines.push(
      `${result.name.padEnd(16)} ${pad(String(result.rate), 5)} | ${shown.map((way) => cellText(result.cells[way])).join(' | ')} | ` +
        `${pad(
          ratios(result, (c) => c.p50),
          26,
        )} | ${pad(
          ratios(result, (c) => c.p99),
          26,
        )}`,
    );
  }
  // Without open-loop cells (--no-open-loop) only the answers and errors are printed.
  if (results.every((r) => Object.values(r.cells).every((c) => !c || Number.isNaN(c.p50)))) lines.length = 0;
  lines.push('', 'answers:', ...results.map((r) => `  ${r.name}: ${r.answer}`));
  const failures = results.flatMap((r) =>
    WAYS.flatMap((way) => [
      ...(r.cells[way]?.firstError ? [`  ${r.name} / ${way}: ${r.cells[way].firstError}`] : []),
      ...(r.ceilings[way]?.steps
        .filter((s) => s.firstError)
        .slice(0, 1)
        .map((s) => `  ${r.name} / ${way} ceiling at ${s.concurrency} clients: ${s.firstError}`) ?? []),
    ]),
  );
  if (failures.length) lines.push('first error per failed cell:', ...failures);
  return lines.join('\n');
}

const perRequest = (cpu: CpuTotals | undefined, key: keyof CpuTotals) =>
  cpu && Number.isFinite(cpu[key]) ? cpu[key].toFixed(2) : '—';

/** Which servers a way's requests pass through (the load generator is shown apart). */
const SERVERS: Record<Way, (keyof CpuTotals)[]> = {
  gateway: ['gateway', 'registry', 'postgres'],
  // One process does the gateway's work and the registry's: counted as `gateway`.
  local: ['gateway', 'postgres'],
  hive: ['gateway', 'registry', 'postgres'],
  subgraph: ['registry', 'postgres'],
  sql: ['postgres'],
};

const WIDTH: Record<Way, number> = { gateway: 17, local: 11, hive: 17, subgraph: 11, sql: 5 };

function cpuCells(cpu: Partial<Record<Way, CpuTotals>>): string {
  return (
    WAYS.map((way) => pad(SERVERS[way].map((k) => perRequest(cpu[way], k)).join(' '), WIDTH[way])).join(' | ') +
    ` | ${pad(WAYS.map((way) => perRequest(cpu[way], 'client')).join(' '), 25)}`
  );
}

/** CPU ms per answered request, by server process, in the open-loop cells and at each ceiling. */
export function formatCpu(results: QueryResult[], ceilings: boolean): string {
  const head = `${'query'.padEnd(16)} | ${pad('Apollo: gw sg pg', 17)} | ${pad('in-proc: gw+sg pg', 11)} | ${pad('Hive: gw sg pg', 17)} | ${pad('subgraph: sg pg', 11)} | ${pad('sql: pg', 5)} | ${pad('load gen gw in hv sg sql', 25)}`;
  const lines = [
    "CPU ms per answered request (/proc utime+stime of the gateway (Apollo or Hive) and registry children and of the bench database's PostgreSQL backends; in-proc: the one process holding both)",
    `open loop:\n${head}`,
  ];
  for (const r of results) lines.push(`${r.name.padEnd(16)} | ${cpuCells(r.cpu)}`);
  if (ceilings) {
    lines.push(`at the ceiling (the step reported below):\n${head}`);
    const at = (r: QueryResult) =>
      Object.fromEntries(WAYS.map((way) => [way, r.ceilings[way]?.cpu])) as Partial<Record<Way, CpuTotals>>;
    for (const r of results) lines.push(`${r.name.padEnd(16)} | ${cpuCells(at(r))}`);
  }
  return lines.join('\n');
}

const ceilingText = (c: Ceiling | undefined) =>
  !c
    ? pad('not run', 24)
    : !c.best
      ? pad(`none (${ms(c.steps[0]?.p99 ?? NaN)} ms at 1)`, 24)
      : `${pad(c.best.throughput.toFixed(1), 7)} ${pad(`@${c.best.concurrency}`, 4)} ${pad(ms(c.best.p50), 5)} ${pad(ms(c.best.p99), 5)}`;

/** The ceilings: req/s at the best concurrency, with that step's p50 and p99. */
export function formatCeilings(
  results: QueryResult[],
  bound: string,
  step: { seconds: number; warmupSeconds: number },
): string {
  const head = (label: string) => pad(label, 24);
  const lines = [
    `Throughput ceilings: closed loop at 1, 2, 4 ... clients, ${step.warmupSeconds} s warm-up + ${step.seconds} s per step, until p99 > ${bound}, ` +
      'errors, or three doublings add < 5% (from 8 clients on); the best step that held the bound',
    `${'query'.padEnd(16)} | ${WAYS.map((w) => head(LABELS[w])).join(' | ')} | stopped (${WAYS.join('; ')})`,
    `${''.padEnd(16)} | ${WAYS.map(() => head('req/s  @n   p50   p99')).join(' | ')} |`,
  ];
  for (const r of results) {
    lines.push(
      `${r.name.padEnd(16)} | ${WAYS.map((w) => ceilingText(r.ceilings[w])).join(' | ')} | ${WAYS.map((w) => r.ceilings[w]?.stop ?? '—').join('; ')}`,
    );
  }
  return lines.join('\n');
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && a > 0 && b > 0 ? (a / b).toFixed(2) : '—';

/**
 * Issue 25's goals, from the open-loop cells of one run: the gateway's own CPU per request
 * against the subgraph's when called directly, the subgraph's CPU behind the gateway against
 * called directly (what the gateway's requests make it do beyond the client's), and the latency.
 */
export function formatGatewayCost(results: QueryResult[]): string {
  const cols = [
    'gw cpu/sg cpu',
    'sg@gw/sg cpu',
    'gw/sg p50',
    'gw/sg p99',
    'in cpu/sg cpu',
    '(in-sg)/sg',
    'in/sg p50',
    'in/sg p99',
  ];
  const lines = [
    'Gateway cost, same run, open loop (goals: gw cpu/sg cpu ≤ 1, sg@gw/sg cpu ≤ 1.1, gw/sg p50 ≤ 1.3, p99 ≤ 1.5): ' +
      'gw cpu = the gateway process, sg@gw = the registry behind it, sg = the registry called directly, ' +
      'in = the gateway with the registry in its process (gateway and registry work together; in-sg is what the gateway adds there), CPU ms per request',
    `${'query'.padEnd(16)} | ${cols.map((c) => pad(c, 13)).join(' ')} | ${pad('gw cpu  sg@gw     sg     in', 27)}`,
  ];
  for (const r of results) {
    const { gateway: g, local: l, subgraph: s } = r.cells;
    const [viaGateway, direct, local] = [r.cpu.gateway, r.cpu.subgraph, r.cpu.local];
    const values = [
      ratio(viaGateway?.gateway, direct?.registry),
      ratio(viaGateway?.registry, direct?.registry),
      ratio(g?.p50, s?.p50),
      ratio(g?.p99, s?.p99),
      ratio(local?.gateway, direct?.registry),
      local && direct ? ratio(local.gateway - direct.registry, direct.registry) : '—',
      ratio(l?.p50, s?.p50),
      ratio(l?.p99, s?.p99),
    ];
    const figures = [
      perRequest(viaGateway, 'gateway'),
      perRequest(viaGateway, 'registry'),
      perRequest(direct, 'registry'),
      perRequest(local, 'gateway'),
    ];
    lines.push(
      `${r.name.padEnd(16)} | ${values.map((v) => pad(v, 13)).join(' ')} | ${pad(figures.map((f) => pad(f, 6)).join(' '), 27)}`,
    );
  }
  return lines.join('\n');
}

/** The issue's goals as ratios: gateway vs subgraph, each path vs the SQL floor, Hive vs Apollo. */
export function formatRatios(results: QueryResult[]): string {
  const cols = [
    'gw/sg p50',
    'gw/sg p99',
    'gw/sg ceil',
    'gw/sql p50',
    'gw/sql p99',
    'sg/sql p50',
    'sg/sql p99',
    'hive/gw p50',
    'hive/gw p99',
    'hive/gw ceil',
  ];
  const lines = [
    'Ratios, same run (latency from the open loop; goals: gw/sg ≤ 1.5 at p50 and p99, gw/sg ceiling ≥ 0.5, every path ≤ 3 × SQL; hive/gw < 1 means Hive was faster or carried more)',
    `${'query'.padEnd(16)} | ${cols.map((c) => pad(c, 12)).join(' ')}`,
  ];
  for (const r of results) {
    const { gateway: g, hive: h, subgraph: s, sql: q } = r.cells;
    const ceil = (way: Way) => r.ceilings[way]?.best?.throughput;
    const values = [
      ratio(g?.p50, s?.p50),
      ratio(g?.p99, s?.p99),
      ratio(ceil('gateway'), ceil('subgraph')),
      ratio(g?.p50, q?.p50),
      ratio(g?.p99, q?.p99),
      ratio(s?.p50, q?.p50),
      ratio(s?.p99, q?.p99),
      ratio(h?.p50, g?.p50),
      ratio(h?.p99, g?.p99),
      ratio(ceil('hive'), ceil('gateway')),
    ];
    lines.push(`${r.name.padEnd(16)} | ${values.map((v) => pad(v, 12)).join(' ')}`);
  }
  return lines.join('\n');
}
