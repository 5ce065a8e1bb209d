import { describe, expect, it } from 'vitest';
import { attendanceDayProblem, courseProblem, holdsPositionIn, seatOutcome } from './rules.js';
import { attendanceRules, completionOf, courseBounds, deadlinesBefore } from '../../../workflows/training/rules.js';
import { DAY, HOUR } from '../../../workflows/common/time.js';

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
    expect(courseProblem({ ...sound, startsOn: '2026-11-28' }, today)?.message).toMatch(/早于今天/);
    expect(courseProblem({ ...sound, startsOn: today }, today)).toBeUndefined();
    expect(courseProblem({ ...sound, title: '班'.repeat(201) }, today)?.message).toMatch(/不能超过 200 个字/);
    expect(courseProblem({ ...sound, title: '班'.repeat(200) }, today)).toBeUndefined();
    expect(courseProblem({ ...sound, title: '培训\u0000班' }, today)?.message).toMatch(/控制字符/);
    expect(courseProblem({ ...sound, completionDays: 5 }, today)?.field).toBe('completionDays');
    expect(courseProblem({ ...sound, completionDays: 3 }, today)).toBeUndefined();
  });

  it('takes attendance on course days only: not before the day, not after the last day', () => {
    const course = { startsOn: '2026-12-07', days: 3 };
    expect(attendanceDayProblem(course, 1, '2026-12-06')).toBe(
      '培训第 1 天（2026-12-07）尚未到来，出勤只能在当天或之后记录（今天是 2026-12-06）',
    );
    expect(attendanceDayProblem(course, 1, '2026-12-07')).toBeUndefined();
    expect(attendanceDayProblem(course, 2, '2026-12-07')).toMatch(/第 2 天（2026-12-08）尚未到来/);
    expect(attendanceDayProblem(course, 1, '2026-12-09')).toBeUndefined();
    expect(attendanceDayProblem(course, 3, '2026-12-09')).toBeUndefined();
    expect(attendanceDayProblem(course, 3, '2026-12-10')).toBe('培训已于 2026-12-09 结束，不能再记录出勤');
  });

  it('makes every deadline fall before the course starts when the course is near', () => {
    const usual = { endorsementMs: 14 * DAY, escalationMs: 3 * DAY, confirmationMs: 7 * DAY };
    const now = Date.parse('2026-12-01T10:00:00+08:00');
    expect(deadlinesBefore(now + 30 * DAY, now, usual)).toBe(usual);
    const near = deadlinesBefore(now + 12 * DAY, now, usual);
    expect(near).toEqual({ endorsementMs: 7 * DAY, escalationMs: 1.5 * DAY, confirmationMs: 3.5 * DAY });
    expect(near.endorsementMs + near.escalationMs + near.confirmationMs).toBeLessThanOrEqual(12 * DAY);
    expect(deadlinesBefore(now + 2 * HOUR, now, usual).endorsementMs).toBe((2 * HOUR * 14) / 24);
    expect(deadlinesBefore(now + HOUR / 2, now, usual).confirmationMs).toBe(HOUR);
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
