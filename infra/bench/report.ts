import os from 'node:os';
import type pg from 'pg';
import type { CellResult } from './load.js';

// The printed result: one row per query, the three ways side by side, and the ratios of the
// latencies with the hand-written SQL as 1.

export const WAYS = ['gateway', 'subgraph', 'sql'] as const;
export type Way = (typeof WAYS)[number];

export interface QueryResult {
  name: string;
  rate: number;
  /** What the answer holds (rows, totals), so a reader sees the work each query did. */
  answer: string;
  cells: Partial<Record<Way, CellResult>>;
}

export async function machineLine(db: pg.Pool, servers: string): Promise<string> {
  const { rows } = await db.query<{ server_version: string }>('show server_version');
  const cpus = os.cpus();
  const memory = (os.totalmem() / 2 ** 30).toFixed(1);
  return `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${memory} GiB RAM, `
    + `Node ${process.version}, PostgreSQL ${rows[0]!.server_version}; servers: ${servers}`;
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pad = (text: string, width: number) => text.padStart(width);

/** "p50 p99 req/s errors", with a ✗ when the cell had errors (wrong answers included). */
function cellText(cell: CellResult | undefined): string {
  if (!cell) return pad('not run', 27);
  const mark = cell.errors > 0 ? `✗${cell.errors}` : '0';
  return `${pad(ms(cell.p50), 6)} ${pad(ms(cell.p99), 6)} ${pad(cell.throughput.toFixed(1), 6)} ${pad(mark, 6)}`;
}

function ratios(result: QueryResult, pick: (cell: CellResult) => number): string {
  const floor = result.cells.sql ? pick(result.cells.sql) : NaN;
  return WAYS.map((way) => {
    const cell = result.cells[way];
    return cell && floor > 0 ? (pick(cell) / floor).toFixed(1) : '—';
  }).join(' / ');
}

export function formatTable(results: QueryResult[], options: { seconds: number; warmupSeconds: number }): string {
  const head = (label: string) => pad(label, 27);
  const lines = [
    `Open loop, ${options.warmupSeconds} s warm-up + ${options.seconds} s measured per cell; latency in ms from the scheduled send time; `
      + 'cells: p50 p99 achieved-req/s errors (✗n = n failed or wrong answers)',
    `${'query'.padEnd(16)} ${pad('req/s', 5)} | ${head('gateway')} | ${head('subgraph')} | ${head('hand-written SQL')} | `
      + `${pad('p50 gw / sg / sql', 20)} | ${pad('p99 gw / sg / sql', 20)}`,
    `${''.padEnd(16)} ${pad('', 5)} | ${head('p50    p99  req/s    err')} | ${head('p50    p99  req/s    err')} | `
      + `${head('p50    p99  req/s    err')} |`,
  ];
  for (const result of results) {
    lines.push(
      `${result.name.padEnd(16)} ${pad(String(result.rate), 5)} | ${cellText(result.cells.gateway)} | ${cellText(result.cells.subgraph)} | `
        + `${cellText(result.cells.sql)} | ${pad(ratios(result, (c) => c.p50), 20)} | ${pad(ratios(result, (c) => c.p99), 20)}`,
    );
  }
  lines.push('', 'answers:', ...results.map((r) => `  ${r.name}: ${r.answer}`));
  const failures = results.flatMap((r) =>
    WAYS.flatMap((way) => (r.cells[way]?.firstError ? [`  ${r.name} / ${way}: ${r.cells[way]!.firstError}`] : [])),
  );
  if (failures.length) lines.push('first error per failed cell:', ...failures);
  return lines.join('\n');
}
