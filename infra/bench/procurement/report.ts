import type { LaneResult } from './lanes.js';
import type { Screening } from './screening.js';

// The printed result: the closed-loop phases side by side (bids through the gateway beside no-op
// updates to empty workflows), screening at closing, then the hub's memory and CPU.

export type Phase = 'pilot' | 'floor' | 'publish' | 'bids' | 'screening';

export interface Figures {
  procurements: number;
  bids: number;
  concurrency: number;
  pilot: { procurements: number; bids: number; closingAheadSeconds: number };
  floor: LaneResult;
  publish: LaneResult;
  submit: LaneResult;
  /** Seconds from the last bid's answer to closing (idle; negative: bids were still being sent). */
  idleBeforeClosing: number;
  screening: Screening;
  /** The hub child's RSS in MiB: idle before any phase, peak per phase, at the end. */
  memory: { idle: number; end: number; peak: Record<Phase, number> };
  /** CPU seconds in each phase: [hub child, Temporal dev server]. */
  cpu: Record<Phase, number[]>;
}

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const f0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
const cpu = ([hub, server]: number[]) => `${f1(hub)} / ${f1(server)}`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const errors = (r: LaneResult) => (r.errors ? `✗${r.errors}` : '0');
const lanes = (name: string, r: LaneResult, o: Figures, phase: Phase) =>
  row([
    name,
    String(r.sent),
    f1(r.seconds),
    f1(r.perSecond),
    f0(r.p50),
    f0(r.p99),
    errors(r),
    f0(o.memory.peak[phase]),
    cpu(o.cpu[phase]),
    o.cpu[phase].map((seconds) => f1((seconds * 1000) / Math.max(1, r.ok))).join(' / '),
  ]);

export function formatReport(o: Figures): string {
  const { floor, submit, publish, screening: s } = o;
  const lines = [
    `Procurement: ${o.procurements} procurements × ${o.bids} bids (${o.procurements * o.bids} synthetic bidders, rated 4A; a committee of three), ` +
      `${o.concurrency} requests at a time, beside ${o.procurements} empty workflows taking ${o.bids} no-op updates each:`,
    row([
      'phase (closed loop)',
      'n',
      'seconds',
      'per second',
      'p50 ms',
      'p99 ms',
      'errors',
      'hub RSS peak (MiB)',
      'CPU s: hub / Temporal',
      'CPU-ms per step: hub / Temporal',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    lanes('no-op update to an empty workflow (Temporal client)', floor, o, 'floor'),
    lanes('submitBid via gateway, accepted', submit, o, 'bids'),
    lanes('publishProcurement via gateway (setup)', publish, o, 'publish'),
    '',
    `Screening at closing: all ${s.procurements} close at the same instant, ${o.bids} bids each (closing ${f1(o.idleBeforeClosing)} s after the last bid's answer):`,
    `  closesAt → stage SCORING, per procurement: p50 ${f2(s.p50)} s, p99 ${f2(s.p99)} s, max ${f2(s.max)} s`,
    `  all ${s.procurements} SCORING ${f2(s.max)} s after closing; all ${s.tasks} SCORE_BID tasks open ${f2(s.allTasksSeconds)} s after closing`,
    `  hub RSS peak ${f0(o.memory.peak.screening)} MiB, CPU s hub / Temporal ${cpu(o.cpu.screening)}`,
    '',
    `hub child RSS (MiB): idle ${f0(o.memory.idle)}, peak ${f0(Math.max(...Object.values(o.memory.peak)))}, end ${f0(o.memory.end)}; ` +
      `CPU s over the measured phases: hub ${f1(sum(o, 0))}, Temporal ${f1(sum(o, 1))}`,
    'Ratios (bids ÷ no-op updates):',
    `  per second   ${f2(submit.perSecond / floor.perSecond)}`,
    `  p50 latency  ${f1(submit.p50 / floor.p50)}×, p99 ${f1(submit.p99 / floor.p99)}×`,
    `pilot (warm-up, not counted; sets closing): ${o.pilot.procurements} procurements × ${o.pilot.bids} bids and as many empty workflows × updates; ` +
      `closing was set ${f0(o.pilot.closingAheadSeconds)} s ahead before publishing`,
  ];
  const failed = (
    [
      ['no-op update', floor],
      ['submitBid', submit],
      ['publishProcurement', publish],
    ] as const
  ).filter(([, r]) => r.firstError);
  if (failed.length) lines.push('first error per phase:', ...failed.map(([name, r]) => `  ${name}: ${r.firstError}`));
  return lines.join('\n');
}

const sum = (o: Figures, side: 0 | 1) =>
  (['floor', 'publish', 'bids', 'screening'] as const).reduce((total, phase) => total + o.cpu[phase][side], 0);
