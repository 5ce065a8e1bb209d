import {
  Authorized,
  Arg,
  Ctx,
  Field,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow/index.js';
import { HumanTask } from '../kit/human-task.js';
import { TaskNotification } from '../kit/notification.js';
import { RunAudit } from '../kit/run-audit.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import { Process } from '../kit/process.js';
import type { ProcessesContext } from '../kit/context.js';
import { badInput, notFound } from '../../common/errors.js';
import { and, decodeRunCursor, encodeRunCursor, newestFirst, timestampMicros, type Visibility } from './paging.js';
import { checkFilter, mergeFilters, ProcessRunFilter } from './filter.js';
import { requireRunId, requireWorkflowId } from '../../common/ids.js';
import { asksFor } from '../../common/selection.js';
import { runQuery } from './candidates.js';
import {
  ProcessRun,
  ProcessRunConnection,
  RunStatus,
  RunStatusCount,
  statusOfVisibilityName,
  toProcessRun,
} from './run.js';
import { describeRun, historyOf, primeDescription, runLoaders } from './loaders.js';
import { timelineOf } from './timeline.js';
import { catalogFacts } from './timeline-facts.js';
import { viewFilter } from './views.js';

export { WorkflowRunResolver } from './legacy.js';

// The admins' view of runs: processRuns (find them: a connection over Temporal visibility,
// newest first, filters, saved views, counts per status) and processRun (understand one: its
// subject, tasks, pending activities, children, audit and a timeline in words). Lists cost one
// visibility page (paging.ts); the detail fields cost a describe() or the history per run asked.

@ObjectType({
  description: 'An activity the run is waiting on (ordinary activities; local ones run inside the workflow task)',
})
class PendingActivity {
  @Field(() => String) activityId!: string;
  @Field(() => String, { description: 'e.g. screenBids, payMilestone, issueCertificate' }) activityType!: string;
  @Field(() => String, { description: 'SCHEDULED, STARTED, CANCEL_REQUESTED, PAUSED ...' }) state!: string;
  @Field(() => Int, { description: '1 for the first try; more means it is retrying' }) attempt!: number;
  @Field(() => Int, { nullable: true, description: 'Null when unlimited' }) maximumAttempts!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' }) lastFailure!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastStartedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next attempt starts' })
  nextAttemptAt!: Date | null;
}

@ObjectType({ description: "A step of a run in the domain's words" })
class RunTimelineEntry {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => String, {
    description:
      'RUN_STARTED, STAGE_CHANGED, TASK_OPENED, TASK_DECIDED, TASK_REMINDED, TASK_ESCALATED, TASK_EXPIRED, NOTICE_STARTED, OBJECTION_LODGED, PAYMENT_MADE, CHILD_STARTED, CANCEL_REQUESTED, COMPLETED, FAILED ...',
  })
  kind!: string;
  @Field(() => String, { description: 'In Chinese' }) zh!: string;
  @Field(() => String, { description: 'In English' }) en!: string;
  @Field(() => String, { nullable: true, description: 'Who did it (token subject), where a person did' }) actor!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The task it concerns' }) taskId!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The Temporal history event it was read from; null for an admin's operation that leaves none (a reassignment)",
  })
  eventId!: number | null;
}

@ObjectType({ description: 'Another record a run belongs to, by name (e.g. campaignId)' })
class RunReference {
  @Field(() => String, { description: 'e.g. campaignId, procurementId' }) name!: string;
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'What a run is about' })
class RunSubject {
  @Field(() => OrganizationRef, {
    nullable: true,
    description: 'The organization it concerns (an agency for a procurement)',
  })
  organization!: OrganizationRef | null;
  @Field(() => ID, {
    nullable: true,
    description: "The process row's id (the enrollment, the evaluation, the procurement)",
  })
  processId!: string | null;
  @Field(() => [RunReference], { description: 'Other records it belongs to, as its process names them' })
  references!: RunReference[];
  @Field(() => String, {
    nullable: true,
    description: 'The evaluation campaign (its workflow id), for campaigns and their applications',
    deprecationReason: 'Use references (name campaignId)',
  })
  campaignId!: string | null;
  @Field(() => ID, { nullable: true, deprecationReason: 'Use references (name procurementId)' })
  procurementId!: string | null;
}

function visibilityOf(temporal: Client): Visibility<ProcessRun> {
  return {
    count: async (query) => (await temporal.workflow.count(query)).count,
    async list(query, limit) {
      const runs: ProcessRun[] = [];
      for await (const info of temporal.workflow.list({ query, pageSize: Math.min(limit, 1000) })) {
        runs.push(toProcessRun(info));
        if (runs.length >= limit) break;
      }
      return runs;
    },
  };
}

async function countsByStatus(
  temporal: Client,
  query: string | undefined,
): Promise<{ total: number; counts: RunStatusCount[] }> {
  const { count, groups } = await temporal.workflow.count(
    and(query) ? `${query} GROUP BY ExecutionStatus` : 'GROUP BY ExecutionStatus',
  );
  const counts = groups.flatMap((group) => {
    const value = group.groupValues[0];
    const status = statusOfVisibilityName(String(Array.isArray(value) ? value[0] : value));
    return status ? [{ status, count: group.count }] : [];
  });
  return {
    total: count,
    counts: counts.sort((a, b) => Object.keys(RunStatus).indexOf(a.status) - Object.keys(RunStatus).indexOf(b.status)),
  };
}

/**
 * One page of runs matching `filter` (checked), newest first. The GROUP BY count runs only when
 * the query asks for totalCount or countsByStatus: over 10,000 runs it was a third of a page's
 * time at the Temporal server (npm run bench:runs).
 */
export async function runsPage(
  ctx: ProcessesContext,
  filter: ProcessRunFilter,
  first: number,
  after: string | undefined,
  info?: GraphQLResolveInfo,
): Promise<ProcessRunConnection> {
  if (!(Number.isInteger(first) && first >= 1 && first <= 100))
    throw badInput('first must be between 1 and 100', 'first');
  const position = after != null ? decodeRunCursor(after) : undefined;
  const { query, empty, candidatesLimited } = await runQuery(filter, ctx);
  if (empty) {
    return {
      edges: [],
      totalCount: 0,
      countsByStatus: [],
      candidatesLimited,
      pageInfo: { hasNextPage: false, hasPreviousPage: after != null, startCursor: null, endCursor: null },
    };
  }
  const counted = asksFor(info, ['totalCount', 'countsByStatus']);
  const [page, counts] = await Promise.all([
    newestFirst(visibilityOf(ctx.temporal), query, first, position),
    counted ? countsByStatus(ctx.temporal, query) : { total: 0, counts: [] },
  ]);
  const edges = page.runs.map((node) => ({ node, cursor: encodeRunCursor(node) }));
  return {
    edges,
    totalCount: counts.total,
    countsByStatus: counts.counts,
    candidatesLimited,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

async function messageOf(
  temporal: Client,
  failure: Parameters<typeof decodeOptionalFailureToOptionalError>[1],
): Promise<string | null> {
  if (!failure) return null;
  try {
    const error = await decodeOptionalFailureToOptionalError(temporal.options.loadedDataConverter, failure);
    return error?.message ?? failure.message ?? null;
  } catch {
    return failure.message ?? null;
  }
}

const dateOf = (ts: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  ts ? new Date(Number(timestampMicros(ts) / 1000n)) : null;

// Short state names from the enum's (PENDING_ACTIVITY_STATE_STARTED → STARTED).
const ACTIVITY_STATES = ['UNSPECIFIED', 'SCHEDULED', 'STARTED', 'CANCEL_REQUESTED', 'PAUSED', 'PAUSE_REQUESTED'];

@Resolver(() => ProcessRun)
export class ProcessRunResolver {
  @Authorized('ADMIN')
  @Query(() => ProcessRunConnection, {
    description:
      "ADMIN: runs of the Federation's processes, newest first (by start), with counts per status. `view` applies a saved view; fields given in `filter` override its own",
  })
  async processRuns(
    @Arg('filter', () => ProcessRunFilter, { nullable: true }) filter: ProcessRunFilter | undefined,
    @Arg('view', () => ID, { nullable: true, description: 'A saved view (runViews) whose filter to apply' })
    view: string | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' })
    after: string | undefined,
    @Ctx() ctx: ProcessesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProcessRunConnection> {
    const given = filter ? checkFilter(filter, ctx.catalog) : undefined;
    const effective =
      view != null ? mergeFilters(await viewFilter(ctx, view), given) : (given ?? new ProcessRunFilter());
    return runsPage(ctx, effective, first, after ?? undefined, info);
  }

  @Authorized('ADMIN')
  @Query(() => ProcessRun, {
    description: 'ADMIN: one run (the latest of the workflow id, or `runId`), to understand it',
  })
  async processRun(
    @Arg('id', () => ID, { description: 'The workflow id' }) id: string,
    @Arg('runId', () => String, { nullable: true }) runId: string | undefined,
    @Ctx() ctx: ProcessesContext,
  ): Promise<ProcessRun> {
    requireWorkflowId(id);
    if (runId != null) requireRunId(runId);
    try {
      const described = await ctx.temporal.workflow.getHandle(id, runId ?? undefined).describe();
      primeDescription(ctx, described);
      return toProcessRun(described);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw notFound(`No run has workflow id ${id}${runId ? ` and run id ${runId}` : ''}`);
      throw error;
    }
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization it concerns (HubOrganizationId)',
  })
  organization(@Root() run: ProcessRun): OrganizationRef | null {
    return run.organizationId ? organizationRef(run.organizationId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'What it is about, in Chinese (the static summary; one describe() per run)',
  })
  async summary(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<string | null> {
    return (await (await describeRun(ctx, run.id, run.runId)).staticSummary()) ?? null;
  }

  @FieldResolver(() => Int, {
    description:
      "Events in its history. Visibility reports 0 until a run closes, so an open run's comes from describe()",
  })
  async historyLength(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<number> {
    if (run.status !== RunStatus.RUNNING && run.listedHistoryLength > 0) return run.listedHistoryLength;
    return (await describeRun(ctx, run.id, run.runId)).historyLength;
  }

  @FieldResolver(() => Process, {
    nullable: true,
    description:
      'The process row (TrainingEnrollment, EvaluationApplication, Procurement ...); null for runs without one (an evaluation campaign)',
  })
  async process(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<object | null> {
    const definition = ctx.catalog.byType(run.processType);
    if (!definition) return null;
    const processId = definition.processIdOf?.(run.id) ?? (await runLoaders(ctx).processId.load(run.id));
    return processId ? definition.loadProcess(ctx, processId) : null;
  }

  @FieldResolver(() => RunSubject)
  async subject(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<RunSubject> {
    const definition = ctx.catalog.byType(run.processType);
    const facts = (await definition?.subject?.(run, ctx)) ?? {
      processId: definition?.processIdOf?.(run.id) ?? (await runLoaders(ctx).processId.load(run.id)),
    };
    const references = Object.entries(facts.references ?? {}).flatMap(([name, id]) => (id ? [{ name, id }] : []));
    return {
      organization: this.organization(run),
      processId: facts.processId,
      references,
      campaignId: facts.references?.campaignId ?? null,
      procurementId: facts.references?.procurementId ?? null,
    };
  }

  @FieldResolver(() => [HumanTask], {
    description: 'Its tasks still waiting for a person (OPEN or CLAIMED), with candidates and due dates',
  })
  openTasks(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<HumanTask[]> {
    return runLoaders(ctx).openTasks.load(run.id);
  }

  @FieldResolver(() => [PendingActivity], {
    description: 'Ordinary activities it waits on, with attempts and the last failure (one describe() per run)',
  })
  async pendingActivities(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<PendingActivity[]> {
    if (run.status !== RunStatus.RUNNING) return [];
    const described = await describeRun(ctx, run.id, run.runId);
    return Promise.all(
      (described.raw.pendingActivities ?? []).map(async (a) => ({
        activityId: a.activityId ?? '',
        activityType: a.activityType?.name ?? '',
        state: ACTIVITY_STATES[Number(a.state ?? 0)] ?? String(a.state),
        attempt: a.attempt ?? 1,
        maximumAttempts: a.maximumAttempts ? a.maximumAttempts : null,
        lastFailure: await messageOf(ctx.temporal, a.lastFailure),
        lastStartedAt: dateOf(a.lastStartedTime),
        nextAttemptAt: dateOf(a.nextAttemptScheduleTime),
      })),
    );
  }

  @FieldResolver(() => ProcessRunConnection, {
    description: "The runs it started (an evaluation campaign's applications), newest first",
  })
  children(
    @Root() run: ProcessRun,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: ProcessesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProcessRunConnection> {
    return runsPage(ctx, Object.assign(new ProcessRunFilter(), { parentId: run.id }), first, after ?? undefined, info);
  }

  @FieldResolver(() => [RunAudit], {
    description: 'What admins did to the run and its tasks, oldest first (read-only here)',
  })
  async audit(@Root() run: ProcessRun, @Ctx() { em }: ProcessesContext): Promise<RunAudit[]> {
    const taskIds = (await em.find(HumanTask, { workflowId: run.id })).map((t) => t.id);
    return em.find(RunAudit, { target: { $in: [run.id, ...taskIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'What the workflow returned, for a completed run (decoded)',
  })
  async result(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<unknown> {
    if (run.status !== RunStatus.COMPLETED) return null;
    const closed = (await historyOf(ctx, run.id, run.runId)).findLast((e) => e.type === 'CLOSED');
    return closed?.type === 'CLOSED' ? closed.result : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it failed, was terminated or timed out (decoded)' })
  async failure(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<string | null> {
    if (run.status === RunStatus.RUNNING || run.status === RunStatus.COMPLETED) return null;
    const closed = (await historyOf(ctx, run.id, run.runId)).findLast((e) => e.type === 'CLOSED');
    return closed?.type === 'CLOSED' ? closed.message : null;
  }

  @FieldResolver(() => [RunTimelineEntry], {
    description:
      "Its history in the domain's words, Chinese and English, oldest first (reads the whole history: ask for one run at a time)",
  })
  async timeline(@Root() run: ProcessRun, @Ctx() ctx: ProcessesContext): Promise<RunTimelineEntry[]> {
    const { em } = ctx;
    const [events, tasks] = await Promise.all([
      historyOf(ctx, run.id, run.runId),
      em.find(HumanTask, { workflowId: run.id }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    ]);
    const taskIds = tasks.map((t) => t.id);
    const [notifications, audit] = await Promise.all([
      taskIds.length ? em.find(TaskNotification, { taskId: { $in: taskIds } }) : Promise.resolve([]),
      em.find(RunAudit, { target: { $in: [run.id, ...taskIds] } }),
    ]);
    // The run's own process, else the one its tasks name (a run started without the attributes).
    const definition = ctx.catalog.byType(run.processType ?? tasks[0]?.processType);
    return timelineOf(events, {
      ...catalogFacts(ctx.catalog, definition),
      tasks: tasks.map((t) => ({
        id: t.id,
        kind: t.kind,
        createdAt: t.createdAt,
        status: t.status,
        completedAt: t.completedAt ?? null,
      })),
      notifications: notifications.flatMap((n) =>
        n.taskId ? [{ taskId: n.taskId, kind: n.kind, createdAt: n.createdAt }] : [],
      ),
      audit: audit.map((a) => ({
        action: a.action,
        actor: a.actor,
        target: a.target,
        reason: a.reason,
        at: a.at,
        outcome: a.outcome,
      })),
    });
  }
}
