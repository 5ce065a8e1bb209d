import { proxyActivities, proxyLocalActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { TaskBoard } from '../human-task/board.js';
import type { TaskSpec } from '../human-task/contracts.js';
import { markStage } from '../human-task/search-attributes.js';
import { ACTIVITY_RETRY } from '../common/retry.js';
import type { TrainingActivities } from './activities.js';
import { courseBounds } from './rules.js';
import {
  ENDORSE_TASK_KIND,
  TRAINING_PROCESS_TYPE,
  type EnrollmentStatus,
  type TrainingApplication,
  type TrainingState,
  type Withdrawal,
} from './types.js';

// What the steps of one enrollment share: its application and state, the task board, the
// activities, the messages it has heard, and how a task of this enrollment is specified.

// Projection rows and the seat count are short writes to the hub's own database: local
// activities, inside the workflow task. Signalling another run and writing to the registry go
// over the network and may wait on retries: ordinary activities.
const local = proxyLocalActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });
const remote = proxyActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });
export const trainingActivities = {
  recordApplication: local.recordApplication,
  setEnrollmentStatus: local.setEnrollmentStatus,
  claimSeat: local.claimSeat,
  recordAttendance: local.recordAttendance,
  releaseSeat: remote.releaseSeat,
  issueCertificate: remote.issueCertificate,
};

/** Where an enrollment ends: nothing moves it on from these. */
export const FINAL: EnrollmentStatus[] = [
  'REJECTED',
  'EXPIRED',
  'WITHDRAWN',
  'COMPLETED',
  'NOT_COMPLETED',
  'CANCELLED',
];

export interface TrainingContext {
  app: TrainingApplication;
  state: TrainingState;
  tasks: TaskBoard;
  /** The course's first moment and the moment after its last day (epoch ms, Beijing days). */
  startsAt: number;
  endsAt: number;
  /** What the run has heard: a seat freed for it, a withdrawal. */
  heard: { seatGranted: boolean; withdrawal: Withdrawal | null };
  withdrawn(): boolean;
  /** The state as callers see it: the open task comes from the board (a task is open once its row exists). */
  snapshot(): TrainingState;
  moveTo(status: EnrollmentStatus): void;
  spec(kind: string, title: string, candidates: TaskSpec['candidates'], dueInMs: number): TaskSpec;
}

export function trainingContext(app: TrainingApplication, state: TrainingState, tasks: TaskBoard): TrainingContext {
  const heard: TrainingContext['heard'] = { seatGranted: false, withdrawal: null };
  return {
    app,
    state,
    tasks,
    ...courseBounds(app.course),
    heard,
    withdrawn: () => heard.withdrawal !== null,
    snapshot: () => ({ ...state, openTaskId: tasks.openTaskIds()[0] ?? null }),
    moveTo(status) {
      state.status = status;
      if (FINAL.includes(status)) state.closedAt = Date.now();
      markStage(status);
    },
    spec: (kind, title, candidates, dueInMs) => ({
      taskId: kind === ENDORSE_TASK_KIND ? app.endorseTaskId : uuid4(),
      processType: TRAINING_PROCESS_TYPE,
      processId: app.enrollmentId,
      workflowId: app.workflowId,
      kind,
      title,
      summary: `${app.personName}（${app.organizationName}）报名「${app.course.title}」，${app.course.startsOn} 开班，共 ${app.course.days} 天`,
      organizationId: app.organizationId,
      candidates,
      dueInMs,
      followUpInMs: Math.floor(dueInMs / 2),
    }),
  };
}

/** The state an enrollment starts in. */
export const openingState = (): TrainingState => ({
  status: 'AWAITING_ENDORSEMENT',
  openTaskId: null,
  decision: null,
  attendance: {},
  certificateId: null,
  requestedAt: workflowInfo().startTime.getTime(),
  closedAt: null,
});
