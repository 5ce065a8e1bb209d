import {
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import { createTaskBoard } from '../human-task/board.js';
import { markStage } from '../human-task/search-attributes.js';
import type { TaskSpec } from '../human-task/contracts.js';
import { legacyTrainingEnrollment, type LegacyEnrollmentRequest } from './legacy.js';
import type { TrainingActivities } from './activities.js';
import { attendanceRules, completionOf, courseBounds } from './rules.js';
import { chinaDay } from '../china-time.js';
import {
  attendanceUpdate,
  CONFIRM_FORM,
  CONFIRM_TASK_KIND,
  ENDORSE_FORM,
  ENDORSE_TASK_KIND,
  seatGrantedSignal,
  stateQuery,
  taskOpenedUpdate,
  TRAINING_PROCESS_TYPE,
  withdrawUpdate,
  type EnrollmentStatus,
  type TrainingApplication,
  type TrainingState,
  type Withdrawal,
} from './types.js';

const retry = { maximumInterval: '30 seconds', maximumAttempts: 20, nonRetryableErrorTypes: ['RegistryRefused'] };
// Projection rows and the seat count are short writes to the hub's own database: local
// activities, inside the workflow task. Signalling another run and writing to the registry go
// over the network and may wait on retries: ordinary activities.
const local = proxyLocalActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry });
const remote = proxyActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry });
const activities = {
  recordApplication: local.recordApplication,
  setEnrollmentStatus: local.setEnrollmentStatus,
  claimSeat: local.claimSeat,
  recordAttendance: local.recordAttendance,
  releaseSeat: remote.releaseSeat,
  issueCertificate: remote.issueCertificate,
};

/**
 * Training enrollment (培训报名): the chamber endorses, the Federation confirms within capacity
 * (others wait for a seat, first in first out), attendance is recorded per day, and completion
 * writes a certificate to the person's registry record.
 */
export async function trainingEnrollment(input: TrainingApplication | LegacyEnrollmentRequest): Promise<TrainingState> {
  // Runs started before the task kit replay the first version's commands.
  if (!patched('training-task-kit'))
    return (await legacyTrainingEnrollment(input as LegacyEnrollmentRequest)) as TrainingState;
  const app = input as TrainingApplication;
  const state: TrainingState = {
    status: 'AWAITING_ENDORSEMENT',
    openTaskId: null,
    decision: null,
    attendance: {},
    certificateId: null,
  };
  const tasks = createTaskBoard(() => snapshot());
  // The open task comes from the board: a task is open once its row exists.
  const snapshot = (): TrainingState => ({ ...state, openTaskId: tasks.openTaskIds()[0] ?? null });
  const { startsAt, endsAt } = courseBounds(app.course);
  let seatGranted = false;
  let withdrawal: { by: string } | null = null;

  const moveTo = (status: EnrollmentStatus) => {
    state.status = status;
    markStage(status);
  };
  setHandler(stateQuery, snapshot);
  setHandler(taskOpenedUpdate, async () => {
    await condition(() => tasks.openTaskIds().length > 0 || state.status !== 'AWAITING_ENDORSEMENT');
    return snapshot();
  });
  setHandler(seatGrantedSignal, () => void (seatGranted = true));
  setHandler(
    withdrawUpdate,
    async (w) => {
      withdrawal = w;
      await condition(() => ['WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'].includes(state.status));
      return snapshot();
    },
    {
      validator: (_request: Withdrawal) => {
        if (withdrawal) throw new Error('This application is already being withdrawn');
        if (Date.now() >= startsAt)
          throw new Error('The course has started; an application can only be withdrawn before its first day');
        if (['REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'].includes(state.status)) {
          throw new Error(`The application is ${state.status} and cannot be withdrawn`);
        }
      },
    },
  );
  setHandler(
    attendanceUpdate,
    async (record) => {
      state.attendance[String(record.day)] = record.attended;
      await activities.recordAttendance({ enrollmentId: app.enrollmentId, ...record });
      return snapshot();
    },
    { validator: (record) => attendanceRules(state.status, app.course.days, record) },
  );

  const spec = (kind: string, title: string, candidates: TaskSpec['candidates'], dueInMs: number): TaskSpec => ({
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
  });

  // Any stage until the course starts may end in a withdrawal, which wins the race with a task.
  const withdrawn = () => withdrawal !== null;
  const watchWithdrawal = condition(withdrawn).then(() => tasks.cancelOpen('申请已撤回'));
  // An admin's cancellation rejects it too; the handler below cleans up.
  watchWithdrawal.catch(() => undefined);

  try {
    await enroll();
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // Cancelled by an admin: the open task closes, a held seat goes to the wait-list, the
    // application is marked; then the run ends CANCELLED.
    await CancellationScope.nonCancellable(async () => {
      await tasks.cancelOpen('管理员取消');
      const seated = state.status === 'ENROLLED' || state.status === 'WAITLISTED';
      if (seated)
        await activities.releaseSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id, status: 'CANCELLED' });
      else await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: 'CANCELLED' });
      moveTo('CANCELLED');
    });
    throw error;
  }
  await tasks.finish();
  return snapshot();

  async function enroll(): Promise<void> {
    await activities.recordApplication(app);
    markStage('AWAITING_ENDORSEMENT');
    let result = await tasks.ask(
      spec(
        ENDORSE_TASK_KIND,
        `推荐 ${app.personName} 参加培训`,
        [{ role: 'APPROVER', organizationId: app.organizationId }],
        app.deadlines.endorsementMs,
      ),
      ENDORSE_FORM,
      // Unanswered, it goes to the supervising Federation officers before it expires.
      { escalateTo: [{ role: 'FEDERATION_OFFICER' }], escalatedDueInMs: app.deadlines.escalationMs, holdAnswer: true },
    );
    if (result.kind === 'DECIDED') state.decision = result.decision;

    if (result.kind === 'DECIDED' && result.decision.decision === 'APPROVE') {
      moveTo('AWAITING_CONFIRMATION');
      await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: 'AWAITING_CONFIRMATION' });
      const confirm = spec(
        CONFIRM_TASK_KIND,
        `确认 ${app.personName} 的培训名额`,
        [{ role: 'FEDERATION_OFFICER' }],
        app.deadlines.confirmationMs,
      );
      result = await tasks.ask(confirm, CONFIRM_FORM, { holdAnswer: true });
      if (result.kind === 'DECIDED') state.decision = result.decision;
    }

    if (result.kind === 'DECIDED' && result.decision.decision === 'APPROVE' && !withdrawn()) {
      moveTo(await activities.claimSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id }));
      tasks.settle();
      if (state.status === 'WAITLISTED') {
        await condition(() => seatGranted || withdrawn(), Math.max(1, startsAt - Date.now()));
        if (seatGranted) moveTo('ENROLLED');
        else if (!withdrawn()) {
          // The course began before a seat freed.
          await activities.releaseSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id, status: 'EXPIRED' });
          moveTo('EXPIRED');
        }
      }
      if (state.status === 'ENROLLED') {
        // Attendance is recorded day by day; a week after the last day the record is closed.
        const allRecorded = () => Object.keys(state.attendance).length >= app.course.days;
        await condition(() => withdrawn() || allRecorded(), Math.max(1, endsAt + 7 * 86_400_000 - Date.now()));
        if (!withdrawn()) {
          const completed = completionOf(state.attendance, app.course.completionDays);
          if (completed) {
            // The certificate is dated on the Beijing day the course ended (or today, if earlier).
            const issuedOn = chinaDay(Math.min(Date.now(), endsAt));
            state.certificateId = await activities.issueCertificate({
              enrollmentId: app.enrollmentId,
              personId: app.personId,
              courseTitle: app.course.title,
              issuedOn,
            });
          }
          moveTo(completed ? 'COMPLETED' : 'NOT_COMPLETED');
          await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: state.status });
        }
      }
    } else if (!withdrawn()) {
      moveTo(result.kind === 'EXPIRED' ? 'EXPIRED' : 'REJECTED');
      await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: state.status });
    }

    if (withdrawn()) {
      await watchWithdrawal;
      const wasSeated = state.status === 'ENROLLED' || state.status === 'WAITLISTED';
      if (wasSeated)
        await activities.releaseSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id, status: 'WITHDRAWN' });
      else await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: 'WITHDRAWN' });
      moveTo('WITHDRAWN');
    }
  }
}
