import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createTrainingActivities } from './activities.js';
import {
  decideUpdate, stateQuery, taskOpenedUpdate, FINAL_STATUSES,
  type Decision, type EnrollmentRequest, type EnrollmentState,
} from './types.js';

const activities = proxyActivities<ReturnType<typeof createTrainingActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/** Training enrollment (培训报名): a person applies, their chamber endorses, a seat is claimed. */
export async function trainingEnrollment(request: EnrollmentRequest): Promise<EnrollmentState> {
  const state: EnrollmentState = { status: 'AWAITING_ENDORSEMENT', openTaskId: null, decision: null };
  const isFinal = () => FINAL_STATUSES.includes(state.status);

  setHandler(stateQuery, () => state);
  setHandler(taskOpenedUpdate, async () => {
    await condition(() => state.openTaskId !== null || isFinal());
    return state;
  });
  setHandler(
    decideUpdate,
    async (decision: Decision) => {
      state.decision = decision;
      state.openTaskId = null;
      await condition(isFinal);
      return state;
    },
    {
      validator: (decision: Decision) => {
        if (state.decision !== null || isFinal()) throw new Error('This task has already been decided');
        if (state.openTaskId === null) throw new Error('The endorsement task is not open yet; try again in a moment');
        if (decision.taskId !== state.openTaskId) throw new Error(`Task ${decision.taskId} is not open in this enrollment`);
        if (decision.decision !== 'APPROVE' && decision.decision !== 'REJECT') {
          throw new Error(`Unknown decision "${String(decision.decision)}"; use APPROVE or REJECT`);
        }
      },
    },
  );

  await activities.openEndorsementTask(request);
  state.openTaskId = request.taskId;

  // The deadline is an explicit outcome, not a hang: an unendorsed application expires.
  const decided = await condition(() => state.decision !== null, request.endorsementDeadlineMs);
  if (!decided) {
    state.openTaskId = null;
    await activities.expireEnrollment({ enrollmentId: request.enrollmentId, taskId: request.taskId });
    state.status = 'EXPIRED';
  } else {
    const settled = await activities.settleEnrollment({ request, decision: state.decision! });
    state.status = settled.status;
  }
  await condition(allHandlersFinished);
  return state;
}
