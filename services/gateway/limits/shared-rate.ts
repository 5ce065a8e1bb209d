import pg from 'pg';
import type { HubConfig } from '../../common/config.js';
import type { ReadinessCheck } from '../../common/health.js';
import { log } from '../../common/log.js';
import { RateLimiter, rateLimited } from './rate.js';

// The per-subject rate limit shared by every gateway replica: the same token bucket as
// rate.ts, kept in PostgreSQL (gateway.rate_bucket, see ../rate-bucket.ts) and taken with one
// statement per request, so two replicas behind a load balancer allow the rate once, not twice.
// PostgreSQL is already what every part of the hub depends on, so no new service is needed.
//
// The upsert takes the row's lock: concurrent requests of one subject queue on it for the
// length of one statement (measured in docs/operations.md: ~0.3 ms a request on loopback), and
// requests of different subjects never meet. The statement refills the bucket by the time since
// its last request (now() of the statement's own transaction), then takes one token if there is
// one, and says in `allowed` whether it did.
//
// When PostgreSQL does not answer (within STATEMENT_TIMEOUT_MS), the gateway falls back to its
// own in-memory bucket for that request and logs it (at most every 30 s): with N replicas a
// subject may then get up to N times the rate, which is bounded, where refusing everyone would
// turn a database hiccup into a gateway outage and allowing everyone would drop the limit. The
// subgraphs behind it need PostgreSQL anyway, so such a moment serves little either way.

const TAKE = `
insert into gateway.rate_bucket as b (subject, tokens, updated_at, allowed)
values ($1, $3::float8 - 1, now(), true)
on conflict (subject) do update set
  tokens = least($3::float8, b.tokens + extract(epoch from now() - b.updated_at) * $2::float8)
         - case when least($3::float8, b.tokens + extract(epoch from now() - b.updated_at) * $2::float8) >= 1 then 1 else 0 end,
  allowed = least($3::float8, b.tokens + extract(epoch from now() - b.updated_at) * $2::float8) >= 1,
  updated_at = now()
returning tokens, allowed`;

/** Buckets untouched this long are full again: deleted now and then so the table stays small. */
const FORGET = `delete from gateway.rate_bucket where updated_at < now() - interval '1 hour'`;
const STATEMENT_TIMEOUT_MS = 1_000;
const FORGET_EVERY_MS = 10 * 60_000;

export interface SubjectRateLimiter {
  /** Takes one request from `subject`'s bucket, or throws RATE_LIMITED. */
  take(subject: string): Promise<void>;
  /** What the gateway's /readyz checks for the limiter (PostgreSQL answers). */
  readinessChecks(): Record<string, ReadinessCheck>;
  close(): Promise<void>;
}

/** The limiter RATE_LIMIT_STORE asks for. */
export function rateLimiterFor(settings: Pick<HubConfig, 'rateLimit' | 'databaseUrl'>): SubjectRateLimiter {
  const { perSecond, burst, store } = settings.rateLimit;
  const memory = new RateLimiter(perSecond, burst);
  if (store === 'memory') {
    return { take: async (subject) => memory.take(subject), readinessChecks: () => ({}), close: async () => {} };
  }
  return new PostgresRateLimiter(settings.databaseUrl, perSecond, burst, memory);
}

export class PostgresRateLimiter implements SubjectRateLimiter {
  private readonly pool: pg.Pool;
  private lastWarning = 0;
  private readonly forgetting: NodeJS.Timeout;

  constructor(
    databaseUrl: string,
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly fallback: RateLimiter,
  ) {
    // A few connections: one statement of well under a millisecond per request.
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 4,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: STATEMENT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      application_name: 'hub-gateway-rate-limit',
    });
    this.pool.on('error', () => undefined); // an idle connection's loss: the next query reconnects
    this.forgetting = setInterval(() => void this.pool.query(FORGET).catch(() => undefined), FORGET_EVERY_MS);
    this.forgetting.unref();
  }

  async take(subject: string): Promise<void> {
    let row: { tokens: number; allowed: boolean } | undefined;
    try {
      // A named statement: each connection parses and plans the upsert once, not on every request.
      const take = { name: 'gateway rate take', text: TAKE, values: [subject, this.perSecond, this.burst] };
      row = (await this.pool.query<{ tokens: number; allowed: boolean }>(take)).rows[0];
    } catch (error) {
      if (Date.now() - this.lastWarning > 30_000) {
        this.lastWarning = Date.now();
        log.warn("the shared rate limit's PostgreSQL did not answer: this gateway counts requests on its own", {
          error,
        });
      }
      return this.fallback.take(subject);
    }
    if (row?.allowed) return;
    const tokens = row?.tokens ?? 0;
    throw rateLimited(subject, this.perSecond, this.burst, Math.max(1, Math.ceil((1 - tokens) / this.perSecond)));
  }

  readinessChecks(): Record<string, ReadinessCheck> {
    return { postgres: () => this.pool.query('select 1') };
  }

  async close(): Promise<void> {
    clearInterval(this.forgetting);
    await this.pool.end();
  }
}
