import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateShapeSql, notAnIsoDate, requireIsoDate, todayInChina } from './dates.js';
import { readConfig } from './config.js';

describe('the ISO date check', () => {
  it('knows real calendar days in the form yyyy-mm-dd only', () => {
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])
      expect(isIsoDate(good), good).toBe(true);
    const bad = [
      '2023-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
      '2026/01/01',
      '20260101',
      '2026-1-1',
      '2026-06-01T00:00:00Z',
      ' 2026-06-01',
      'yesterday',
      '',
      '0000-01-01',
    ];
    for (const value of bad) expect(isIsoDate(value), value).toBe(false);
    for (const value of [undefined, null, 20260101, new Date()]) expect(isIsoDate(value)).toBe(false);
  });

  it('reads years below 100 as themselves, not as 19xx', () => {
    // Date.UTC(4, 1, 29) is 1904-02-29; the year must be set on its own.
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0003-02-29')).toBe(false);
  });

  it('refuses with BAD_USER_INPUT naming the field, in one wording', () => {
    expect(requireIsoDate('2024-02-29', 'asOf')).toBe('2024-02-29');
    expect(() => requireIsoDate('2026-02-30', 'asOf')).toThrow(notAnIsoDate('2026-02-30'));
    expect(() => requireIsoDate('soon', 'from')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'from' } }),
    );
  });

  it('gives SQL the same shape (a PostgreSQL regex)', () => {
    expect(isoDateShapeSql("x ->> 'startedOn'")).toBe(String.raw`(x ->> 'startedOn' ~ '^(\d{4})-(\d{2})-(\d{2})$')`);
  });
});

// Production refuses the dev-only subgraph secret; any secret of its own will do here.
const PRODUCTION = { NODE_ENV: 'production', SUBGRAPH_SECRET: 'a-production-secret-of-at-least-32-characters' };

describe('a moved clock (HUB_CLOCK_OFFSET_DAYS)', () => {
  const LATE_EVENING_UTC = new Date('2026-12-07T23:30:00Z'); // 2026-12-08 in Shanghai

  it('moves the day the services call today by whole days, and no instant', () => {
    expect(todayInChina(LATE_EVENING_UTC, 0)).toBe('2026-12-08');
    expect(todayInChina(LATE_EVENING_UTC, 548)).toBe('2028-06-08');
    expect(todayInChina(LATE_EVENING_UTC, -8)).toBe('2026-11-30');
    expect(LATE_EVENING_UTC.toISOString()).toBe('2026-12-07T23:30:00.000Z');
  });

  it('is read and checked with the rest of the configuration, and refused in production', () => {
    expect(readConfig({}).clockOffsetDays).toBe(0);
    expect(readConfig({ HUB_CLOCK_OFFSET_DAYS: '548' }).clockOffsetDays).toBe(548);
    expect(readConfig({ HUB_CLOCK_OFFSET_DAYS: '-30' }).clockOffsetDays).toBe(-30);
    for (const bad of ['1.5', 'a year', '999999'])
      expect(() => readConfig({ HUB_CLOCK_OFFSET_DAYS: bad })).toThrow(/HUB_CLOCK_OFFSET_DAYS must be a whole number/);
    expect(() => readConfig({ HUB_CLOCK_OFFSET_DAYS: '548', ...PRODUCTION })).toThrow(
      /unset it under NODE_ENV=production/,
    );
    expect(readConfig({ HUB_CLOCK_OFFSET_DAYS: '0', ...PRODUCTION }).clockOffsetDays).toBe(0);
  });
});
