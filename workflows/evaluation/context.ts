import { proxyActivities, proxyLocalActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { TaskBoard } from '../human-task/board.js';
import type { Candidate, TaskSpec } from '../human-task/contracts.js';
import { markStage } from '../human-task/search-attributes.js';
import { ACTIVITY_RETRY } from '../common/retry.js';
import { trackName } from './rules.js';
import type { EvaluationActivities } from './activities.js';
import {
  EVALUATION_PROCESS_TYPE,
  type ApplicationInput,
  type ApplicationState,
  type ApplicationStatus,
} from './types.js';

// What the steps of one application share: its input and state, the task board, the activities,
// and how a task of this application is specified.

// The projection row is a short write to the hub's own database (a local activity); the registry
// reads and the write-back go over the network (ordinary activities).
const local = proxyLocalActivities<EvaluationActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });
const remote = proxyActivities<EvaluationActivities>({ startToCloseTimeout: '2 minutes', retry: ACTIVITY_RETRY });
export const evaluationActivities = {
  openCampaign: local.openCampaign,
  closeCampaign: local.closeCampaign,
  recordEvaluation: local.recordEvaluation,
  assessEligibility: remote.assessEligibility,
  drawReviewers: remote.drawReviewers,
  writeBack: remote.writeBack,
  proposeCandidacy: remote.proposeCandidacy,
  recordCandidacy: local.recordCandidacy,
  writeBackCandidacy: remote.writeBackCandidacy,
};

export interface ApplicationContext {
  input: ApplicationInput;
  state: ApplicationState;
  tasks: TaskBoard;
  /** Moves to a status: the search attribute and the projection row follow. */
  moveTo(status: ApplicationStatus): Promise<void>;
  spec(kind: string, title: string, candidates: Candidate[], dueInMs: number): TaskSpec;
}

export function applicationContext(
  input: ApplicationInput,
  state: ApplicationState,
  tasks: TaskBoard,
): ApplicationContext {
  const { year } = input.params;
  return {
    input,
    state,
    tasks,
    async moveTo(status) {
      state.status = status;
      markStage(status);
      await evaluationActivities.recordEvaluation({ application: input, state });
    },
    spec: (kind, title, candidates, dueInMs) => ({
      taskId: uuid4(),
      processType: EVALUATION_PROCESS_TYPE,
      processId: input.applicationId,
      workflowId: workflowInfo().workflowId,
      kind,
      title,
      summary: `${year} 年度${trackName(input.params.track)} · ${input.organizationName}`,
      organizationId: input.organizationId,
      candidates,
      dueInMs,
      followUpInMs: Math.floor(dueInMs / 2),
    }),
  };
}
