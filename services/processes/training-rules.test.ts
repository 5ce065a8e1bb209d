import { describe, expect, it } from 'vitest';
import { courseProblem, personNameProblem, seatOutcome } from './training-rules.js';

describe('training rules', () => {
  it('enrols while seats are free, then wait-lists', () => {
    expect(seatOutcome(0, 1)).toBe('ENROLLED');
    expect(seatOutcome(49, 50)).toBe('ENROLLED');
    expect(seatOutcome(50, 50)).toBe('WAITLISTED');
  });

  it('checks a person name', () => {
    expect(personNameProblem('张三')).toBeUndefined();
    expect(personNameProblem('  ')).toMatch(/empty/);
    expect(personNameProblem('x'.repeat(101))).toMatch(/longer/);
  });

  it('checks a course announcement field by field', () => {
    const sound = { title: '素质提升培训班', days: 4, capacity: 50, startsOn: '2026-12-07' };
    expect(courseProblem(sound)).toBeUndefined();
    expect(courseProblem({ ...sound, capacity: 0 })?.field).toBe('capacity');
    expect(courseProblem({ ...sound, days: 1.5 })?.field).toBe('days');
    expect(courseProblem({ ...sound, startsOn: '2026-02-30' })?.field).toBe('startsOn');
    expect(courseProblem({ ...sound, title: ' ' })?.field).toBe('title');
  });
});
