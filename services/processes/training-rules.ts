import { EnrollmentStatus } from './entities/training-enrollment.js';

// The seat rule of training enrollment (培训报名): an endorsed applicant takes a seat while one
// is free, otherwise joins the waiting list. Callers hold the course row lock while counting.
export function seatOutcome(enrolledCount: number, capacity: number): EnrollmentStatus.ENROLLED | EnrollmentStatus.WAITLISTED {
  return enrolledCount < capacity ? EnrollmentStatus.ENROLLED : EnrollmentStatus.WAITLISTED;
}

export const PERSON_NAME_MAX = 100;

/** A person's name as typed on the form; undefined when it cannot be a name. */
export function personNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'personName must not be empty';
  if (trimmed.length > PERSON_NAME_MAX) return `personName is longer than ${PERSON_NAME_MAX} characters`;
  return undefined;
}

export interface CourseDraft {
  title: string;
  days: number;
  capacity: number;
  startsOn: string;
}

/** The first thing wrong with a course announcement, naming the field; undefined when sound. */
export function courseProblem(course: CourseDraft): { field: string; message: string } | undefined {
  if (course.title.trim().length === 0) return { field: 'title', message: 'title must not be empty' };
  if (!Number.isInteger(course.days) || course.days < 1 || course.days > 365) {
    return { field: 'days', message: 'days must be a whole number from 1 to 365' };
  }
  if (!Number.isInteger(course.capacity) || course.capacity < 1 || course.capacity > 10_000) {
    return { field: 'capacity', message: 'capacity must be a whole number from 1 to 10000' };
  }
  const date = /^\d{4}-\d{2}-\d{2}$/.test(course.startsOn) ? new Date(`${course.startsOn}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== course.startsOn) {
    return { field: 'startsOn', message: `"${course.startsOn}" is not a calendar date (YYYY-MM-DD)` };
  }
  return undefined;
}
