import type { ProcessDefinition } from '../process-definition.js';
import {
  CONFIRM_FORM, CONFIRM_TASK_KIND, ENDORSE_FORM, ENDORSE_TASK_KIND, TRAINING_PROCESS_TYPE, TRAINING_WORKFLOW_TYPE,
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
  loadProcess: ({ loaders }, processId) => loaders.enrollment.load(processId),
};
