// An open-loop load generator: request i is due at start + i/rate and is sent then, whether or
// not earlier ones have finished. Its latency runs from that DUE time, not from when it was
// actually sent, so a stalled server is charged for the requests it kept waiting
// (no coordinated omission). Requests due in the warm-up are sent but not recorded.

export interface LoadOptions {
  /** Arrivals per second. */
  rate: number;
  /** Measured seconds, after the warm-up. */
  seconds: number;
  warmupSeconds: number;
  /** A request still open this long after it was due counts as an error. */
  timeoutMs: number;
}

export interface CellResult {
  rate: number;
  p50: number;
  p99: number;
  /** Completed (successful) measured requests per second of measured time. */
  throughput: number;
  sent: number;
  errors: number;
  /** Successful requests over the whole cell, warm-up included (what its CPU time is divided by). */
  answered: number;
  firstError?: string;
}

/** Sends one request; resolves when its answer was checked, rejects on any error or a wrong answer. */
export type Send = (signal: AbortSignal) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runOpenLoop(send: Send, options: LoadOptions): Promise<CellResult> {
  const interval = 1000 / options.rate;
  const warmup = Math.round(options.warmupSeconds * options.rate);
  const total = warmup + Math.round(options.seconds * options.rate);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let errors = 0;
  let answered = 0;
  let firstError: string | undefined;
  let lastDone = 0;
  const start = performance.now() + 10;
  const measureFrom = start + warmup * interval;

  const fire = (i: number, due: number) => {
    const signal = AbortSignal.timeout(Math.max(1, Math.round(options.timeoutMs - (performance.now() - due))));
    return send(signal).then(
      () => {
        const done = performance.now();
        answered += 1;
        if (i < warmup) return;
        latencies.push(done - due);
        lastDone = Math.max(lastDone, done);
      },
      (error: unknown) => {
        if (i < warmup) return;
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      },
    );
  };

  for (let i = 0; i < total;) {
    const now = performance.now();
    // Everything due by now goes out, so a late timer tick sends a burst rather than falling behind.
    while (i < total && start + i * interval <= now) {
      pending.push(fire(i, start + i * interval));
      i += 1;
    }
    if (i < total) await sleep(Math.max(0, start + i * interval - performance.now()));
  }
  await Promise.all(pending);

  latencies.sort((a, b) => a - b);
  const measuredMs = Math.max(options.seconds * 1000, lastDone - measureFrom);
  return {
    rate: options.rate,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / (measuredMs / 1000),
    sent: total - warmup,
    errors,
    answered,
    ...(firstError ? { firstError } : {}),
  };
}

/**
 * A closed loop: `concurrency` clients, each sending its next request as soon as the previous
 * one is answered, for the warm-up and then `seconds`. Latency runs from each actual send (a
 * closed loop has no schedule); throughput is what the server carried at that concurrency.
 */
export async function runClosedLoop(
  send: Send,
  options: Omit<LoadOptions, 'rate'> & { concurrency: number },
): Promise<CellResult & { concurrency: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let answered = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      try {
        await send(AbortSignal.timeout(options.timeoutMs));
        answered += 1;
        if (sent >= measureFrom) latencies.push(performance.now() - sent);
      } catch (error) {
        if (sent < measureFrom) continue;
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
        await sleep(10); // a failing server is not hammered in a tight loop
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  latencies.sort((a, b) => a - b);
  const measuredMs = Math.max(options.seconds * 1000, performance.now() - measureFrom);
  return {
    concurrency: options.concurrency,
    rate: NaN,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / (measuredMs / 1000),
    sent: latencies.length + errors,
    errors,
    answered,
    ...(firstError ? { firstError } : {}),
  };
}
