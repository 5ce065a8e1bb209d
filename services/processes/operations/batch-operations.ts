import {
  Authorized,
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ProcessesContext } from '../kit/context.js';
import { audited } from './audit.js';
import { RunAudit } from '../kit/run-audit.js';
import { CandidateInput, checkCandidates } from './task-operations.js';
import { checkFilter, ProcessRunFilter, visibilityClauses } from '../runs/filter.js';
import { runsInJurisdiction } from '../runs/jurisdiction.js';
import { and } from '../runs/paging.js';
import { ProcessType } from '../kit/catalog-enums.js';
import type { ProcessCatalog } from '../kit/process-catalog.js';
import { badInput, notFound } from '../../common/errors.js';
import { requireSeen } from '../kit/jurisdiction.js';
import {
  BATCH_WORKFLOW_TYPE,
  batchProgressQuery,
  type BatchInput,
  type BatchProgress,
} from '../../../workflows/operations/batch.js';

// Batch operations: one workflow (runBatch) per batch, over the RUNNING runs a filter selects.

export enum BatchAction {
  CANCEL = 'CANCEL',
  TERMINATE = 'TERMINATE',
  REASSIGN = 'REASSIGN',
}
/** A batch's action in the words its run's summary uses (the runs list shows it). */
const BATCH_WORDS: Record<BatchAction, string> = {
  [BatchAction.CANCEL]: '批量取消',
  [BatchAction.TERMINATE]: '批量终止',
  [BatchAction.REASSIGN]: '批量改派',
};
registerEnumType(BatchAction, {
  name: 'BatchAction',
  description: 'CANCEL or TERMINATE the runs, or REASSIGN their open tasks',
});

@InputType({ description: 'Which running runs a batch takes (all given conditions hold)' })
export class BatchFilter {
  @Field(() => ProcessType, { nullable: true, description: 'The same values as the runs filter' }) processType?: string;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => String, { nullable: true, description: 'e.g. BIDDING' }) stage?: string;
  @Field(() => Int, { nullable: true }) year?: number;
}

@ObjectType({ description: 'A batch operation and its progress' })
export class BatchOperation {
  @Field(() => ID, { description: 'Its id (the workflow id of its run)' }) id!: string;
  @Field(() => String, { description: 'LISTING, RUNNING, DONE or CANCELLED' }) status!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [String], { description: 'Runs that failed, with why (at most 100)' }) failures!: string[];
  @Field(() => RunAudit, { nullable: true, description: 'The audit entry of the operation just done' })
  audit?: RunAudit | null;
}

/** The visibility query of a filter: running runs of the hub's processes (never the batches themselves). */
export function batchQuery(filter: BatchFilter, catalog: ProcessCatalog): string {
  // The same checks and clauses as processRuns' filter (runs/filter.ts), so both select alike.
  const chosen = visibilityClauses(
    checkFilter(
      Object.assign(new ProcessRunFilter(), {
        processType: filter.processType,
        organizationId: filter.organizationId,
        stage: filter.stage,
        year: filter.year,
      }),
      catalog,
    ),
  );
  if (!chosen)
    throw badInput(
      'A batch needs at least one condition besides "running": a process type, an organization, a stage or a year',
      'filter',
    );
  return `ExecutionStatus = 'Running' AND WorkflowType != '${BATCH_WORKFLOW_TYPE}' AND ${chosen}`;
}

const view = (id: string, progress: BatchProgress, audit: RunAudit | null = null): BatchOperation => ({
  id,
  status: progress.status,
  total: progress.total,
  done: progress.done,
  failed: progress.failed,
  failures: progress.failures.map((f) => `${f.workflowId}: ${f.error}`),
  audit,
});

/**
 * A batch is its admin's Federation's: another Federation's admin finds none (NOT_FOUND), and a
 * province admin reaches its cities' batches. Batches from before have no Federation: every admin's.
 */
async function requireBatchSeen(ctx: ProcessesContext, id: string): Promise<void> {
  const started = await ctx.em.findOne(RunAudit, { target: id, action: { $like: 'BATCH_%' } });
  await requireSeen(ctx, started?.federationId, `No batch operation has id ${id}`);
}

async function progressOf(ctx: ProcessesContext, id: string): Promise<BatchProgress> {
  if (!/^batch-[0-9a-f-]{36}$/.test(id)) throw badInput(`"${id}" is not a batch id`, 'id');
  await requireBatchSeen(ctx, id);
  try {
    return await ctx.temporal.workflow.getHandle(id).query(batchProgressQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound(`No batch operation has id ${id}`);
    throw error;
  }
}

@Resolver()
export class BatchOperationsResolver {
  @Authorized('ADMIN')
  @Mutation(() => BatchOperation, {
    description:
      'ADMIN: cancel or terminate every running run a filter selects, or reassign their open tasks; runs as a workflow, its progress in batchOperation',
  })
  async startBatchOperation(
    @Arg('filter', () => BatchFilter) filter: BatchFilter,
    @Arg('action', () => BatchAction) action: BatchAction,
    @Arg('reason', () => String) reason: string,
    @Arg('candidates', () => [CandidateInput], { nullable: true, description: 'REASSIGN: who gets the tasks' })
    candidates: CandidateInput[] | undefined,
    @Ctx() ctx: ProcessesContext,
  ) {
    // An admin's batch takes only runs their Federation's jurisdiction holds (runs/jurisdiction.ts).
    const query = and(batchQuery(filter, ctx.catalog), await runsInJurisdiction(ctx))!;
    if (action === BatchAction.REASSIGN && !candidates) throw badInput('REASSIGN needs candidates', 'candidates');
    const checked = candidates ? checkCandidates(candidates) : undefined;
    const id = `batch-${randomUUID()}`;
    const input: BatchInput = {
      batchId: id,
      action,
      query,
      reason,
      candidates: checked,
      requestedBy: ctx.identity.subject,
    };
    const { audit } = await audited(
      ctx,
      { action: `BATCH_${action}`, target: id, reason, details: { filter: { ...filter }, query } },
      async () => {
        await ctx.temporal.workflow.start(BATCH_WORKFLOW_TYPE, {
          workflowId: id,
          taskQueue: ctx.settings.taskQueue,
          args: [input],
          staticSummary: `${BATCH_WORDS[action]}：${reason.slice(0, 60)}`,
        });
      },
    );
    return view(id, await progressOf(ctx, id), audit);
  }

  @Authorized('ADMIN')
  @Query(() => BatchOperation, { description: "ADMIN: a batch operation's progress (done / failed / total)" })
  async batchOperation(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext) {
    return view(id, await progressOf(ctx, id));
  }

  @Authorized('ADMIN')
  @Mutation(() => BatchOperation, { description: 'ADMIN: stop a batch between runs; what it did stays done' })
  async cancelBatchOperation(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    await progressOf(ctx, id);
    const { audit } = await audited(ctx, { action: 'CANCEL_BATCH', target: id, reason }, async () => {
      const run = ctx.temporal.workflow.getHandle(id);
      await run.cancel();
      await run.result().catch(() => undefined);
    });
    return view(id, await progressOf(ctx, id), audit);
  }
}
