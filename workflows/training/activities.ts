import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { TrainingCourse } from '../../services/processes/entities/training-course.js';
import { EnrollmentStatus, TrainingEnrollment } from '../../services/processes/entities/training-enrollment.js';
import { Decision as TaskDecision, HumanTask, TaskStatus } from '../../services/processes/entities/human-task.js';
import { seatOutcome } from '../../services/processes/training-rules.js';
import { ENDORSE_TASK_KIND, trainingWorkflowId, type Decision, type EnrollmentRequest, type SettledEnrollment } from './types.js';

// Activities are the only side effects of the training process: they project its state into
// the processes schema. Each call takes its own EntityManager fork and is idempotent, because
// Temporal may run an activity again after a timeout.

export interface TrainingActivityDeps {
  orm: MikroORM;
  /** The clock for the projected timestamps; injected so tests can fix it. */
  now?: () => Date;
}

export function createTrainingActivities({ orm, now = () => new Date() }: TrainingActivityDeps) {
  return {
    async openEndorsementTask(request: EnrollmentRequest): Promise<void> {
      await orm.em.fork().transactional(async (em) => {
        if (await em.findOne(TrainingEnrollment, request.enrollmentId)) return;
        em.create(TrainingEnrollment, {
          id: request.enrollmentId,
          workflowId: trainingWorkflowId(request.enrollmentId),
          course: em.getReference(TrainingCourse, request.courseId),
          personName: request.personName,
          organizationId: request.organizationId,
          status: EnrollmentStatus.AWAITING_ENDORSEMENT,
          requestedBy: request.requestedBy,
          requestedAt: now(),
        });
        em.create(HumanTask, {
          id: request.taskId,
          kind: ENDORSE_TASK_KIND,
          title: `Endorse ${request.personName} (${request.organizationName}) for "${request.courseTitle}"`,
          status: TaskStatus.OPEN,
          organizationId: request.organizationId,
          workflowId: trainingWorkflowId(request.enrollmentId),
          processId: request.enrollmentId,
          dueAt: new Date(now().getTime() + request.endorsementDeadlineMs),
          createdAt: now(),
        });
      });
    },

    /** Records the decision and, for an approval, claims a seat under the course row lock. */
    async settleEnrollment({ request, decision }: { request: EnrollmentRequest; decision: Decision }): Promise<SettledEnrollment> {
      return orm.em.fork().transactional(async (em) => {
        const course = await em.findOneOrFail(TrainingCourse, request.courseId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const enrollment = await em.findOneOrFail(TrainingEnrollment, request.enrollmentId);
        if (enrollment.status !== EnrollmentStatus.AWAITING_ENDORSEMENT) return { status: enrollment.status };
        if (decision.decision === 'APPROVE') {
          const enrolled = await em.count(TrainingEnrollment, { course, status: EnrollmentStatus.ENROLLED });
          enrollment.status = seatOutcome(enrolled, course.capacity);
        } else {
          enrollment.status = EnrollmentStatus.REJECTED;
        }
        enrollment.closedAt = now();
        const task = await em.findOneOrFail(HumanTask, decision.taskId);
        Object.assign(task, {
          status: TaskStatus.DONE,
          decision: decision.decision as TaskDecision,
          comment: decision.comment ?? null,
          decidedBy: decision.decidedBy,
          completedAt: now(),
        });
        return { status: enrollment.status };
      });
    },

    async expireEnrollment({ enrollmentId, taskId }: { enrollmentId: string; taskId: string }): Promise<void> {
      await orm.em.fork().transactional(async (em) => {
        const enrollment = await em.findOneOrFail(TrainingEnrollment, enrollmentId);
        if (enrollment.status === EnrollmentStatus.AWAITING_ENDORSEMENT) {
          enrollment.status = EnrollmentStatus.EXPIRED;
          enrollment.closedAt = now();
        }
        const task = await em.findOneOrFail(HumanTask, taskId);
        if (task.status === TaskStatus.OPEN) Object.assign(task, { status: TaskStatus.EXPIRED, completedAt: now() });
      });
    },
  };
}
