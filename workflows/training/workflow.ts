import { CancellationScope, condition, isCancellation, patched } from '@temporalio/workflow';
import { createTaskBoard } from '../human-task/board.js';
import { legacyTrainingEnrollment, type LegacyEnrollmentRequest } from './legacy.js';
import { openingState, trainingContext, type TrainingContext } from './context.js';
import { takeMessages } from './handlers.js';
import { attend, endorseAndConfirm, endUndecided, leave, takeSeat } from './stages.js';
import type { TrainingApplication, TrainingState } from './types.js';

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
  const state = openingState();
  // A decision's caller gets the enrollment as it stands once the workflow has acted on it.
  const tasks = createTaskBoard(() => ({ input: app, state: ctx.snapshot() }));
  const ctx = trainingContext(app, state, tasks);
  takeMessages(ctx);

  // Any stage until the course starts may end in a withdrawal, which wins the race with a task.
  const watchWithdrawal = condition(ctx.withdrawn).then(() => tasks.cancelOpen('申请已撤回'));
  // An admin's cancellation rejects it too; the handler below cleans up.
  watchWithdrawal.catch(() => undefined);

  try {
    await enroll(ctx, watchWithdrawal);
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // Cancelled by an admin: the open task closes, a held seat goes to the wait-list, the
    // application is marked; then the run ends CANCELLED.
    await CancellationScope.nonCancellable(async () => {
      await tasks.cancelOpen('管理员取消');
      await leave(ctx, 'CANCELLED');
    });
    throw error;
  }
  await tasks.finish();
  return ctx.snapshot();
}

async function enroll(ctx: TrainingContext, watchWithdrawal: Promise<void>): Promise<void> {
  const result = await endorseAndConfirm(ctx);
  if (result.kind === 'DECIDED' && result.decision.decision === 'APPROVE' && !ctx.withdrawn()) {
    await takeSeat(ctx);
    if (ctx.state.status === 'ENROLLED') await attend(ctx);
  } else if (!ctx.withdrawn()) {
    await endUndecided(ctx, result);
  }
  if (ctx.withdrawn()) {
    await watchWithdrawal;
    await leave(ctx, 'WITHDRAWN');
  }
}
