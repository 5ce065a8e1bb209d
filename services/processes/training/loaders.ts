import { byId, childrenOf, perRequest } from '../../common/loaders.js';
import type { ProcessesContext } from '../kit/context.js';
import { TrainingCourse } from './course.js';
import { TrainingEnrollment } from './enrollment.js';
import { TrainingAttendance } from './attendance.js';

/** The training process's per-request batching. */
export const trainingLoaders = perRequest(({ em }: Pick<ProcessesContext, 'em'>) => ({
  course: byId(em, TrainingCourse),
  enrollment: byId(em, TrainingEnrollment),
  enrollmentsByOrganization: childrenOf(em, TrainingEnrollment, 'organizationId', { requestedAt: 'asc', id: 'asc' }),
  enrollmentsByCourse: childrenOf(em, TrainingEnrollment, 'course', { requestedAt: 'asc', id: 'asc' }),
  attendanceByEnrollment: childrenOf(em, TrainingAttendance, 'enrollmentId', { day: 'asc' }),
}));
