import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { TrainingCourse } from './course.js';
import { EnrollmentStatus, TrainingEnrollment } from './enrollment.js';
import { HumanTask, TaskStatus } from '../kit/human-task.js';
import { candidateKey } from '../kit/access.js';
import { seatOutcome } from './rules.js';
import { ENDORSE_TASK_KIND, trainingWorkflowId } from '../../../workflows/training/types.js';
import type { LegacyTrainingActivities } from '../../../workflows/training/legacy.js';

// The first version's activities, kept for runs started before the task kit (see
// workflows/training/legacy.ts). Their names are contracts with those runs: do not rename.

export interface LegacyTrainingActivityDeps {
  orm: MikroORM;
  /** The clock for the projected timestamps; injected so tests can fix it. */
  now?: () => Date;
}

export function createLegacyTrainingActivities({ orm, now = () => new Date() }: LegacyTrainingActivityDeps) {
  return {
    async openEndorsementTask(request) {
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
          candidateKeys: [candidateKey({ role: 'APPROVER', organizationId: request.organizationId })],
          workflowId: trainingWorkflowId(request.enrollmentId),
          processId: request.enrollmentId,
          dueAt: new Date(now().getTime() + request.endorsementDeadlineMs),
          createdAt: now(),
        });
      });
    },

    /** Records the decision and, for an approval, claims a seat under the course row lock. */
    async settleEnrollment({ request, decision }) {
      return orm.em.fork().transactional(async (em) => {
        const course = await em.findOneOrFail(TrainingCourse, request.courseId, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
        });
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
          decision: decision.decision,
          comment: decision.comment ?? null,
          decidedBy: decision.decidedBy,
          completedAt: now(),
        });
        return { status: enrollment.status };
      });
    },

    async expireEnrollment({ enrollmentId, taskId }) {
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
  } satisfies LegacyTrainingActivities;
}
