import { Authorized, Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
// @temporalio/proto is CommonJS: Node's ESM loader sees only its default export.
import proto from '@temporalio/proto';
import type { ProcessesContext } from '../kit/context.js';
import { audited } from './audit.js';
import { RunAudit } from '../kit/run-audit.js';
import { settleProjection, type RunEnd } from './settle.js';
import { badInput, conflict, notFound } from '../../common/errors.js';
import { requireWorkflowId } from '../../common/ids.js';
import { requireRunKept } from '../runs/jurisdiction.js';
import { madeWithin } from '../kit/jurisdiction.js';

// What an admin can do to one run, each audited (who, when, why) and each leaving the
// projections consistent with the run: cancel (the workflow cleans up; settle.ts makes sure),
// terminate (no clean-up by the workflow, so settle.ts does it), retry a failing activity now,
// reset to an earlier workflow task.

const { EventType } = proto.temporal.api.enums.v1;
const RUNNING = 'RUNNING';

@ObjectType({ description: 'What an admin operation did to a run' })
export class RunOperationResult {
  @Field(() => ID, { description: 'The workflow id' }) workflowId!: string;
  @Field(() => String, { description: "The run's status afterwards: RUNNING, CANCELLED, TERMINATED ..." })
  status!: string;
  @Field(() => String, { nullable: true, description: 'The run id, new after a reset' }) runId!: string | null;
  @Field(() => Int, { description: 'Open tasks the operation closed in the projection' }) tasksClosed!: number;
  @Field(() => RunAudit, { description: 'Its audit entry' }) audit!: RunAudit;
}

/** The run as Temporal describes it, or NOT_FOUND. */
export async function describeRun(run: WorkflowHandle) {
  try {
    return await run.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound(`No workflow run has id ${run.workflowId}`);
    throw error;
  }
}

/** Refuses (FORBIDDEN) an operation on a run outside the caller's jurisdiction, before the audit: nothing changes. */
async function requireKept(ctx: ProcessesContext, workflowId: string): Promise<void> {
  await requireRunKept(ctx, await describeRun(ctx.temporal.workflow.getHandle(workflowId)));
}

/** Waits (up to `ms`) until the run has closed; its final status, or RUNNING. */
async function closed(run: WorkflowHandle, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { status } = await run.describe();
    if (status.name !== RUNNING || Date.now() > deadline) return status.name;
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** Cancels or terminates one run and settles its projection: shared by the mutations and the batch. */
export async function endRun(
  ctx: Pick<ProcessesContext, 'temporal' | 'em' | 'catalog'>,
  workflowId: string,
  end: RunEnd,
  reason: string,
): Promise<{ status: string; tasksClosed: number }> {
  const run = ctx.temporal.workflow.getHandle(workflowId);
  const described = await describeRun(run);
  if (described.status.name !== RUNNING) throw conflict(`Run ${workflowId} is ${described.status.name}, not running`);
  if (end === 'CANCELLED') await run.cancel();
  else await run.terminate(`管理员终止：${reason}`);
  // A cancelled workflow cleans up first (tasks closed, process marked), then closes.
  const status = await closed(run, end === 'CANCELLED' ? 10_000 : 0);
  const tasksClosed =
    status === RUNNING ? 0 : await settleProjection(ctx.em.fork(), workflowId, end, reason, ctx.catalog);
  return { status, tasksClosed };
}

@Resolver()
export class RunOperationsResolver {
  @Authorized('ADMIN')
  @Mutation(() => RunOperationResult, {
    description:
      'ADMIN: cancel a run; the workflow closes its tasks and marks its process, and the projection is settled',
  })
  async cancelRun(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    return this.end(ctx, requireWorkflowId(id), 'CANCELLED', reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => RunOperationResult, {
    description:
      'ADMIN: terminate a run at once (the workflow gets no say); its tasks are closed and its process marked TERMINATED',
  })
  async terminateRun(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    return this.end(ctx, requireWorkflowId(id), 'TERMINATED', reason);
  }

  private async end(ctx: ProcessesContext, workflowId: string, end: RunEnd, reason: string) {
    await requireKept(ctx, workflowId);
    const { value, audit } = await audited(
      ctx,
      { action: end === 'CANCELLED' ? 'CANCEL' : 'TERMINATE', target: workflowId, reason },
      () => endRun(ctx, workflowId, end, reason),
    );
    return { workflowId, runId: null, ...value, audit };
  }

  @Authorized('ADMIN')
  @Mutation(() => RunOperationResult, {
    description:
      "ADMIN: retry a failing activity now (attempts start again at 1); all of the run's pending activities when activityId is left out",
  })
  async retryActivity(
    @Arg('id', () => ID) id: string,
    @Arg('activityId', () => String, { nullable: true }) activityId: string | undefined,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const workflowId = requireWorkflowId(id);
    await requireKept(ctx, workflowId);
    const { audit } = await audited(
      ctx,
      { action: 'RETRY_ACTIVITY', target: workflowId, reason, details: { activityId: activityId ?? null } },
      async () => {
        const described = await describeRun(ctx.temporal.workflow.getHandle(workflowId));
        const pending = described.raw.pendingActivities ?? [];
        if (activityId !== undefined && !pending.some((a) => a.activityId === activityId)) {
          throw badInput(
            `Run ${workflowId} has no pending activity ${activityId} (pending: ${pending.map((a) => a.activityId).join(', ') || 'none'})`,
            'activityId',
          );
        }
        if (!pending.length) throw conflict(`Run ${workflowId} has no pending activity to retry`);
        await ctx.temporal.workflowService.resetActivity({
          namespace: ctx.settings.temporalNamespace,
          execution: { workflowId },
          identity: ctx.identity.subject,
          ...(activityId !== undefined ? { id: activityId } : { matchAll: true }),
          resetHeartbeat: true,
        });
      },
    );
    return { workflowId, runId: null, status: RUNNING, tasksClosed: 0, audit };
  }

  @Authorized('ADMIN')
  @Mutation(() => RunOperationResult, {
    description:
      'ADMIN: reset a run to the end of an earlier workflow task (toEventId, a WorkflowTaskCompleted event; the last one when left out). Temporal starts a new run from there; tasks the old run opened after that point are closed',
  })
  async resetRun(
    @Arg('id', () => ID) id: string,
    @Arg('toEventId', () => Int, { nullable: true }) toEventId: number | undefined,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const workflowId = requireWorkflowId(id);
    await requireKept(ctx, workflowId);
    const { value, audit } = await audited(
      ctx,
      { action: 'RESET', target: workflowId, reason, details: { toEventId: toEventId ?? null } },
      async () => {
        const run = ctx.temporal.workflow.getHandle(workflowId);
        const described = await describeRun(run);
        const history = await run.fetchHistory();
        const points = (history.events ?? []).filter(
          (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
        );
        const point = toEventId === undefined ? points.at(-1) : points.find((e) => Number(e.eventId) === toEventId);
        if (!point) {
          throw badInput(
            `toEventId must be a WorkflowTaskCompleted event of the run (${points.map((e) => Number(e.eventId)).join(', ') || 'none yet'})`,
            'toEventId',
          );
        }
        const at = new Date(Number(point.eventTime!.seconds) * 1000 + Math.floor((point.eventTime!.nanos ?? 0) / 1e6));
        const answer = await ctx.temporal.workflowService.resetWorkflowExecution({
          namespace: ctx.settings.temporalNamespace,
          workflowExecution: { workflowId, runId: described.runId },
          reason: `${ctx.identity.subject}: ${reason}`,
          workflowTaskFinishEventId: point.eventId,
          requestId: randomUUID(),
        });
        // Tasks the old run opened after the reset point belong to a history that no longer is.
        const em = ctx.em.fork();
        const closedTasks = (
          await em.getConnection().execute<{ affectedRows: number }>(
            `update processes.human_task set status = 'CANCELLED', comment = ?, completed_at = now()
          where workflow_id = ? and created_at > ? and status in ('OPEN', 'CLAIMED')`,
            [`运行已重置：${reason}`, workflowId, at],
            'run',
          )
        ).affectedRows;
        return { runId: answer.runId ?? null, tasksClosed: closedTasks };
      },
    );
    return { workflowId, status: RUNNING, ...value, audit };
  }

  @Authorized('ADMIN')
  @Query(() => [RunAudit], {
    description:
      'ADMIN: admin operations, newest first; on one target (a workflow, task, batch or schedule id) when given',
  })
  async runAudit(
    @Arg('target', () => String, { nullable: true }) target: string | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: ProcessesContext,
  ) {
    if (first < 1 || first > 200) throw badInput('first must be between 1 and 200', 'first');
    // An admin reads the operations of admins of their jurisdiction (docs/jurisdiction.md).
    const within = await madeWithin(ctx);
    return ctx.em.find(
      RunAudit,
      { ...(target ? { target } : {}), ...within },
      { orderBy: { at: 'desc', id: 'desc' }, limit: first },
    );
  }
}
