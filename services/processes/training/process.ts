import type { ProcessDefinition } from '../kit/process-definition.js';
import type { ProcessesContext } from '../kit/context.js';
import {
  CONFIRM_FORM,
  CONFIRM_TASK_KIND,
  ENDORSE_FORM,
  ENDORSE_TASK_KIND,
  TRAINING_PROCESS_TYPE,
  TRAINING_WORKFLOW_TYPE,
} from '../../../workflows/training/types.js';
import { workflowModule } from '../kit/workflow-bundle.js';
import { createTrainingActivities } from './activities.js';
import { createLegacyTrainingActivities } from './legacy-activities.js';
import { TrainingCourse } from './course.js';
import { TrainingEnrollment } from './enrollment.js';
import { TrainingAttendance } from './attendance.js';
import { OrganizationTrainingResolver, TaskEnrollmentResolver, TrainingResolver } from './resolvers.js';
import { trainingLoaders } from './loaders.js';
import { CourseSeatsResolver } from './course-resolvers.js';
import { reportedEnrollment } from './report.js';
import { trainingWords } from './words.js';

/** Training enrollment (培训报名) in the process catalog. */
export const trainingProcess: ProcessDefinition<ProcessesContext> = {
  processType: TRAINING_PROCESS_TYPE,
  label: { zh: '培训报名', en: 'Training enrollment' },
  workflows: {
    [TRAINING_WORKFLOW_TYPE]: workflowModule(new URL('../../../workflows/training/workflow.ts', import.meta.url)),
  },
  taskKinds: {
    [ENDORSE_TASK_KIND]: { label: { zh: '商会推荐', en: 'Chamber endorsement' }, form: ENDORSE_FORM },
    [CONFIRM_TASK_KIND]: { label: { zh: '工商联确认', en: 'Federation confirmation' }, form: CONFIRM_FORM },
  },
  ...trainingWords,
  entities: [TrainingCourse, TrainingEnrollment, TrainingAttendance],
  resolvers: [TrainingResolver, OrganizationTrainingResolver, TaskEnrollmentResolver, CourseSeatsResolver],
  activities: (deps) => ({ ...createTrainingActivities(deps), ...createLegacyTrainingActivities(deps) }),
  async markEnded(em, workflowId, end) {
    // A seat it held is free again; the wait-list is promoted by the next withdrawal or confirmation.
    await em.execute(
      `update processes.training_enrollment set status = ?, closed_at = now() where workflow_id = ?
         and status not in ('REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED', 'CANCELLED', 'TERMINATED')`,
      [end, workflowId],
    );
  },
  loadProcess: (ctx, processId) => trainingLoaders(ctx).enrollment.load(processId),
  reported: reportedEnrollment,
};
