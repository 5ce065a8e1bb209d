import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { TrainingActivities } from '../../../workflows/training/activities.js';
import { seatGrantedSignal } from '../../../workflows/training/types.js';
import { TrainingCourse } from './course.js';
import { EnrollmentStatus, TrainingEnrollment } from './enrollment.js';
import { TrainingAttendance } from './attendance.js';
import { seatOutcome } from './rules.js';
import type { RegistryClient } from '../registry/client.js';
import { permanentOnRefusal } from '../registry/refusals.js';

// The training process's side effects: its projection rows, seat accounting under the course
// row lock, and the certificate written back to the registry. All idempotent.

export interface TrainingActivityDeps {
  orm: MikroORM;
  registry: RegistryClient;
  /** Tells a wait-listed run that it got a seat. */
  temporal: Client;
  now?: () => Date;
}

export function createTrainingActivities({ orm, registry, temporal, now = () => new Date() }: TrainingActivityDeps) {
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  const lockCourse = (em: EntityManager, courseId: string) =>
    em.findOneOrFail(TrainingCourse, courseId, { lockMode: LockMode.PESSIMISTIC_WRITE });

  return {
    async recordApplication(app) {
      await inTransaction(async (em) => {
        if (await em.findOne(TrainingEnrollment, app.enrollmentId)) return;
        em.create(TrainingEnrollment, {
          id: app.enrollmentId,
          workflowId: app.workflowId,
          course: em.getReference(TrainingCourse, app.course.id),
          personId: app.personId,
          personName: app.personName,
          organizationId: app.organizationId,
          status: EnrollmentStatus.AWAITING_ENDORSEMENT,
          requestedBy: app.requestedBy,
          requestedAt: now(),
        });
      });
    },

    async setEnrollmentStatus({ enrollmentId, status }) {
      // One statement (it runs inside the workflow task that answers the endorsement); a retry
      // finds the status already set and changes nothing, closedAt included.
      const em = orm.em.fork();
      const closes = !['AWAITING_ENDORSEMENT', 'AWAITING_CONFIRMATION', 'ENROLLED', 'WAITLISTED'].includes(status);
      const changed = await em.nativeUpdate(
        TrainingEnrollment,
        { id: enrollmentId, status: { $ne: status as EnrollmentStatus } },
        { status: status as EnrollmentStatus, ...(closes ? { closedAt: now() } : {}) },
      );
      if (!changed) await em.findOneOrFail(TrainingEnrollment, enrollmentId, { fields: ['id'] }); // there, and so already
    },

    async claimSeat({ enrollmentId, courseId }) {
      return inTransaction(async (em) => {
        const course = await lockCourse(em, courseId);
        const enrollment = await em.findOneOrFail(TrainingEnrollment, enrollmentId);
        if (enrollment.status === EnrollmentStatus.ENROLLED || enrollment.status === EnrollmentStatus.WAITLISTED) {
          return enrollment.status; // a retry after the first attempt committed
        }
        const enrolled = await em.count(TrainingEnrollment, { course, status: EnrollmentStatus.ENROLLED });
        enrollment.status = seatOutcome(enrolled, course.capacity);
        if (enrollment.status === EnrollmentStatus.WAITLISTED) enrollment.waitlistedAt = now();
        return enrollment.status;
      });
    },

    async releaseSeat({ enrollmentId, courseId, status }) {
      await inTransaction(async (em) => {
        await lockCourse(em, courseId);
        const leaving = await em.findOneOrFail(TrainingEnrollment, enrollmentId);
        const heldSeat = leaving.status === EnrollmentStatus.ENROLLED;
        if (leaving.status === status) return; // a retry: the seat (if any) was handed on already
        leaving.status = status as EnrollmentStatus;
        leaving.closedAt = now();
        if (!heldSeat) return;
        const [next] = await em.find(
          TrainingEnrollment,
          { course: courseId, status: EnrollmentStatus.WAITLISTED },
          { orderBy: { waitlistedAt: 'asc', id: 'asc' }, limit: 1 },
        );
        if (next) Object.assign(next, { status: EnrollmentStatus.ENROLLED, promotedFrom: enrollmentId });
      });
      // After the commit, and again on a retry: the promoted run hears of its seat (a signal
      // twice is harmless, the workflow only sets a flag).
      const promoted = await orm.em.fork().findOne(TrainingEnrollment, { promotedFrom: enrollmentId });
      if (promoted) await temporal.workflow.getHandle(promoted.workflowId).signal(seatGrantedSignal);
      return promoted?.id ?? null;
    },

    async recordAttendance({ enrollmentId, day, attended, recordedBy }) {
      await inTransaction(async (em) => {
        const row = await em.findOne(TrainingAttendance, { enrollmentId, day });
        if (row) Object.assign(row, { attended, recordedBy, recordedAt: now() });
        else em.create(TrainingAttendance, { enrollmentId, day, attended, recordedBy, recordedAt: now() });
      });
    },

    async issueCertificate({ enrollmentId, personId, courseTitle, issuedOn }) {
      // A refusal will not change on a retry: it fails the activity for good, with the reason.
      const certificateId = await permanentOnRefusal(() =>
        registry.recordCertification(
          { personId, kind: 'TRAINING_COMPLETION', name: `${courseTitle}结业证书`, issuer: '嘉兴市工商联', issuedOn },
          `training-certificate:${enrollmentId}`,
        ),
      );
      await inTransaction(async (em) => {
        const enrollment = await em.findOneOrFail(TrainingEnrollment, enrollmentId);
        enrollment.certificateId = certificateId;
      });
      return certificateId;
    },
  } satisfies TrainingActivities;
}
