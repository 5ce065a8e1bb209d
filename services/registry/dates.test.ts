import { describe, expect, it } from 'vitest';
import { asOfDate } from './dates.js';
import { addYears } from '../common/dates.js';
import { todayInChina } from '../common/dates.js';

describe('registry dates', () => {
  it('take asOf when it is a date, refuse it when it is not, default to today', () => {
    expect(asOfDate('2024-02-29')).toBe('2024-02-29');
    expect(() => asOfDate('2023-02-29', 'filter.asOf')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.asOf' } }),
    );
    expect(asOfDate(undefined)).toBe(todayInChina());
  });

  it("take today from the Federation's calendar (China), not the server's", () => {
    expect(todayInChina(new Date('2026-06-01T16:30:00Z'))).toBe('2026-06-02');
    expect(todayInChina(new Date('2026-06-01T15:59:00Z'))).toBe('2026-06-01');
  });

  it('add years, 29 February falling back to 28 February', () => {
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
  });
});
