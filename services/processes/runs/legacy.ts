import {
  Authorized,
  Arg,
  Ctx,
  Field,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { WorkflowNotFoundError, type WorkflowExecutionInfo } from '@temporalio/client';
import { ACTIVE_STATUSES, HumanTask } from '../kit/human-task.js';
import { ProcessType } from '../kit/catalog-enums.js';
import { RunStatus, VISIBILITY_STATUS } from './run.js';
import type { ProcessesContext } from '../kit/context.js';
import { badInput, notFound } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';
import { requireRunSeen, runsInJurisdiction } from './jurisdiction.js';

// The first admin view of runs (deprecated): at most 100 runs in visibility's own order, no
// cursor. processRuns and processRun (resolvers.ts) replace it; kept while clients move.

@ObjectType({ description: 'One run of a workflow, as Temporal reports it' })
class WorkflowRun {
  @Field(() => ID, { description: 'The workflow id' }) id!: string;
  @Field(() => String) runId!: string;
  @Field(() => String, { description: 'The workflow type, e.g. trainingEnrollment' }) type!: string;
  @Field(() => String, { nullable: true, description: 'The process (HubProcessType), e.g. TRAINING_ENROLLMENT' })
  processType!: string | null;
  @Field(() => ID, { nullable: true, description: 'The organization it concerns (HubOrganizationId)' })
  organizationId!: string | null;
  @Field(() => String, { nullable: true, description: 'Where it stands (HubStage)' }) stage!: string | null;
  @Field(() => Int, { nullable: true, description: 'The year it belongs to (HubYear)' }) year!: number | null;
  @Field(() => String, { nullable: true, description: 'What it is about, in Chinese' }) summary!: string | null;
  @Field(() => String, { description: 'RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT ...' })
  status!: string;
  @Field(() => GraphQLISODateTime) startTime!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closeTime!: Date | null;
  @Field(() => String) taskQueue!: string;
  @Field(() => Int) historyLength!: number;
}

@ObjectType()
class WorkflowRunList {
  @Field(() => Int, { description: 'Runs matching the filter in all' }) totalCount!: number;
  @Field(() => [WorkflowRun]) runs!: WorkflowRun[];
}

async function toRun(info: Omit<WorkflowExecutionInfo, 'raw'>, summary: string | null = null): Promise<WorkflowRun> {
  const attributes = info.typedSearchAttributes;
  return {
    id: info.workflowId,
    runId: info.runId,
    type: info.type,
    status: info.status.name,
    processType: attributes.get(PROCESS_TYPE) ?? null,
    organizationId: attributes.get(ORGANIZATION_ID) ?? null,
    stage: attributes.get(STAGE) ?? null,
    year: attributes.get(YEAR) ?? null,
    summary,
    startTime: info.startTime,
    closeTime: info.closeTime ?? null,
    taskQueue: info.taskQueue,
    historyLength: info.historyLength,
  };
}

@Resolver(() => WorkflowRun)
export class WorkflowRunResolver {
  @Authorized('ADMIN')
  @Query(() => WorkflowRunList, {
    description: 'ADMIN: workflow runs (at most 100, running first)',
    deprecationReason: 'Use processRuns: a connection, newest first, more filters and counts',
  })
  async workflowRuns(
    @Arg('type', () => ProcessType, { nullable: true }) type: string | undefined,
    @Arg('status', () => RunStatus, { nullable: true }) status: RunStatus | undefined,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | undefined,
    @Arg('stage', () => String, { nullable: true }) stage: string | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: ProcessesContext,
  ): Promise<WorkflowRunList> {
    const { temporal, catalog } = ctx;
    if (first < 1 || first > 100) throw badInput('first must be between 1 and 100', 'first');
    if (stage !== undefined && !/^[A-Z_]{1,60}$/.test(stage))
      throw badInput(`"${stage}" is not a stage name (e.g. AWAITING_CONFIRMATION)`, 'stage');
    const workflowType = type ? Object.keys(catalog.byType(type)!.workflows)[0] : undefined;
    const conditions = [
      workflowType ? `WorkflowType = '${workflowType}'` : undefined,
      status ? `ExecutionStatus = '${VISIBILITY_STATUS[status]}'` : undefined,
      organizationId ? `${ORGANIZATION_ID.name} = '${requireUuid(organizationId, 'organizationId')}'` : undefined,
      stage ? `${STAGE.name} = '${stage}'` : undefined,
    ].filter(Boolean);
    const scope = await runsInJurisdiction(ctx);
    const query = [...conditions, ...(scope ? [`(${scope})`] : [])].join(' AND ') || undefined;
    const runs: WorkflowRun[] = [];
    for await (const info of temporal.workflow.list({ query, pageSize: first })) {
      runs.push(await toRun(info));
      if (runs.length >= first) break;
    }
    const { count } = await temporal.workflow.count(query);
    return { totalCount: count, runs };
  }

  @Authorized('ADMIN')
  @Query(() => WorkflowRun, {
    description: 'ADMIN: the latest run of a workflow id',
    deprecationReason: 'Use processRun(id): tasks, activities, children, audit and the timeline',
  })
  async workflowRun(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext): Promise<WorkflowRun> {
    if (!/^[\w.:-]{1,200}$/.test(id)) throw badInput(`"${id}" is not a workflow id`, 'id');
    try {
      const described = await ctx.temporal.workflow.getHandle(id).describe();
      await requireRunSeen(ctx, described);
      return toRun(described, (await described.staticSummary()) ?? null);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`No workflow run has id ${id}`);
      throw error;
    }
  }

  @FieldResolver(() => [HumanTask], { description: 'Tasks of this run still waiting for a person' })
  openTasks(@Root() run: WorkflowRun, @Ctx() { em }: ProcessesContext): Promise<HumanTask[]> {
    return em.find(
      HumanTask,
      { workflowId: run.id, status: { $in: ACTIVE_STATUSES } },
      { orderBy: { createdAt: 'asc' } },
    );
  }
}
