import type { EnrollmentStatus, TrainingApplication } from './types.js';

/**
 * The training process's own activities as its workflow sees them; the implementation is
 * services/processes/training/activities.ts (`satisfies` this). All idempotent.
 */
export interface TrainingActivities {
  /** The enrollment's projection row, AWAITING_ENDORSEMENT. */
  recordApplication(application: TrainingApplication): Promise<void>;
  /** Moves the projection to a status that needs no seat accounting. */
  setEnrollmentStatus(input: { enrollmentId: string; status: EnrollmentStatus }): Promise<void>;
  /** Under the course row lock: ENROLLED while a seat is free, else WAITLISTED (first in, first out). */
  claimSeat(input: { enrollmentId: string; courseId: string }): Promise<'ENROLLED' | 'WAITLISTED'>;
  /**
   * Under the course row lock: leaves with `status`; a seat this enrollment held goes to the
   * first on the waiting list, whose workflow is told (seatGranted). Returns who got it.
   */
  releaseSeat(input: { enrollmentId: string; courseId: string; status: EnrollmentStatus }): Promise<string | null>;
  recordAttendance(input: { enrollmentId: string; day: number; attended: boolean; recordedBy: string }): Promise<void>;
  /** Writes the completion certificate to the person's registry record (idempotent); its id. */
  issueCertificate(input: {
    enrollmentId: string;
    personId: string;
    courseTitle: string;
    issuedOn: string;
  }): Promise<string>;
}
