import type { DecisionReport } from '../../../workflows/human-task/contracts.js';
import type { TrainingApplication, TrainingState } from '../../../workflows/training/types.js';
import type { TrainingCourse } from './course.js';
import { EnrollmentStatus, TrainingEnrollment } from './enrollment.js';

/**
 * The enrollment as its workflow reported it in a decision's answer (decideTask shows it with no
 * second read), or null for a run of the first version, which answers its bare state.
 */
export function reportedEnrollment(report: unknown): TrainingEnrollment | null {
  const { input: app, state } = (report ?? {}) as Partial<DecisionReport<TrainingApplication, TrainingState>>;
  if (!app?.enrollmentId || !state?.status) return null;
  return Object.assign(new TrainingEnrollment(), {
    id: app.enrollmentId,
    workflowId: app.workflowId,
    course: { id: app.course.id } as TrainingCourse,
    personName: app.personName,
    personId: app.personId,
    organizationId: app.organizationId,
    status: state.status as EnrollmentStatus,
    certificateId: state.certificateId,
    requestedBy: app.requestedBy,
    requestedAt: new Date(state.requestedAt ?? Date.now()),
    closedAt: state.closedAt ? new Date(state.closedAt) : null,
  });
}
