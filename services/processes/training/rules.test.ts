import { describe, expect, it } from 'vitest';
import { courseProblem, holdsPositionIn, seatOutcome } from './rules.js';
import { attendanceRules, completionOf, courseBounds } from '../../../workflows/training/rules.js';

describe('training rules', () => {
  it('enrols while seats are free, then wait-lists', () => {
    expect(seatOutcome(0, 1)).toBe('ENROLLED');
    expect(seatOutcome(49, 50)).toBe('ENROLLED');
    expect(seatOutcome(50, 50)).toBe('WAITLISTED');
  });

  it('checks a course announcement field by field', () => {
    const sound = { title: '素质提升培训班', days: 4, capacity: 50, startsOn: '2026-12-07' };
    const today = '2026-11-29';
    expect(courseProblem(sound, today)).toBeUndefined();
    expect(courseProblem({ ...sound, capacity: 0 }, today)?.field).toBe('capacity');
    expect(courseProblem({ ...sound, days: 1.5 }, today)?.field).toBe('days');
    expect(courseProblem({ ...sound, startsOn: '2026-02-30' }, today)?.field).toBe('startsOn');
    expect(courseProblem({ ...sound, title: ' ' }, today)?.field).toBe('title');
    expect(courseProblem({ ...sound, startsOn: '2026-11-28' }, today)?.message).toMatch(/in the past/);
    expect(courseProblem({ ...sound, startsOn: today }, today)).toBeUndefined();
    expect(courseProblem({ ...sound, title: '班'.repeat(201) }, today)?.message).toMatch(/longer than 200/);
    expect(courseProblem({ ...sound, title: '班'.repeat(200) }, today)).toBeUndefined();
    expect(courseProblem({ ...sound, title: '培训\u0000班' }, today)?.message).toMatch(/control characters/);
    expect(courseProblem({ ...sound, completionDays: 5 }, today)?.field).toBe('completionDays');
    expect(courseProblem({ ...sound, completionDays: 3 }, today)).toBeUndefined();
  });

  it('knows whether a person holds a position in an organisation on a day', () => {
    const positions = [
      { validFrom: '2020-01-01', validTo: '2024-12-31', organization: { id: 'a' } },
      { validFrom: '2025-01-01', validTo: null, organization: { id: 'b' } },
    ];
    expect(holdsPositionIn(positions, 'a', '2024-12-31')).toBe(true);
    expect(holdsPositionIn(positions, 'a', '2025-01-01')).toBe(false);
    expect(holdsPositionIn(positions, 'b', '2026-11-29')).toBe(true);
    expect(holdsPositionIn(positions, 'c', '2026-11-29')).toBe(false);
  });

  it('bounds a course in Beijing time, checks attendance and completion', () => {
    const { startsAt, endsAt } = courseBounds({ startsOn: '2026-12-07', days: 4 });
    expect(new Date(startsAt).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(endsAt - startsAt).toBe(4 * 86_400_000);
    expect(() => attendanceRules('ENROLLED', 4, { day: 4, attended: true, recordedBy: 'x' })).not.toThrow();
    expect(() => attendanceRules('ENROLLED', 4, { day: 5, attended: true, recordedBy: 'x' })).toThrow(/1 to 4/);
    expect(() => attendanceRules('WAITLISTED', 4, { day: 1, attended: true, recordedBy: 'x' })).toThrow(/WAITLISTED/);
    expect(completionOf({ 1: true, 2: true, 3: false, 4: true }, 4)).toBe(false);
    expect(completionOf({ 1: true, 2: true, 3: false, 4: true }, 3)).toBe(true);
  });
});
