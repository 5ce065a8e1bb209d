import { describe, expect, it } from 'vitest';
import { currentRating, gradesAtLeast } from './rating-rules.js';
import { Grade } from './entities/kinds.js';

describe('social-organization grades (in force: rules/in-force.test.ts)', () => {
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
