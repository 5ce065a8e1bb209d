import { describe, expect, it } from 'vitest';
import {
  committeeDecides,
  DEFAULT_CUTOFFS,
  gradeFor,
  meanScores,
  proposalWords,
  reviewChangesGrade,
  rewardFor,
  spread,
  total,
  trackName,
} from './rules.js';

const s = (a: number, b: number, c: number, d: number) => ({
  basicConditions: a,
  internalGovernance: b,
  workPerformance: c,
  socialEvaluation: d,
});

describe('evaluation rules', () => {
  it('grades a total by the campaign cut-offs', () => {
    expect(gradeFor(1000, DEFAULT_CUTOFFS)).toBe('A5');
    expect(gradeFor(900, DEFAULT_CUTOFFS)).toBe('A5');
    expect(gradeFor(899, DEFAULT_CUTOFFS)).toBe('A4');
    expect(gradeFor(700, DEFAULT_CUTOFFS)).toBe('A3');
    expect(gradeFor(499, DEFAULT_CUTOFFS)).toBeNull();
    expect(gradeFor(850, { ...DEFAULT_CUTOFFS, A5: 850 })).toBe('A5');
  });

  it('averages reviewers and measures their spread', () => {
    const scores = [s(150, 280, 380, 140), s(140, 260, 350, 130)];
    expect(total(scores[0])).toBe(950);
    expect(meanScores(scores)).toEqual(s(145, 270, 365, 135));
    expect(spread(scores)).toBe(70);
  });

  it('needs two thirds present and a majority of them in committee', () => {
    expect(committeeDecides(7, 4, 1)).toEqual({ quorum: true, approved: true }); // 5 of 7 present
    expect(committeeDecides(7, 3, 1)).toEqual({ quorum: false, approved: false }); // 4 of 7
    expect(committeeDecides(6, 2, 2)).toEqual({ quorum: true, approved: false }); // a tie is no majority
  });

  it('changes a grade on review only with a majority of all members', () => {
    expect(reviewChangesGrade(5, 3)).toBe(true);
    expect(reviewChangesGrade(5, 2)).toBe(false);
    expect(reviewChangesGrade(4, 2)).toBe(false);
  });

  it('grants the reward of the grade', () => {
    expect(rewardFor('A5', { A5: 100 })).toBe(100);
    expect(rewardFor('A2', { A5: 100 })).toBe(0);
    expect(rewardFor(null, { A5: 100 })).toBe(0);
  });

  it('words a Four-Good proposal as a recognition, not a grade', () => {
    expect(proposalWords('RATING', 'A4')).toBe('拟评 A4');
    expect(proposalWords('FOUR_GOOD', 'A4')).toBe('拟认定为市级“四好”商会');
    expect(proposalWords('FOUR_GOOD', 'A5')).toBe('拟认定为市级“四好”商会，并推荐参评省级“四好”商会');
    for (const grade of ['A5', 'A4', 'A3'] as const) expect(proposalWords('FOUR_GOOD', grade)).not.toMatch(/A\d/);
    expect(trackName('FOUR_GOOD')).toBe('“四好”商会认定');
  });
});
