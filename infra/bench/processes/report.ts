import os from 'node:os';
import type { CellResult } from '../load.js';
import type { RoundTripResult } from './roundtrip.js';
import type { UpdateAnatomy } from './phases.js';

// The printed result: the round trips and the sustained cells as tables, the ratios the brief
// asks for, and decideTask's time taken apart layer by layer.

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '—');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function machine(): string {
  const cpus = os.cpus();
  return (
    `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores (nproc ${os.availableParallelism()}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average now ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} ` +
    '(other work on the machine shows here)'
  );
}

export interface Sustained {
  name: string;
  cell: CellResult;
}

export interface Breakdown {
  db: { load: number };
  anatomy: UpdateAnatomy;
}

export function formatReport(o: {
  warmup: number;
  samples: number;
  seconds: number;
  rate: number;
  trips: Record<'gateway' | 'subgraph' | 'direct' | 'bare' | 'grpc', RoundTripResult>;
  sustained: Record<'enroll' | 'withStart' | 'start', Sustained>;
  breakdown: Breakdown;
  /** CPU-ms per step [hub child, Temporal server], each cell alone. */
  cpu: { decide: number[]; bare: number[] };
  /** The hub child's RSS in MiB: idle, peak while the CPU cells ran, at the end. */
  memory: { idle: number; peak: number; end: number };
}): string {
  const { trips: t, sustained: s, breakdown: b, cpu: c } = o;
  const lines = [
    `Round trips, one at a time, ${o.samples} samples after ${o.warmup} warm-up (the breakdown cells every 4th turn) (ms):`,
    row(['call', 'n', 'p50', 'p99', 'mean', 'errors']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...Object.values(t).map((r) =>
      row([r.name, String(r.samples), ms(r.p50), ms(r.p99), ms(r.mean), r.errors ? `✗${r.errors}` : '0']),
    ),
    '',
    `Sustained, open loop at ${o.rate}/s for ${o.seconds} s after ${o.warmup} warm-up requests (ms from each request's scheduled time):`,
    row(['call', 'target/s', 'achieved/s', 'p50', 'p99', 'errors']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...Object.values(s).map(({ name, cell: c }) =>
      row([name, String(c.rate), c.throughput.toFixed(1), ms(c.p50), ms(c.p99), c.errors ? `✗${c.errors}` : '0']),
    ),
    '',
    'Ratios (p50 / p99):',
    `  decideTask / bare update        ${ratio(t.gateway.p50, t.bare.p50)} / ${ratio(t.gateway.p99, t.bare.p99)}`,
    `  decideTask / gRPC call          ${ratio(t.gateway.p50, t.grpc.p50)} / ${ratio(t.gateway.p99, t.grpc.p99)}`,
    `  enrollInTraining / empty start  ${ratio(s.enroll.cell.p50, s.start.cell.p50)} / ${ratio(s.enroll.cell.p99, s.start.cell.p99)}`,
    `  enrollInTraining / update-with-start (trivial)  ${ratio(s.enroll.cell.p50, s.withStart.cell.p50)} / ${ratio(s.enroll.cell.p99, s.withStart.cell.p99)}`,
    '',
    'CPU-ms per step, each cell alone (hub child / Temporal server):',
    `  decideTask via gateway          ${ms(c.decide[0])} / ${ms(c.decide[1])}`,
    `  bare Workflow Update            ${ms(c.bare[0])} / ${ms(c.bare[1])}`,
    `  decideTask / bare update        ${ratio(c.decide[0] + c.decide[1], c.bare[0] + c.bare[1])} (hub + Temporal)`,
    `hub child RSS (MiB): idle ${ms(o.memory.idle)}, peak in the CPU cells ${ms(o.memory.peak)}, end ${ms(o.memory.end)}`,
    '',
    "Where decideTask's time goes (p50, ms):",
    `  gateway hop (gateway − subgraph)                         ${ms(t.gateway.p50 - t.subgraph.p50)}`,
    `  processes subgraph around the update (subgraph − update) ${ms(t.subgraph.p50 - t.direct.p50)}`,
    `    of which the resolver's DB step: task load ${ms(b.db.load)} (the process comes in the workflow's answer)`,
    `  the decide update itself (Temporal client → answer)      ${ms(t.direct.p50)}`,
    `    bare update on a trivial workflow                      ${ms(t.bare.p50)}`,
    `    in history, accepted → completed                       ${ms(b.anatomy.acceptedToCompleted)} ` +
      `(${b.anatomy.workflowTasks} workflow tasks, ${b.anatomy.activities.length} activities)`,
    ...b.anatomy.activities.map(
      (a) =>
        `      activity ${a.name.padEnd(20)} scheduled → started ${ms(a.dispatch).padStart(5)}, started → completed ${ms(a.run).padStart(5)}`,
    ),
    `      workflow task before each activity (previous step → scheduled) ${ms(b.anatomy.workflowTaskGap)}`,
  ];
  const failed = [
    ...Object.values(t).map((r) => [r.name, r.firstError] as const),
    ...Object.values(s).map((x) => [x.name, x.cell.firstError] as const),
  ].filter(([, e]) => e);
  if (failed.length) lines.push('', 'first error per failed cell:', ...failed.map(([n, e]) => `  ${n}: ${e}`));
  return lines.join('\n');
}
