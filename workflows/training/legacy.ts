import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import { stateQuery, taskOpenedUpdate, type EnrollmentStatus } from './types.js';
import { badRequest, notNow } from '../common/failures.js';

// The first version of the training process (one endorsement, then a seat), kept so that runs
// started before the task kit still replay and finish: trainingEnrollment sends them here when
// patched('training-task-kit') says their history predates the change. Do not edit; delete
// once no such run is open (deprecatePatch first).

export interface LegacyEnrollmentRequest {
  enrollmentId: string;
  taskId: string;
  courseId: string;
  courseTitle: string;
  personName: string;
  organizationId: string;
  organizationName: string;
  requestedBy: string;
  endorsementDeadlineMs: number;
}

export interface LegacyDecision {
  taskId: string;
  decision: 'APPROVE' | 'REJECT';
  comment?: string | null;
  decidedBy: string;
}

export interface LegacyEnrollmentState {
  status: EnrollmentStatus;
  openTaskId: string | null;
  decision: LegacyDecision | null;
}

/** The first version's activities (services/processes/training/legacy-activities.ts). */
export interface LegacyTrainingActivities {
  openEndorsementTask(request: LegacyEnrollmentRequest): Promise<void>;
  settleEnrollment(input: {
    request: LegacyEnrollmentRequest;
    decision: LegacyDecision;
  }): Promise<{ status: EnrollmentStatus }>;
  expireEnrollment(input: { enrollmentId: string; taskId: string }): Promise<void>;
}

const legacyDecideUpdate = defineUpdate<LegacyEnrollmentState, [LegacyDecision]>('decide');
const FINAL: readonly EnrollmentStatus[] = ['ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED'];

const activities = proxyActivities<LegacyTrainingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds', maximumAttempts: 20 },
});

export async function legacyTrainingEnrollment(request: LegacyEnrollmentRequest): Promise<LegacyEnrollmentState> {
  const state: LegacyEnrollmentState = { status: 'AWAITING_ENDORSEMENT', openTaskId: null, decision: null };
  const isFinal = () => FINAL.includes(state.status);

  setHandler(stateQuery, () => state as never);
  setHandler(taskOpenedUpdate, async () => {
    await condition(() => state.openTaskId !== null || isFinal());
    return state as never;
  });
  setHandler(
    legacyDecideUpdate,
    async (decision: LegacyDecision) => {
      state.decision = decision;
      state.openTaskId = null;
      await condition(isFinal);
      return state;
    },
    {
      validator: (decision: LegacyDecision) => {
        if (state.decision !== null || isFinal()) throw notNow('This task has already been decided');
        if (state.openTaskId === null) throw notNow('The endorsement task is not open yet; try again in a moment');
        if (decision.taskId !== state.openTaskId)
          throw notNow(`Task ${decision.taskId} is not open in this enrollment`);
        if (decision.decision !== 'APPROVE' && decision.decision !== 'REJECT') {
          throw badRequest(`Unknown decision "${String(decision.decision)}"; use APPROVE or REJECT`, 'decision');
        }
      },
    },
  );

  await activities.openEndorsementTask(request);
  state.openTaskId = request.taskId;

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
