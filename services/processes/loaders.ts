import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TrainingCourse } from './training/course.js';
import { TrainingEnrollment } from './training/enrollment.js';
import { TrainingAttendance } from './training/attendance.js';
import { ACTIVE_STATUSES, HumanTask } from './tasks/human-task.js';
import { TaskComment } from './tasks/comment.js';
import { EvaluationApplication } from './evaluation/application.js';
import { Procurement } from './procurement/procurement.js';
import { ProcurementBid } from './procurement/bid.js';
import { ProcurementPayment } from './procurement/payment.js';
import { visibleTo } from './tasks/access.js';
import { byId, childrenOf } from '../common/loaders.js';
import type { Identity } from '../common/identity.js';

/** Per-request batching for the processes subgraph; task lists only hold what the caller may see. */
export function createProcessesLoaders(em: EntityManager, identity: Identity) {
  const visible = visibleTo(identity);
  return {
    course: byId(em, TrainingCourse),
    enrollment: byId(em, TrainingEnrollment),
    task: byId(em, HumanTask),
    evaluationApplication: byId(em, EvaluationApplication),
    procurement: byId(em, Procurement),
    bidsByProcurement: childrenOf(em, ProcurementBid, 'procurementId', { round: 'asc', submittedAt: 'asc', id: 'asc' }),
    paymentsByProcurement: childrenOf(em, ProcurementPayment, 'procurementId', { milestoneNo: 'asc' }),
    contractsByProvider: childrenOf(em, Procurement, 'providerId', { publishedAt: 'desc', id: 'desc' }),
    evaluationsByOrganization: childrenOf(em, EvaluationApplication, 'organizationId', {
      updatedAt: 'desc',
      id: 'desc',
    }),
    enrollmentsByOrganization: childrenOf(em, TrainingEnrollment, 'organizationId', { requestedAt: 'asc', id: 'asc' }),
    attendanceByEnrollment: childrenOf(em, TrainingAttendance, 'enrollmentId', { day: 'asc' }),
    commentsByTask: childrenOf(em, TaskComment, 'taskId', { createdAt: 'asc', id: 'asc' }),
    visibleTasksByProcess: new DataLoader<string, HumanTask[]>(async (ids) => {
      const rows = await em.find(HumanTask, { $and: [{ processId: { $in: [...ids] } }, visible] } as never, {
        orderBy: { createdAt: 'asc', id: 'asc' },
      });
      return ids.map((id) => rows.filter((row) => row.processId === id));
    }),
    openTasksByOrganization: new DataLoader<string, HumanTask[]>(async (ids) => {
      const rows = await em.find(
        HumanTask,
        { $and: [{ organizationId: { $in: [...ids] }, status: { $in: ACTIVE_STATUSES } }, visible] } as never,
        { orderBy: { dueAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.organizationId === id));
    }),
  };
}

export type ProcessesLoaders = ReturnType<typeof createProcessesLoaders>;
