import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { ProcessType } from '../kit/catalog-enums.js';
import { PageInfo } from '../../common/connection.js';
import { timestampMicros } from './paging.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';

// One run as the admins' lists show it: what visibility reports (ids, type, the hub's search
// attributes, status, times); the detail fields are resolved on demand (resolvers.ts).

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

/** The names of the statuses in Temporal's visibility query language (ExecutionStatus = '...'). */
export const VISIBILITY_STATUS: Record<RunStatus, string> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Canceled',
  TERMINATED: 'Terminated',
  CONTINUED_AS_NEW: 'ContinuedAsNew',
  TIMED_OUT: 'TimedOut',
};
const FROM_VISIBILITY = new Map(Object.entries(VISIBILITY_STATUS).map(([status, name]) => [name, status as RunStatus]));
export const statusOfVisibilityName = (name: string): RunStatus | undefined => FROM_VISIBILITY.get(name);

@ObjectType({ description: "A run of one of the Federation's processes (a Temporal workflow run)" })
export class ProcessRun {
  @Field(() => ID, { description: 'The workflow id (processRun(id) takes it)' }) id!: string;
  @Field(() => String) runId!: string;
  @Field(() => String, { description: 'The Temporal workflow type, e.g. trainingEnrollment, evaluationApplication' })
  workflowType!: string;
  @Field(() => ProcessType, {
    nullable: true,
    description: 'The process (HubProcessType); null for runs outside the catalog',
  })
  processType!: string | null;
  /** HubOrganizationId; the `organization` field resolves it. */
  organizationId!: string | null;
  @Field(() => String, { nullable: true, description: 'Where it stands (HubStage), e.g. AWAITING_CONFIRMATION' })
  stage!: string | null;
  @Field(() => Int, { nullable: true, description: 'The year it belongs to (HubYear)' }) year!: number | null;
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => GraphQLISODateTime) startTime!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closeTime!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'The run that started this one (an evaluation campaign for its applications)',
  })
  parentId!: string | null;
  @Field(() => String) taskQueue!: string;
  /** What visibility reported: 0 while the run is open (filled from describe()). */
  listedHistoryLength!: number;
  startMicros!: bigint;
}

/** A list entry or a description from the Temporal client, as a ProcessRun. */
export function toProcessRun(info: Omit<WorkflowExecutionInfo, 'raw'> & { raw: object }): ProcessRun {
  const attributes = info.typedSearchAttributes;
  // A list entry's raw is the execution info; a description's holds it (both with nanoseconds).
  type Raw = { startTime?: { seconds?: unknown; nanos?: number | null } | null; workflowExecutionInfo?: Raw | null };
  const raw = info.raw as Raw;
  const start = raw.workflowExecutionInfo?.startTime ?? raw.startTime;
  // The client's status names are ours; PAUSED (a paused run, newer servers) is still open.
  const status = info.status.name in VISIBILITY_STATUS ? (info.status.name as RunStatus) : RunStatus.RUNNING;
  // A value the catalog no longer has (a retired process) would not fit the enum: null, like runs outside it.
  const declared = attributes.get(PROCESS_TYPE) as string | undefined;
  const processType = declared && declared in ProcessType ? declared : null;
  return Object.assign(new ProcessRun(), {
    id: info.workflowId,
    runId: info.runId,
    workflowType: info.type,
    processType,
    organizationId: (attributes.get(ORGANIZATION_ID) as string | undefined) ?? null,
    stage: (attributes.get(STAGE) as string | undefined) ?? null,
    year: (attributes.get(YEAR) as number | undefined) ?? null,
    status,
    startTime: info.startTime,
    closeTime: info.closeTime ?? null,
    parentId: info.parentExecution?.workflowId ?? null,
    taskQueue: info.taskQueue,
    listedHistoryLength: info.historyLength,
    startMicros: start ? timestampMicros(start) : BigInt(info.startTime.getTime()) * 1000n,
  });
}

@ObjectType({ description: 'How many runs of a filter are in one status' })
export class RunStatusCount {
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ProcessRunEdge {
  @Field(() => String) cursor!: string;
  @Field(() => ProcessRun) node!: ProcessRun;
}

@ObjectType({ description: 'Runs newest first (by start time), with counts for the whole filter' })
export class ProcessRunConnection {
  @Field(() => [ProcessRunEdge]) edges!: ProcessRunEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many runs match, over all pages' }) totalCount!: number;
  @Field(() => [RunStatusCount], { description: 'The same filter counted per status (statuses with no run left out)' })
  countsByStatus!: RunStatusCount[];
  @Field(() => Boolean, {
    description:
      'waitingLongerThan or inTrouble found more candidates than the hub checks (500 runs from the tasks, ' +
      '200 running runs described for retrying activities): the longest waiting, most overdue and newest were kept',
  })
  candidatesLimited!: boolean;
}
