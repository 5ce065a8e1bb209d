import { HeaderMap } from '@apollo/server';
import { HubError } from '../../common/errors.js';

// Per-identity rate limit at the gateway: a token bucket per token subject, in memory (one
// gateway process; several would each allow the rate, so RATE_LIMIT_STORE=postgres, the
// default, keeps the buckets in PostgreSQL instead: shared-rate.ts, which falls back to this
// one while PostgreSQL does not answer). A bucket holds up to `burst` requests
// and refills at `perSecond`; an empty bucket answers RATE_LIMITED (HTTP 429) with a
// Retry-After. The defaults (100/s, burst 200) leave the test suite and `npm run
// bench:registry` (40 requests/s on one token) untouched; RATE_LIMIT_PER_SECOND / _BURST set them.

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now = () => performance.now(),
  ) {}

  /** Takes one request from `subject`'s bucket, or throws RATE_LIMITED. */
  take(subject: string): void {
    const now = this.now();
    const bucket = this.buckets.get(subject) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(subject, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    throw rateLimited(
      subject,
      this.perSecond,
      this.burst,
      Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)),
    );
  }

  /** Buckets that have refilled are the same as no bucket: dropped, so memory stays bounded. */
  private forgetFull(now: number) {
    for (const [subject, b] of this.buckets) {
      if (b.tokens + ((now - b.updatedAt) / 1000) * this.perSecond >= this.burst) this.buckets.delete(subject);
    }
  }
}

/** RATE_LIMITED (HTTP 429) with Retry-After, as both stores answer it. */
export function rateLimited(subject: string, perSecond: number, burst: number, retryAfter: number): HubError {
  return new HubError(
    'RATE_LIMITED',
    `Too many requests for "${subject}": at most ${perSecond} per second (bursts of ${burst}); retry after ${retryAfter} s`,
    { retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
  );
}
