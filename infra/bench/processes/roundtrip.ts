import { percentile } from '../load.js';

// Round trips, one request at a time (closed loop): the latency of one call on an idle system.
// The cells take turns (sample i of every cell, then sample i+1 ...), so each sees the same
// server state: the Temporal history tables and the task table grow during the run, and a
// cell measured later than another would otherwise pay for that.

export interface RoundTripCell {
  name: string;
  /** Sends this cell's k-th request (warm-up included, so each may use its own prepared task). */
  send: (k: number) => Promise<void>;
  /** Takes part in every `every`-th turn only (default 1): a costly breakdown cell needs fewer prepared tasks. */
  every?: number;
}

/** How many requests a cell sends in `turns` turns. */
export const callsOf = (turns: number, every = 1) => Math.ceil(turns / every);

export interface RoundTripResult {
  name: string;
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  firstError?: string;
  /** Sorted latencies in ms, for the ratios. */
  latencies: number[];
}

export async function roundTrips(
  cells: RoundTripCell[],
  warmup: number,
  samples: number,
  log: (line: string) => void,
): Promise<RoundTripResult[]> {
  const latencies = cells.map(() => [] as number[]);
  const errors = cells.map(() => ({ count: 0, first: undefined as string | undefined }));
  const sent = cells.map(() => 0);
  for (let i = 0; i < warmup + samples; i++) {
    for (const [c, cell] of cells.entries()) {
      if (i % (cell.every ?? 1) !== 0) continue;
      const started = performance.now();
      try {
        await cell.send(sent[c]++);
        if (i >= warmup) latencies[c].push(performance.now() - started);
      } catch (error) {
        if (i < warmup) continue;
        errors[c].count += 1;
        errors[c].first ??= error instanceof Error ? error.message : String(error);
      }
    }
    if ((i + 1) % 25 === 0 || i + 1 === warmup + samples)
      log(`  round trips: ${i + 1} of ${warmup + samples} (${warmup} warm-up)`);
  }
  return cells.map((cell, c) => {
    const sorted = latencies[c].sort((a, b) => a - b);
    return {
      name: cell.name,
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
      errors: errors[c].count,
      ...(errors[c].first ? { firstError: errors[c].first } : {}),
      latencies: sorted,
    };
  });
}
