import { condition, patched } from '@temporalio/workflow';
import type { TaskResult } from '../human-task/contracts.js';
import { DAY } from '../common/time.js';
import { chinaDay } from '../common/china-time.js';
import { trainingActivities as activities, type TrainingContext } from './context.js';
import { completionOf, deadlinesBefore } from './rules.js';
import { CONFIRM_FORM, CONFIRM_TASK_KIND, ENDORSE_FORM, ENDORSE_TASK_KIND } from './types.js';

// The stages of one enrollment, in order: the chamber endorses, the Federation confirms, a seat
// is taken (or waited for), attendance is kept until completion; a withdrawal ends any of them.

/** The chamber's endorsement, then (if it agrees) the Federation's confirmation: the last decision. */
export async function endorseAndConfirm(ctx: TrainingContext): Promise<TaskResult> {
  const { app, state, tasks } = ctx;
  // Every task falls due before the course starts; runs started before this rule keep theirs.
  const deadlines = patched('training-due-before-course')
    ? deadlinesBefore(ctx.startsAt, Date.now(), app.deadlines)
    : app.deadlines;
  await activities.recordApplication(app);
  ctx.moveTo('AWAITING_ENDORSEMENT');
  let result = await tasks.ask(
    ctx.spec(
      ENDORSE_TASK_KIND,
      `推荐 ${app.personName} 参加培训`,
      [{ role: 'APPROVER', organizationId: app.organizationId }],
      deadlines.endorsementMs,
    ),
    ENDORSE_FORM,
    // Unanswered, it goes to the supervising Federation officers before it expires.
    { escalateTo: [{ role: 'FEDERATION_OFFICER' }], escalatedDueInMs: deadlines.escalationMs, holdAnswer: true },
  );
  if (result.kind === 'DECIDED') state.decision = result.decision;
  if (result.kind !== 'DECIDED' || result.decision.decision !== 'APPROVE') return result;

  ctx.moveTo('AWAITING_CONFIRMATION');
  await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: 'AWAITING_CONFIRMATION' });
  const confirm = ctx.spec(
    CONFIRM_TASK_KIND,
    `确认 ${app.personName} 的培训名额`,
    [{ role: 'FEDERATION_OFFICER' }],
    deadlines.confirmationMs,
  );
  result = await tasks.ask(confirm, CONFIRM_FORM, { holdAnswer: true });
  if (result.kind === 'DECIDED') state.decision = result.decision;
  return result;
}

/** Confirmed: a seat if one is free, else the waiting list until one frees or the course starts. */
export async function takeSeat(ctx: TrainingContext): Promise<void> {
  const { app, state, tasks, heard } = ctx;
  ctx.moveTo(await activities.claimSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id }));
  tasks.settle();
  if (state.status !== 'WAITLISTED') return;
  await condition(() => heard.seatGranted || ctx.withdrawn(), Math.max(1, ctx.startsAt - Date.now()));
  if (heard.seatGranted) ctx.moveTo('ENROLLED');
  else if (!ctx.withdrawn()) {
    // The course began before a seat freed.
    await activities.releaseSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id, status: 'EXPIRED' });
    ctx.moveTo('EXPIRED');
  }
}

/** Enrolled: attendance is recorded day by day; a week after the last day the record is closed. */
export async function attend(ctx: TrainingContext): Promise<void> {
  const { app, state } = ctx;
  const allRecorded = () => Object.keys(state.attendance).length >= app.course.days;
  await condition(() => ctx.withdrawn() || allRecorded(), Math.max(1, ctx.endsAt + 7 * DAY - Date.now()));
  if (ctx.withdrawn()) return;
  const completed = completionOf(state.attendance, app.course.completionDays);
  if (completed) {
    state.certificateId = await activities.issueCertificate({
      enrollmentId: app.enrollmentId,
      personId: app.personId,
      courseTitle: app.course.title,
      // The course's last day at the latest, as people in China count days.
      issuedOn: chinaDay(Math.min(Date.now(), ctx.endsAt - 1)),
    });
  }
  ctx.moveTo(completed ? 'COMPLETED' : 'NOT_COMPLETED');
  await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status: state.status });
}

/** Refused or left unanswered (and not withdrawn): the enrollment ends so. */
export async function endUndecided(ctx: TrainingContext, result: TaskResult): Promise<void> {
  ctx.moveTo(result.kind === 'EXPIRED' ? 'EXPIRED' : 'REJECTED');
  await activities.setEnrollmentStatus({ enrollmentId: ctx.app.enrollmentId, status: ctx.state.status });
}

/** Withdrawn: a seat it held goes to the waiting list. */
export async function leave(ctx: TrainingContext, status: 'WITHDRAWN' | 'CANCELLED'): Promise<void> {
  const { app, state } = ctx;
  const seated = state.status === 'ENROLLED' || state.status === 'WAITLISTED';
  if (seated) await activities.releaseSeat({ enrollmentId: app.enrollmentId, courseId: app.course.id, status });
  else await activities.setEnrollmentStatus({ enrollmentId: app.enrollmentId, status });
  ctx.moveTo(status);
}
