import { percentile } from '../load.js';

// A closed loop: `concurrency` lanes, each sending its next request when its last one answered,
// until `total` are sent. What the bids and their floor are both measured with.

/** A phase in which no request succeeded for this long is stuck, not slow: give up. */
const STALL_MS = 60_000;

export interface LaneResult {
  sent: number;
  /** Answered without error. */
  ok: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Answered without error, per second of the whole phase. */
  perSecond: number;
  /** Latency of the answered requests (ms). */
  p50: number;
  p99: number;
}

/**
 * Sends requests 0 … total − 1, `concurrency` at a time; a failed request is counted, not
 * thrown. Throws when no request has succeeded for STALL_MS (the rest are left running).
 */
export async function inLanes(
  what: string,
  total: number,
  concurrency: number,
  send: (i: number) => Promise<void>,
  log: (line: string) => void,
): Promise<LaneResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const began = performance.now();
  let succeeded = began;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const sent = performance.now();
      try {
        await send(i);
        succeeded = performance.now();
        latencies.push(succeeded - sent);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const answered = () =>
    `${latencies.length + errors} of ${total} answered${errors ? `, ${errors} errors (${firstError})` : ''}`;
  const progress = setInterval(() => log(`  ${what}: ${answered()}`), 5000);
  let watchdog: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    watchdog = setInterval(() => {
      if (performance.now() - succeeded > STALL_MS)
        reject(new Error(`${what}: no request succeeded for ${STALL_MS / 1000} s; ${answered()}`));
    }, 1000);
  });
  await Promise.race([Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane)), stalled]).finally(() => {
    clearInterval(progress);
    clearInterval(watchdog);
  });
  const seconds = (performance.now() - began) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok: sorted.length,
    errors,
    ...(firstError ? { firstError } : {}),
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}
