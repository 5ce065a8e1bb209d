import { describe, expect, it } from 'vitest';
import { currentRating, gradesAtLeast, ratingInForce, validUntil } from './rating-rules.js';
import { Grade } from './entities/kinds.js';

describe('social-organization grades (valid five years)', () => {
  it('lapse five years after the award', () => {
    expect(validUntil('2021-03-15')).toBe('2026-03-15');
    // As PostgreSQL's date + interval '5 years': 29 February falls back to 28 February.
    expect(validUntil('2020-02-29')).toBe('2025-02-28');
    expect(validUntil('2024-12-31')).toBe('2029-12-31');
  });

  it('are in force from the award until the day before they lapse, unless revoked', () => {
    const rating = { awardedOn: '2020-06-01' };
    expect(ratingInForce(rating, '2020-05-31')).toBe(false);
    expect(ratingInForce(rating, '2020-06-01')).toBe(true);
    expect(ratingInForce(rating, '2025-05-31')).toBe(true);
    expect(ratingInForce(rating, '2025-06-01')).toBe(false);
    const revoked = { awardedOn: '2023-01-01', revokedOn: '2026-01-01' };
    expect(ratingInForce(revoked, '2025-12-31')).toBe(true);
    expect(ratingInForce(revoked, '2026-01-01')).toBe(false);
  });

  it('pick the most recent award in force as the current one', () => {
    const ratings = [
      { id: 'a', awardedOn: '2016-01-01' },
      { id: 'b', awardedOn: '2019-01-01' },
      { id: 'c', awardedOn: '2022-01-01', revokedOn: '2023-01-01' },
    ];
    expect(currentRating(ratings, '2020-06-01')?.id).toBe('b');
    expect(currentRating(ratings, '2022-06-01')?.id).toBe('c');
    expect(currentRating(ratings, '2023-06-01')?.id).toBe('b');
    expect(currentRating(ratings, '2024-01-01')).toBeNull();
  });

  it('compare as 1A < 2A < ... < 5A', () => {
    expect(gradesAtLeast(Grade.A3)).toEqual([Grade.A3, Grade.A4, Grade.A5]);
    expect(gradesAtLeast(Grade.A1)).toHaveLength(5);
    expect(gradesAtLeast(Grade.A5)).toEqual([Grade.A5]);
  });
});
