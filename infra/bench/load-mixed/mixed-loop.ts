import { percentile } from '../load.js';

// An open loop like ../load.ts (latency from each request's due time, so a stalled server is
// charged for the requests it kept waiting), with two classes of request: honest ones, whose
// latency is the measurement, and hostile ones, which only have to be refused.

export interface MixedOptions {
  rate: number;
  seconds: number;
  warmupSeconds: number;
  timeoutMs: number;
  /** Every n-th request is hostile (0: none). */
  hostileEvery: number;
}

export interface ClassResult {
  sent: number;
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
}

export type Send = (i: number, signal: AbortSignal) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runMixed(
  honest: Send,
  hostile: Send,
  options: MixedOptions,
): Promise<{ honest: ClassResult; hostile: ClassResult }> {
  const interval = 1000 / options.rate;
  const warmup = Math.round(options.warmupSeconds * options.rate);
  const total = warmup + Math.round(options.seconds * options.rate);
  const classes = {
    honest: { latencies: [] as number[], sent: 0, errors: 0, firstError: undefined as string | undefined },
    hostile: { latencies: [] as number[], sent: 0, errors: 0, firstError: undefined as string | undefined },
  };
  const pending: Promise<void>[] = [];
  const start = performance.now() + 10;
  for (let i = 0; i < total;) {
    while (i < total && start + i * interval <= performance.now()) {
      const due = start + i * interval;
      const kind =
        options.hostileEvery > 0 && i % options.hostileEvery === options.hostileEvery - 1 ? 'hostile' : 'honest';
      const bucket = classes[kind];
      const measured = i >= warmup;
      if (measured) bucket.sent += 1;
      const signal = AbortSignal.timeout(options.timeoutMs);
      pending.push(
        (kind === 'honest' ? honest : hostile)(i, signal).then(
          () => void (measured && bucket.latencies.push(performance.now() - due)),
          (error: unknown) => {
            if (!measured) return;
            bucket.errors += 1;
            bucket.firstError ??= error instanceof Error ? error.message : String(error);
          },
        ),
      );
      i += 1;
    }
    if (i < total) await sleep(Math.max(0, start + i * interval - performance.now()));
  }
  await Promise.all(pending);
  const summary = (c: typeof classes.honest): ClassResult => {
    c.latencies.sort((a, b) => a - b);
    return {
      sent: c.sent,
      p50: percentile(c.latencies, 50),
      p99: percentile(c.latencies, 99),
      errors: c.errors,
      ...(c.firstError ? { firstError: c.firstError } : {}),
    };
  };
  return { honest: summary(classes.honest), hostile: summary(classes.hostile) };
}
