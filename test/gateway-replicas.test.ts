import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, token } from './support/hub.js';
import { Cleanup, hubEnv, startDelayProxy, startPart, type Child, type DelayProxy } from './support/processes.js';
import { freePort } from '../infra/dev/ports.js';
import { PostgresRateLimiter } from '../services/gateway/limits/shared-rate.js';
import { RateLimiter } from '../services/gateway/limits/rate.js';

// Two gateway processes in front of the global hub's subgraphs, as two replicas behind a load
// balancer: one rate limit between them (PostgreSQL), and a SIGTERM that stops taking requests
// while the one in flight is still answered.

const cleanup = new Cleanup();
let base: Record<string, string>;
let gatewayA: string;
let gatewayB: string;

beforeAll(async () => {
  base = await hubEnv({
    DATABASE_URL: inject('databaseUrl'),
    REGISTRY_URL: inject('registryUrl'),
    PROCESSES_URL: inject('processesUrl'),
    RATE_LIMIT_PER_SECOND: '1',
    RATE_LIMIT_BURST: '6',
  });
  const portB = String(await freePort());
  await Promise.all([
    startPart('gateway', base, cleanup, 'gateway A'),
    startPart('gateway', { ...base, GATEWAY_PORT: portB }, cleanup, 'gateway B'),
  ]);
  gatewayA = `http://127.0.0.1:${base.GATEWAY_PORT}/`;
  gatewayB = `http://127.0.0.1:${portB}/`;
}, 120_000);
afterAll(() => cleanup.run());

describe('two gateway replicas', () => {
  it('share one bucket per subject: 10 requests at once through both allow the burst of 6 (plus what refills), not 12', async () => {
    const subject = `shared-${Math.random().toString(36).slice(2, 8)}`;
    const as = await token(['INTEGRATOR'], [], subject);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gql('{ __typename }', {}, as, i % 2 ? gatewayB : gatewayA)),
    );
    const allowed = answers.filter((a) => a.status === 200).length;
    const limited = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    console.log(`[replicas] 10 requests through two gateways: ${allowed} allowed, ${limited.length} RATE_LIMITED`);
    // Each replica on its own would have allowed all 5 of its requests (burst 6 each).
    expect(allowed).toBeGreaterThanOrEqual(6);
    expect(allowed).toBeLessThanOrEqual(7); // one more only if a second passed while they ran
    expect(limited).toHaveLength(10 - allowed);
    expect(limited.every((a) => a.status === 429)).toBe(true);
    // Another subject has its own bucket.
    expect(
      (await gql('{ __typename }', {}, await token(['INTEGRATOR'], [], `${subject}-other`), gatewayB)).status,
    ).toBe(200);
  });

  it('falls back to counting in memory when PostgreSQL does not answer, and costs one short statement a request', async () => {
    const unreachable = new PostgresRateLimiter('postgres://nobody@127.0.0.1:9/none', 1, 2, new RateLimiter(1, 2));
    try {
      await unreachable.take('a');
      await unreachable.take('a');
      await expect(unreachable.take('a')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    } finally {
      await unreachable.close();
    }
    // The cost of a take, one client at a time (figures in docs/operations.md).
    const shared = new PostgresRateLimiter(inject('databaseUrl'), 1_000_000, 1_000_000, new RateLimiter(1, 1));
    const memory = new RateLimiter(1_000_000, 1_000_000);
    try {
      await shared.take('warm-up');
      const n = 2_000;
      let started = performance.now();
      for (let i = 0; i < n; i++) await shared.take(`cost-${i % 50}`);
      const sharedMs = (performance.now() - started) / n;
      started = performance.now();
      for (let i = 0; i < n; i++) memory.take(`cost-${i % 50}`);
      const memoryMs = (performance.now() - started) / n;
      console.log(
        `[replicas] a take costs ${sharedMs.toFixed(3)} ms in PostgreSQL, ${(memoryMs * 1000).toFixed(2)} µs in memory (${n} sequential takes, 50 subjects)`,
      );
      expect(sharedMs).toBeGreaterThan(0);
    } finally {
      await shared.close();
    }
  });
});

describe('a gateway stopped with SIGTERM', () => {
  let proxy: DelayProxy;
  let slow: Child;
  let slowUrl: string;
  beforeAll(async () => {
    // Its registry answers after 1.5 s, so a query is in flight when the signal comes.
    proxy = await startDelayProxy(inject('registryUrl'), cleanup);
    const port = String(await freePort());
    slow = await startPart(
      'gateway',
      { ...base, GATEWAY_PORT: port, REGISTRY_URL: proxy.url, SHUTDOWN_DELAY_SECONDS: '1' },
      cleanup,
      'gateway C',
    );
    slowUrl = `http://127.0.0.1:${port}`;
  }, 60_000);

  it('turns not-ready at once, answers the request in flight, then exits 0 and takes no more', async () => {
    const as = await token(['INTEGRATOR'], [], `drain-${Math.random().toString(36).slice(2, 8)}`);
    expect((await fetch(`${slowUrl}/readyz`)).status).toBe(200);
    proxy.delayMs = 1_500;
    const inFlight = gql('{ organizations(first: 1) { totalCount } }', {}, as, `${slowUrl}/`);
    await new Promise((done) => setTimeout(done, 300));
    const exited = new Promise<number | null>((resolve) => slow.process.once('exit', (code) => resolve(code)));
    slow.process.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 200));
    const readiness = await fetch(`${slowUrl}/readyz`);
    expect(readiness.status).toBe(503);
    expect(((await readiness.json()) as { checks: Record<string, string> }).checks.shutdown).toBe('stopping');
    const answer = await inFlight;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organizations.totalCount).toBeGreaterThan(0);
    expect(await exited).toBe(0);
    await expect(fetch(`${slowUrl}/healthz`)).rejects.toThrow();
    console.log(`[replicas] SIGTERM: ready → 503 in 200 ms; the request in flight answered; exit 0`);
  });
});
