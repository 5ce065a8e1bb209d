import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate.js';
import { jsonDepth } from '../../common/http-body.js';

describe('the per-subject token bucket', () => {
  it('allows the burst, then the rate, per subject, with a Retry-After', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    for (let i = 0; i < 3; i++) limiter.take('a');
    expect(() => limiter.take('a')).toThrow(/at most 2 per second/);
    limiter.take('b'); // another subject has its own bucket
    now = 500; // half a second refills one request
    limiter.take('a');
    try {
      limiter.take('a');
      expect.fail('should be limited');
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfter: 1,
      });
    }
  });
});

describe('jsonDepth', () => {
  it('counts nesting outside strings and stops early', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth('['.repeat(100_000), 64)).toBe(65);
  });
});
