import { describe, expect, it } from 'vitest';
import { checkQuota, MinuteWindows, secondsToChinaMidnight } from './quota.js';
import { rowsIn } from './usage.js';
import type { ClientGrant } from './directory.js';

const grant = (quota: Partial<ClientGrant>): ClientGrant => ({
  clientId: 'ic_test',
  enabled: true,
  operations: [],
  requestsPerMinute: null,
  requestsPerDay: null,
  federationId: null,
  secretVersion: 1,
  requestsToday: 0,
  ...quota,
});
const code = (f: () => void) => {
  try {
    f();
    return undefined;
  } catch (error) {
    return (error as { extensions: { code: string; retryAfter: number } }).extensions;
  }
};

describe('integrator quotas', () => {
  it('counts requests per clock minute and client, starting again each minute', () => {
    const windows = new MinuteWindows();
    const t = Date.UTC(2026, 11, 8, 1, 2, 10);
    expect([windows.take('a', t), windows.take('a', t + 1000), windows.take('b', t)]).toEqual([1, 2, 1]);
    expect(windows.take('a', t + 50_000)).toBe(1);
  });

  it('refuses past the minute with the seconds to the next minute, past the day with the seconds to midnight in China', () => {
    const now = Date.UTC(2026, 11, 8, 1, 2, 10); // 09:02:10 in Shanghai
    expect(code(() => checkQuota(grant({ requestsPerMinute: 3 }), { thisMinute: 3, today: 99 }, now))).toBeUndefined();
    expect(code(() => checkQuota(grant({ requestsPerMinute: 3 }), { thisMinute: 4, today: 1 }, now))).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      retryAfter: 50,
    });
    expect(code(() => checkQuota(grant({ requestsPerDay: 10 }), { thisMinute: 1, today: 11 }, now))).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      retryAfter: 14 * 3600 + 57 * 60 + 50,
    });
    // 23:59:59.5 in Shanghai: the day ends within the second.
    expect(secondsToChinaMidnight(Date.UTC(2026, 11, 8, 15, 59, 59, 500))).toBe(1);
  });
});

describe('rows of an answer', () => {
  it('counts the items of every list, nested ones too', () => {
    expect(rowsIn(null)).toBe(0);
    expect(rowsIn({ organization: { id: 'x', name: 'y' } })).toBe(0);
    expect(rowsIn({ organizations: { edges: [{ node: { tags: ['a', 'b'] } }, { node: { tags: [] } }] } })).toBe(4);
  });
});
