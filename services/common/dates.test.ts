import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateShapeSql, notAnIsoDate, requireIsoDate } from './dates.js';

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
