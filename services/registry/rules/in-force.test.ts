import { describe, expect, it } from 'vitest';
import { inEffect, inEffectSql, notRevoked, ratingInForce, ratingInForceSql, validUntil } from './in-force.js';

// The plain predicates on their boundary days; test/in-force.test.ts runs the SQL twins on
// PostgreSQL against these.

describe('a rating in force', () => {
  it('lapses on its fifth anniversary; 29 February falls back to 28 February, as in SQL', () => {
    expect(validUntil('2021-03-15')).toBe('2026-03-15');
    expect(validUntil('2020-02-29')).toBe('2025-02-28');
    expect(validUntil('2024-12-31')).toBe('2029-12-31');
  });

  it('holds from awardedOn through the day before the fifth anniversary', () => {
    const rating = { awardedOn: '2020-06-01' };
    expect(ratingInForce(rating, '2020-05-31')).toBe(false);
    expect(ratingInForce(rating, '2020-06-01')).toBe(true);
    expect(ratingInForce(rating, '2025-05-31')).toBe(true);
    expect(ratingInForce(rating, '2025-06-01')).toBe(false);
    const leap = { awardedOn: '2020-02-29' };
    expect(ratingInForce(leap, '2025-02-27')).toBe(true);
    expect(ratingInForce(leap, '2025-02-28')).toBe(false);
  });

  it('is not in force on the day it is revoked', () => {
    const revoked = { awardedOn: '2023-01-01', revokedOn: '2026-01-01' };
    expect(ratingInForce(revoked, '2025-12-31')).toBe(true);
    expect(ratingInForce(revoked, '2026-01-01')).toBe(false);
    expect(ratingInForce({ awardedOn: '2023-01-01', revokedOn: '2023-01-01' }, '2023-01-01')).toBe(false);
    expect(ratingInForce({ awardedOn: '2023-01-01', revokedOn: null }, '2023-01-01')).toBe(true);
    expect(notRevoked('2026-01-01', '2025-12-31')).toBe(true);
    expect(notRevoked('2026-01-01', '2026-01-01')).toBe(false);
  });
});

describe('an edge or a position valid on a day', () => {
  it('holds from validFrom through validTo, its last day; an open validTo never ends', () => {
    expect(inEffect('2019-06-01', null, '2019-05-31')).toBe(false);
    expect(inEffect('2019-06-01', null, '2019-06-01')).toBe(true);
    expect(inEffect('2019-06-01', undefined, '2099-01-01')).toBe(true);
    expect(inEffect('2018-01-01', '2024-01-01', '2023-12-31')).toBe(true);
    expect(inEffect('2018-01-01', '2024-01-01', '2024-01-01')).toBe(true);
    expect(inEffect('2018-01-01', '2024-01-01', '2024-01-02')).toBe(false);
    expect(inEffect('2024-01-01', '2024-01-01', '2024-01-01')).toBe(true);
  });
});

describe('the SQL fragments', () => {
  it('name the alias and repeat the day expression, parenthesized', () => {
    expect(inEffectSql('e', 'day.as_of')).toBe(
      '(e.valid_from <= day.as_of and (e.valid_to is null or e.valid_to >= day.as_of))',
    );
    expect(ratingInForceSql('r', '$1::date')).toBe(
      "(r.awarded_on <= $1::date and $1::date < r.awarded_on + interval '5 years' and (r.revoked_on is null or r.revoked_on > $1::date))",
    );
  });

  it('refuse a ? placeholder, which cannot be repeated', () => {
    expect(() => inEffectSql('e', '?::date')).toThrow(/repeatable/);
    expect(() => ratingInForceSql('r', '?')).toThrow(/repeatable/);
  });
});
