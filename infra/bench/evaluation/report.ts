import type { ApplyPhase, InvitationPhase } from './campaign.js';
import type { LaneResult } from '../procurement/lanes.js';

// The printed result: one table of phases (time, rate, the hub's memory and CPU in each), then
// the ratios to the empty-children floor the brief asks for.

export interface Figures {
  synthetic: number;
  concurrency: number;
  invitations: InvitationPhase;
  applies: ApplyPhase;
  empty: { children: number; seconds: number };
  /** As many no-op updates to empty workflows, as many at a time: the floor of the `decide` updates. */
  noop: LaneResult;
  /** The hub child's RSS in MiB: idle before any phase, peak per phase, at the end. */
  memory: {
    idle: number;
    beforeCampaign: number;
    end: number;
    peak: Record<Phase, number>;
  };
  /** CPU seconds in each phase: [hub child, Temporal dev server]. */
  cpu: Record<Phase, number[]>;
}

type Phase = 'empty' | 'invitations' | 'noop' | 'applies';

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const f0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
const cpu = ([hub, server]: number[]) => `${f1(hub)} / ${f1(server)}`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function formatReport(o: Figures): string {
  const { invitations: inv, applies: app, empty, noop } = o;
  const perStep = (phase: Phase, n: number) => o.cpu[phase].map((s) => f1((s * 1000) / n)).join(' / ');
  const rate = {
    inv: inv.eligible / inv.seconds,
    app: app.applications / app.seconds,
    empty: empty.children / empty.seconds,
  };
  const afterEligibility = inv.eligible / (inv.seconds - inv.eligibilitySeconds);
  return [
    `Evaluation campaign over ${inv.eligible} eligible organisations (${o.synthetic} synthetic + ${inv.eligible - o.synthetic} from the seed; ${inv.ineligible} ineligible), ` +
      `beside ${empty.children} empty child workflows:`,
    row(['phase', 'n', 'seconds', 'per second', 'hub RSS peak (MiB)', 'CPU s: hub / Temporal']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    row([
      'empty children: parent start → all children completed',
      String(empty.children),
      f1(empty.seconds),
      f1(rate.empty),
      f0(o.memory.peak.empty),
      cpu(o.cpu.empty),
    ]),
    row([
      'campaign start → every invitation task open',
      String(inv.eligible),
      f1(inv.seconds),
      f1(rate.inv),
      f0(o.memory.peak.invitations),
      cpu(o.cpu.invitations),
    ]),
    row(['  of which eligibility (registry read, paged 100)', '', f1(inv.eligibilitySeconds), '', '', '']),
    row([
      'first APPLY → every self-assessment task open',
      String(app.applications),
      f1(app.seconds),
      f1(rate.app),
      f0(o.memory.peak.applies),
      cpu(o.cpu.applies),
    ]),
    row(['  of which all `decide` updates answered', '', f1(app.decidedSeconds), '', '', '']),
    row([
      'no-op updates to 100 empty workflows (the floor of `decide`)',
      String(noop.ok),
      f1(noop.seconds),
      f1(noop.perSecond),
      f0(o.memory.peak.noop),
      cpu(o.cpu.noop),
    ]),
    '',
    `At ${o.concurrency} at a time, p50 / p99 ms: \`decide\` update ${f0(app.updateP50)} / ${f0(app.updateP99)}, ` +
      `no-op update ${f0(noop.p50)} / ${f0(noop.p99)}: ${(app.updateP50 / noop.p50).toFixed(1)}× / ${(app.updateP99 / noop.p99).toFixed(1)}×`,
    `CPU-ms per step, hub / Temporal: APPLY decided and self-assessment opened ${perStep('applies', app.applications)}, ` +
      `no-op update ${perStep('noop', noop.ok)}`,
    `hub child RSS (MiB): idle ${f0(o.memory.idle)}, before the campaign ${f0(o.memory.beforeCampaign)}, ` +
      `peak ${f0(Math.max(...Object.values(o.memory.peak)))}, end ${f0(o.memory.end)}`,
    'Ratios to the empty children (per second ÷ per second):',
    `  campaign invitations / empty children      ${(rate.inv / rate.empty).toFixed(2)}`,
    `    (after eligibility: ${f1(afterEligibility)}/s, ${(afterEligibility / rate.empty).toFixed(2)})`,
    `  self-assessments opened / empty children   ${(rate.app / rate.empty).toFixed(2)}`,
  ].join('\n');
}
