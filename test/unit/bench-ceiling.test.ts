import { describe, expect, it } from 'vitest';
import { findCeiling, parseBound, type Step } from '../../infra/bench/ceiling.js';

// The ceiling's climb (infra/bench/ceiling.ts) on made-up steps: where it stops and what it keeps.

const step = (concurrency: number, throughput: number, p99: number, errors = 0): Step => ({
  concurrency,
  throughput,
  p99,
  p50: p99 / 2,
  rate: NaN,
  sent: 1,
  errors,
  answered: 1,
});

async function climb(table: Record<number, [number, number, number?]>, bound = '250', maxConcurrency = 64) {
  const seen: number[] = [];
  const found = await findCeiling(
    async (n) => {
      seen.push(n);
      const [throughput, p99, errors] = table[n];
      return step(n, throughput, p99, errors);
    },
    { maxConcurrency, bound: parseBound(bound) },
    () => undefined,
  );
  return { ...found, seen };
}

describe('bench ceiling', () => {
  it('reads --p99-bound as ms, a multiple of the one-client p99, or the larger of both', () => {
    expect(parseBound('250')).toEqual({ ms: 250 });
    expect(parseBound('5x')).toEqual({ times: 5 });
    expect(parseBound('5x,100')).toEqual({ times: 5, ms: 100 });
    expect(() => parseBound('fast')).toThrow(/--p99-bound/);
  });

  it('keeps the best step under the bound and stops at the first above it', async () => {
    const found = await climb({ 1: [100, 10], 2: [180, 20], 4: [250, 60], 8: [240, 300] });
    expect(found.best?.concurrency).toBe(4);
    expect(found.seen).toEqual([1, 2, 4, 8]);
    expect(found.stop).toMatch(/p99 300 ms > 250 ms at 8 clients/);
  });

  it('holds a relative bound to the one-client p99', async () => {
    const found = await climb({ 1: [100, 10], 2: [150, 40], 4: [160, 60] }, '5x');
    expect(found.boundMs).toBe(50);
    expect(found.best?.concurrency).toBe(2);
  });

  it('calls a path saturated only after three flat doublings and 8 clients, and stops on errors', async () => {
    const flat = await climb({ 1: [100, 5], 2: [98, 6], 4: [99, 8], 8: [101, 12], 16: [100, 20] });
    expect(flat.seen).toEqual([1, 2, 4, 8]);
    expect(flat.stop).toMatch(/saturated/);
    const noisy = await climb({
      1: [100, 5],
      2: [90, 6],
      4: [200, 8],
      8: [300, 12],
      16: [310, 20],
      32: [305, 40],
      64: [300, 80],
    });
    expect(noisy.best?.concurrency).toBe(16);
    expect(noisy.stop).toMatch(/64 clients/);
    const failing = await climb({ 1: [100, 5], 2: [0, 5, 3] });
    expect(failing.stop).toMatch(/3 errors at 2 clients/);
    expect(failing.best?.concurrency).toBe(1);
  });
});
