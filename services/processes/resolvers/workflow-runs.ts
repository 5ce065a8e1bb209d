import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { WorkflowNotFoundError, type WorkflowExecutionInfo } from '@temporalio/client';
import { HumanTask, TaskStatus } from '../entities/human-task.js';
import type { ProcessesContext } from '../context.js';
import { badInput, notFound } from '../../shared/errors.js';
import { requireRole } from '../../shared/access.js';
import { TRAINING_WORKFLOW_TYPE } from '../../../workflows/training/types.js';

// The admin's view of runs comes straight from Temporal (visibility for lists, describe for
// one run); only the open tasks come from the processes schema.

export enum ProcessType {
  TRAINING_ENROLLMENT = 'TRAINING_ENROLLMENT',
}
registerEnumType(ProcessType, { name: 'ProcessType' });
const WORKFLOW_TYPES: Record<ProcessType, string> = { TRAINING_ENROLLMENT: TRAINING_WORKFLOW_TYPE };

export enum RunStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  TERMINATED = 'TERMINATED',
  CONTINUED_AS_NEW = 'CONTINUED_AS_NEW',
  TIMED_OUT = 'TIMED_OUT',
}
registerEnumType(RunStatus, { name: 'RunStatus' });
// Names in Temporal's visibility query language.
const VISIBILITY_STATUS: Record<RunStatus, string> = {
  RUNNING: 'Running', COMPLETED: 'Completed', FAILED: 'Failed', CANCELLED: 'Canceled',
  TERMINATED: 'Terminated', CONTINUED_AS_NEW: 'ContinuedAsNew', TIMED_OUT: 'TimedOut',
};

@ObjectType({ description: 'One run of a workflow, as Temporal reports it' })
class WorkflowRun {
  @Field(() => ID, { description: 'The workflow id' }) id!: string;
  @Field(() => String) runId!: string;
  @Field(() => String, { description: 'The workflow type, e.g. trainingEnrollment' }) type!: string;
  @Field(() => String, { description: 'RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT ...' }) status!: string;
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

function toRun(info: Omit<WorkflowExecutionInfo, 'raw'>): WorkflowRun {
  return {
    id: info.workflowId, runId: info.runId, type: info.type, status: info.status.name,
    startTime: info.startTime, closeTime: info.closeTime ?? null, taskQueue: info.taskQueue,
    historyLength: info.historyLength,
  };
}

@Resolver(() => WorkflowRun)
export class WorkflowRunResolver {
  @Query(() => WorkflowRunList, { description: 'ADMIN: workflow runs, newest first' })
  async workflowRuns(
    @Arg('type', () => ProcessType, { nullable: true }) type: ProcessType | undefined,
    @Arg('status', () => RunStatus, { nullable: true }) status: RunStatus | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() { identity, temporal }: ProcessesContext,
  ): Promise<WorkflowRunList> {
    requireRole(identity, 'ADMIN');
    if (first < 1 || first > 100) throw badInput('first must be between 1 and 100', 'first');
    const conditions = [
      type ? `WorkflowType = '${WORKFLOW_TYPES[type]}'` : undefined,
      status ? `ExecutionStatus = '${VISIBILITY_STATUS[status]}'` : undefined,
    ].filter(Boolean);
    const query = conditions.join(' AND ') || undefined;
    const runs: WorkflowRun[] = [];
    for await (const info of temporal.workflow.list({ query, pageSize: first })) {
      runs.push(toRun(info));
      if (runs.length >= first) break;
    }
    const { count } = await temporal.workflow.count(query);
    return { totalCount: count, runs };
  }

  @Query(() => WorkflowRun, { description: 'ADMIN: the latest run of a workflow id' })
  async workflowRun(@Arg('id', () => ID) id: string, @Ctx() { identity, temporal }: ProcessesContext): Promise<WorkflowRun> {
    requireRole(identity, 'ADMIN');
    if (!/^[\w.:-]{1,200}$/.test(id)) throw badInput(`"${id}" is not a workflow id`, 'id');
    try {
      return toRun(await temporal.workflow.getHandle(id).describe());
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`No workflow run has id ${id}`);
      throw error;
    }
  }

  @FieldResolver(() => [HumanTask], { description: 'Tasks of this run still waiting for a person' })
  openTasks(@Root() run: WorkflowRun, @Ctx() { em }: ProcessesContext): Promise<HumanTask[]> {
    return em.find(HumanTask, { workflowId: run.id, status: TaskStatus.OPEN }, { orderBy: { createdAt: 'asc' } });
  }
}
