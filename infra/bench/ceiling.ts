import type { CellResult } from './load.js';

// A path's throughput ceiling: closed loops at rising concurrency (1, 2, 4, ...) until the p99
// passes a bound, the loop errs, or doubling the clients three times stopped adding throughput
// (then only the queue grows). The ceiling is the highest throughput of a step whose p99 held the bound.

export interface CeilingOptions {
  maxConcurrency: number;
  /** p99 bound: milliseconds, or `times` × the path's own p99 at concurrency 1 (the larger when both). */
  bound: P99Bound;
}

export interface P99Bound {
  ms?: number;
  times?: number;
}

export type Step = CellResult & { concurrency: number };

export interface Ceiling<S extends Step = Step> {
  steps: S[];
  /** The p99 bound the steps were held to (ms). */
  boundMs: number;
  /** The best step that held it; undefined when even one client broke it. */
  best?: S;
  /** Why the climb stopped. */
  stop: string;
}

/** `--p99-bound`: "250" (ms), "5x" (times the concurrency-1 p99) or "5x,250" (the larger). */
export function parseBound(raw: string): P99Bound {
  const bound: P99Bound = {};
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const times = /^(\d+(?:\.\d+)?)x$/i.exec(part);
    const value = Number(times ? times[1] : part);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--p99-bound takes "250", "5x" or "5x,250", got "${raw}"`);
    if (times) bound.times = value;
    else bound.ms = value;
  }
  if (bound.ms === undefined && bound.times === undefined) throw new Error('--p99-bound is empty');
  return bound;
}

export const boundText = (b: P99Bound) =>
  [b.times !== undefined ? `${b.times}× the path's p99 at 1 client` : '', b.ms !== undefined ? `${b.ms} ms` : '']
    .filter(Boolean)
    .join(' or ') + (b.times !== undefined && b.ms !== undefined ? ', whichever is larger' : '');

/** `run(n)` measures one step with n clients (a closed loop, see load.ts). */
export async function findCeiling<S extends Step>(
  run: (concurrency: number) => Promise<S>,
  o: CeilingOptions,
  progress: (step: S, boundMs: number) => void,
): Promise<Ceiling<S>> {
  const steps: S[] = [];
  let boundMs = o.bound.ms ?? Infinity;
  let best: S | undefined;
  let flat = 0;
  for (let concurrency = 1; ; concurrency *= 2) {
    const step = await run(concurrency);
    steps.push(step);
    if (concurrency === 1 && o.bound.times !== undefined) {
      const relative = o.bound.times * step.p99;
      boundMs = o.bound.ms === undefined ? relative : Math.max(o.bound.ms, relative);
    }
    progress(step, boundMs);
    if (step.errors > 0) return { steps, boundMs, best, stop: `${step.errors} errors at ${concurrency} clients` };
    if (!(step.p99 <= boundMs))
      return {
        steps,
        boundMs,
        best,
        stop: `p99 ${step.p99.toFixed(0)} ms > ${boundMs.toFixed(0)} ms at ${concurrency} clients`,
      };
    // Three doublings in a row without 5% over the best so far (and 8 clients at least: one noisy
    // step on a busy machine must not end the climb) mean the path is saturated.
    flat = best && step.throughput < best.throughput * 1.05 ? flat + 1 : 0;
    if (!best || step.throughput > best.throughput) best = step;
    if (flat >= 3 && concurrency >= 8)
      return { steps, boundMs, best, stop: `saturated (no gain from ${concurrency / 8} to ${concurrency} clients)` };
    if (concurrency * 2 > o.maxConcurrency)
      return { steps, boundMs, best, stop: `reached ${concurrency} clients (--max-concurrency)` };
  }
}
