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
