import { log } from '../../common/log.js';
import type { UsageEntry } from './directory.js';

// Usage of each integrator client, counted in memory on the hot path (a map update a request)
// and added to the registry's table by one upsert every INTEGRATOR_USAGE_FLUSH_MS, and once
// more when the gateway stops. A flush that fails keeps its counts for the next one, so a
// registry that is down for a moment loses nothing; a gateway killed outright loses at most
// one interval's counts.

export class UsageCounter {
  private counts = new Map<string, UsageEntry>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (entries: UsageEntry[]) => Promise<void>,
    everyMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  /** One request of `clientId` running `operation` on `day` (Asia/Shanghai). */
  add(clientId: string, day: string, operation: string, failed: boolean, rows: number): void {
    const key = JSON.stringify([clientId, day, operation]);
    const entry = this.counts.get(key) ?? { clientId, day, operation, requests: 0, errors: 0, rows: 0 };
    entry.requests += 1;
    if (failed) entry.errors += 1;
    entry.rows += rows;
    this.counts.set(key, entry);
  }

  /** Sends what was counted since the last flush (one flush at a time). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.counts.size) return;
      const taken = this.counts;
      this.counts = new Map();
      try {
        await this.send([...taken.values()]);
      } catch (error) {
        log.warn('integrator usage: the registry did not take the counts; kept for the next flush', {
          error: (error as Error).message,
        });
        for (const [key, entry] of taken) {
          const now = this.counts.get(key);
          if (now) {
            now.requests += entry.requests;
            now.errors += entry.errors;
            now.rows += entry.rows;
          } else this.counts.set(key, entry);
        }
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

/** The items of every list in an answer's data: the rows a request was given. */
export function rowsIn(data: unknown): number {
  if (Array.isArray(data)) return data.length + data.reduce((sum: number, item) => sum + rowsIn(item), 0);
  if (data && typeof data === 'object') return Object.values(data).reduce((sum: number, v) => sum + rowsIn(v), 0);
  return 0;
}
