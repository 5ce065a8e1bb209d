import { describe, expect, it } from 'vitest';
import { addYears, inEffect, requireIsoDate, todayInChina } from './dates.js';

describe('registry dates', () => {
  it('accept only real ISO calendar days', () => {
    expect(requireIsoDate('2024-02-29', 'asOf')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2026-13-01', '2026-6-1', 'yesterday', '2026-06-01T00:00:00Z', '']) {
      expect(() => requireIsoDate(bad, 'asOf')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } }));
    }
  });

  it('take today from the Federation\'s calendar (China), not the server\'s', () => {
    expect(todayInChina(new Date('2026-06-01T16:30:00Z'))).toBe('2026-06-02');
    expect(todayInChina(new Date('2026-06-01T15:59:00Z'))).toBe('2026-06-01');
  });

  it('add years and hold periods from their first day to their last', () => {
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(inEffect('2019-06-01', null, '2019-06-01')).toBe(true);
    expect(inEffect('2019-06-01', null, '2019-05-31')).toBe(false);
    expect(inEffect('2018-01-01', '2024-01-01', '2023-12-31')).toBe(true);
    expect(inEffect('2018-01-01', '2024-01-01', '2024-01-01')).toBe(true);
    expect(inEffect('2018-01-01', '2024-01-01', '2024-01-02')).toBe(false);
  });
});
