import { Authorized, Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { WorkflowNotFoundError } from '@temporalio/client';
import { HumanTask } from '../kit/human-task.js';
import { TaskNotification } from '../kit/notification.js';
import { RunAudit } from '../kit/run-audit.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import { Process } from '../kit/process.js';
import type { ProcessesContext } from '../kit/context.js';
import { notFound } from '../../common/errors.js';
import { checkFilter, mergeFilters, ProcessRunFilter } from './filter.js';
import { requireRunId, requireWorkflowId } from '../../common/ids.js';
import { ProcessRun, ProcessRunConnection, RunStatus, toProcessRun } from './run.js';
import { describeRun, historyOf, primeDescription, runLoaders } from './loaders.js';
import { timelineOf } from './timeline.js';
import { catalogFacts } from './timeline-facts.js';
import { subjectNames, toldByName } from './subject-names.js';
import { viewFilter } from './views.js';

import { ACTIVITY_STATES, dateOf, messageOf, PendingActivity, RunSubject, RunTimelineEntry } from './run-detail.js';
import { runsPage } from './runs-page.js';
import { requireRunSeen } from './jurisdiction.js';

export { WorkflowRunResolver } from './legacy.js';

// The admins' view of runs: processRuns (find them: a connection over Temporal visibility,
// newest first, filters, saved views, counts per status) and processRun (understand one: its
// subject, tasks, pending activities, children, audit and a timeline in words). Lists cost one
// visibility page (paging.ts); the detail fields cost a describe() or the history per run asked.
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
      await requireRunSeen(ctx, described);
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
    const entries = timelineOf(events, {
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
    // People who acted by their person id are told by name (as far as the caller may see them).
    const names = await subjectNames(
      ctx,
      entries.flatMap((entry) => (entry.actor ? [entry.actor] : [])),
    );
    return entries.map((entry) => toldByName(entry, names));
  }
}
