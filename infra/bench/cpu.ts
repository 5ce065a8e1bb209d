import type pg from 'pg';
import { cpuSeconds } from './evaluation/proc.js';

// CPU time each server spent on a cell, from the kernel's own counters (/proc/<pid>/stat utime +
// stime): the registry subgraph's and the gateway's child processes, and the PostgreSQL backends
// connected to the bench database (the subgraph's pool and the SQL floor's pool). Backends may
// come and go within a cell (pools close idle connections), so they are sampled twice a second:
// a backend born meanwhile counts from zero, one that ended counts up to its last sample.

export interface CpuTotals {
  /** CPU milliseconds per process group over the window. */
  registry: number;
  gateway: number;
  postgres: number;
  /** The load generator (this process), so a reader sees it was not the bottleneck. */
  client: number;
}

const cpuMs = (pid: number): number => {
  try {
    return cpuSeconds(pid) * 1000;
  } catch {
    return NaN; // gone
  }
};

/** PostgreSQL backends of `database` other than the sampler's own connection. */
async function backends(sampler: pg.ClientBase, database: string): Promise<number[]> {
  const { rows } = await sampler.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  return rows.map((r) => r.pid);
}

/**
 * Starts a window; `stop()` returns the CPU spent since. `sampler` is a dedicated connection
 * (its own backend is left out of the sum).
 */
export async function cpuWindow(o: {
  registryPid: number;
  gatewayPid: number;
  sampler: pg.ClientBase;
  database: string;
}) {
  const start = { registry: cpuMs(o.registryPid), gateway: cpuMs(o.gatewayPid), client: process.cpuUsage() };
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let sampling = Promise.resolve();
  const sample = async (initial: boolean) => {
    for (const pid of await backends(o.sampler, o.database)) {
      const now = cpuMs(pid);
      if (Number.isNaN(now)) continue;
      if (!first.has(pid)) first.set(pid, initial ? now : 0);
      last.set(pid, now);
    }
  };
  await sample(true);
  const timer = setInterval(() => {
    sampling = sampling.then(() => sample(false)).catch(() => undefined);
  }, 500);
  return {
    async stop(): Promise<CpuTotals> {
      clearInterval(timer);
      await sampling;
      await sample(false);
      const client = process.cpuUsage(start.client);
      let postgres = 0;
      for (const [pid, at] of last) postgres += at - first.get(pid)!;
      return {
        registry: cpuMs(o.registryPid) - start.registry,
        gateway: cpuMs(o.gatewayPid) - start.gateway,
        postgres,
        client: (client.user + client.system) / 1000,
      };
    },
  };
}
