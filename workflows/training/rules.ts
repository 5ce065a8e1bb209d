import type { AttendanceRecord, EnrollmentStatus, TrainingApplication } from './types.js';
import { DAY, HOUR } from '../common/time.js';
import { badRequest, notNow } from '../common/failures.js';

// Plain rules of the training process, deterministic so the workflow can call them and tests
// can too.

/** A course's first moment and the moment after its last day, in Beijing time (UTC+8). */
export function courseBounds(course: { startsOn: string; days: number }): { startsAt: number; endsAt: number } {
  const startsAt = Date.parse(`${course.startsOn}T00:00:00+08:00`);
  return { startsAt, endsAt: startsAt + course.days * DAY };
}

/** Throws, with a message a person can act on, when this attendance record cannot be taken. */
export function attendanceRules(status: EnrollmentStatus, days: number, record: AttendanceRecord): void {
  if (status !== 'ENROLLED') throw notNow(`Attendance is recorded for ENROLLED participants; this one is ${status}`);
  if (!Number.isInteger(record.day) || record.day < 1 || record.day > days) {
    throw badRequest(`day must be a day of the course, 1 to ${days}`, 'day');
  }
}

/** Completed when at least `completionDays` days were attended (all days unless the course says fewer). */
export function completionOf(attendance: Record<string, boolean>, completionDays: number): boolean {
  return Object.values(attendance).filter(Boolean).length >= completionDays;
}

type Deadlines = TrainingApplication['deadlines'];

/**
 * The deadlines of one application: the usual ones when the course is far enough off; when it
 * is not, each shrinks in proportion so that the chamber's endorsement, its escalation and the
 * Federation's confirmation all fall due before the course's first day (never under an hour).
 */
export function deadlinesBefore(startsAt: number, now: number, usual: Deadlines): Deadlines {
  const total = usual.endorsementMs + usual.escalationMs + usual.confirmationMs;
  const factor = Math.min(1, Math.max(0, startsAt - now) / total);
  const scaled = (ms: number) => Math.max(HOUR, Math.floor(ms * factor));
  if (factor === 1) return usual;
  return {
    endorsementMs: scaled(usual.endorsementMs),
    escalationMs: scaled(usual.escalationMs),
    confirmationMs: scaled(usual.confirmationMs),
  };
}
