import { condition, setHandler } from '@temporalio/workflow';
import { notNow } from '../common/failures.js';
import { trainingActivities, type TrainingContext } from './context.js';
import { attendanceRules } from './rules.js';
import {
  attendanceUpdate,
  seatGrantedSignal,
  stateQuery,
  taskOpenedUpdate,
  withdrawUpdate,
  type Withdrawal,
} from './types.js';

// The messages an enrollment takes: its state (query), the first task's opening (the caller of
// update-with-start waits for it), a freed seat (signal), a withdrawal and attendance (updates,
// because the caller waits for the outcome and a validator refuses what cannot be done now).

export function takeMessages(ctx: TrainingContext): void {
  const { app, state, tasks, heard } = ctx;
  setHandler(stateQuery, ctx.snapshot);
  setHandler(taskOpenedUpdate, async () => {
    await condition(() => tasks.openTaskIds().length > 0 || state.status !== 'AWAITING_ENDORSEMENT');
    return ctx.snapshot();
  });
  setHandler(seatGrantedSignal, () => void (heard.seatGranted = true));
  setHandler(
    withdrawUpdate,
    async (w) => {
      heard.withdrawal = w;
      await condition(() => ['WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'].includes(state.status));
      return ctx.snapshot();
    },
    {
      validator: (_request: Withdrawal) => {
        if (heard.withdrawal) throw notNow('This application is already being withdrawn');
        if (Date.now() >= ctx.startsAt)
          throw notNow('The course has started; an application can only be withdrawn before its first day');
        if (['REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'].includes(state.status)) {
          throw notNow(`The application is ${state.status} and cannot be withdrawn`);
        }
      },
    },
  );
  setHandler(
    attendanceUpdate,
    async (record) => {
      state.attendance[String(record.day)] = record.attended;
      await trainingActivities.recordAttendance({ enrollmentId: app.enrollmentId, ...record });
      return ctx.snapshot();
    },
    { validator: (record) => attendanceRules(state.status, app.course.days, record) },
  );
}
