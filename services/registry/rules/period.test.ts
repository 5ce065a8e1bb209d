import { describe, expect, it } from 'vitest';
import { dateViolations, endBeforeStart, periodsOverlap, periodViolations } from './period.js';

describe('periods', () => {
  it('refuses an end before the start, allows a one-day period and an open end', () => {
    expect(periodViolations({ validFrom: '2020-05-01', validTo: '2020-04-30' })).toEqual([
      { field: 'validTo', message: 'validTo 2020-04-30 is before validFrom 2020-05-01' },
    ]);
    expect(periodViolations({ validFrom: '2020-05-01', validTo: '2020-05-01' })).toEqual([]);
    expect(periodViolations({ validFrom: '2020-05-01', validTo: null })).toEqual([]);
    expect(endBeforeStart('2020-01-01', '2019-12-31', { start: 'awardedOn', end: 'revokedOn' })[0].field).toBe(
      'revokedOn',
    );
  });

  it('overlaps when two periods share a day; open ends run forever', () => {
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: '2020-12-31' }, { validFrom: '2020-12-31' })).toBe(true);
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: '2020-12-31' }, { validFrom: '2021-01-01' })).toBe(false);
    expect(periodsOverlap({ validFrom: '2021-01-01' }, { validFrom: '2019-01-01', validTo: '2020-12-31' })).toBe(false);
    expect(periodsOverlap({ validFrom: '2019-01-01' }, { validFrom: '2030-01-01' })).toBe(true);
  });

  it('names the fields whose values are not real ISO days (the check: shared/dates.test.ts)', () => {
    expect(dateViolations({ validFrom: '2026-02-30', validTo: undefined, endedOn: null })).toEqual([
      { field: 'validFrom', message: expect.stringContaining('is not a date') },
    ]);
  });
});
