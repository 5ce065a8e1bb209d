import type { ProcessDefinition } from '../process-definition.js';
import {
  CONFIRM_FORM,
  CONFIRM_TASK_KIND,
  ENDORSE_FORM,
  ENDORSE_TASK_KIND,
  TRAINING_PROCESS_TYPE,
  TRAINING_WORKFLOW_TYPE,
} from '../../../workflows/training/types.js';
import { createTrainingActivities } from './activities.js';
import { createLegacyTrainingActivities } from './legacy-activities.js';

/** Training enrollment (培训报名) in the process catalog. */
export const trainingProcess: ProcessDefinition = {
  processType: TRAINING_PROCESS_TYPE,
  workflowType: TRAINING_WORKFLOW_TYPE,
  label: { zh: '培训报名', en: 'Training enrollment' },
  taskKinds: {
    [ENDORSE_TASK_KIND]: { label: { zh: '商会推荐', en: 'Chamber endorsement' }, form: ENDORSE_FORM },
    [CONFIRM_TASK_KIND]: { label: { zh: '工商联确认', en: 'Federation confirmation' }, form: CONFIRM_FORM },
  },
  activities: (deps) => ({ ...createTrainingActivities(deps), ...createLegacyTrainingActivities(deps) }),
  async markEnded(em, workflowId, end) {
    // A seat it held is free again; the wait-list is promoted by the next withdrawal or confirmation.
    await em.execute(
      `update processes.training_enrollment set status = ?, closed_at = now() where workflow_id = ?
         and status not in ('REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED', 'CANCELLED', 'TERMINATED')`,
      [end, workflowId],
    );
  },
  loadProcess: ({ loaders }, processId) => loaders.enrollment.load(processId),
};
