import { Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { badInput } from '../../common/errors.js';
import { requireWorkflowId, UUID_PATTERN, WORKFLOW_ID_PATTERN } from '../../common/ids.js';
import { ProcessType } from '../kit/catalog-enums.js';
import type { ProcessCatalog } from '../kit/process-catalog.js';
import { RunStatus, VISIBILITY_STATUS } from './run.js';
import { and, visibilityTime } from './paging.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';

// The admins' filter of runs: the fields visibility answers itself (process type, status and
// the hub's search attributes, times) become one visibility query; the two that need the hub's
// own tables or a look at running runs (waitingLongerThan, inTrouble) become a WorkflowId IN (...)
// clause in candidates.ts.

@InputType({ description: 'Which runs: every field given must hold (AND)' })
export class ProcessRunFilter {
  @Field(() => ProcessType, { nullable: true }) processType?: string;
  @Field(() => RunStatus, { nullable: true }) status?: RunStatus;
  @Field(() => ID, { nullable: true, description: 'The organization the run concerns (HubOrganizationId)' })
  organizationId?: string;
  @Field(() => String, { nullable: true, description: 'HubStage, e.g. AWAITING_ENDORSEMENT, NOTICE' }) stage?: string;
  @Field(() => Int, { nullable: true, description: 'HubYear' }) year?: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Started at or after' }) startedAfter?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Started before' }) startedBefore?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Closed at or after (open runs never match)' })
  closedAfter?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Closed before (open runs never match)' })
  closedBefore?: Date;
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds: runs with an OPEN or CLAIMED task created longer ago than this (waiting for a person)',
  })
  waitingLongerThan?: number;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: failed runs, runs with an open task past its due date, and running runs with an activity retrying (attempt > 1); false or absent: no condition',
  })
  inTrouble?: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Runs started by this workflow id (e.g. an evaluation campaign's applications)",
  })
  parentId?: string;
}

const FILTER_FIELDS = [
  'processType',
  'status',
  'organizationId',
  'stage',
  'year',
  'startedAfter',
  'startedBefore',
  'closedAfter',
  'closedBefore',
  'waitingLongerThan',
  'inTrouble',
  'parentId',
] as const;

export const STAGE_PATTERN = /^[A-Z][A-Z0-9_]{0,59}$/;
const MAX_WAIT_SECONDS = 10 * 366 * 86_400;

/** Refuses a filter that cannot be a visibility query, naming the field (filter.<name>). */
export function checkFilter(filter: ProcessRunFilter, catalog: ProcessCatalog, prefix = 'filter'): ProcessRunFilter {
  const field = (name: string) => `${prefix}.${name}`;
  if (filter.processType != null && !catalog.byType(filter.processType))
    throw badInput(`"${filter.processType}" is not a process of the catalog`, field('processType'));
  if (filter.status != null && !(filter.status in VISIBILITY_STATUS))
    throw badInput(`"${filter.status}" is not a run status`, field('status'));
  if (filter.organizationId != null && !UUID_PATTERN.test(filter.organizationId))
    throw badInput(`"${filter.organizationId}" is not a valid id (expected a UUID)`, field('organizationId'));
  if (filter.stage != null && !STAGE_PATTERN.test(filter.stage))
    throw badInput(`"${filter.stage}" is not a stage name (e.g. AWAITING_CONFIRMATION)`, field('stage'));
  if (filter.year != null && !(Number.isInteger(filter.year) && filter.year >= 1900 && filter.year <= 2200))
    throw badInput('year must be between 1900 and 2200', field('year'));
  for (const name of ['startedAfter', 'startedBefore', 'closedAfter', 'closedBefore'] as const) {
    const value = filter[name];
    if (
      value != null &&
      !(
        value instanceof Date &&
        Number.isFinite(value.getTime()) &&
        value.getUTCFullYear() >= 1970 &&
        value.getUTCFullYear() <= 9999
      )
    ) {
      throw badInput(`${name} must be a date and time between 1970 and 9999`, field(name));
    }
  }
  if (
    filter.waitingLongerThan != null &&
    !(
      Number.isInteger(filter.waitingLongerThan) &&
      filter.waitingLongerThan >= 1 &&
      filter.waitingLongerThan <= MAX_WAIT_SECONDS
    )
  ) {
    throw badInput(`waitingLongerThan is in seconds, 1 to ${MAX_WAIT_SECONDS} (ten years)`, field('waitingLongerThan'));
  }
  if (filter.inTrouble != null && typeof filter.inTrouble !== 'boolean')
    throw badInput('inTrouble is true or false', field('inTrouble'));
  if (filter.parentId != null) requireWorkflowId(filter.parentId, field('parentId'));
  return filter;
}

const quoted = (value: string) => `'${value}'`;
const time = (date: Date) => quoted(visibilityTime(BigInt(date.getTime()) * 1000n));

/** The visibility clauses of the fields visibility answers itself (checked values only). */
export function visibilityClauses(filter: ProcessRunFilter): string | undefined {
  return and(
    filter.processType != null ? `${PROCESS_TYPE.name} = ${quoted(filter.processType)}` : undefined,
    filter.status != null ? `ExecutionStatus = ${quoted(VISIBILITY_STATUS[filter.status])}` : undefined,
    filter.organizationId != null
      ? `${ORGANIZATION_ID.name} = ${quoted(filter.organizationId.toLowerCase())}`
      : undefined,
    filter.stage != null ? `${STAGE.name} = ${quoted(filter.stage)}` : undefined,
    filter.year != null ? `${YEAR.name} = ${filter.year}` : undefined,
    filter.startedAfter != null ? `StartTime >= ${time(filter.startedAfter)}` : undefined,
    filter.startedBefore != null ? `StartTime < ${time(filter.startedBefore)}` : undefined,
    filter.closedAfter != null ? `CloseTime >= ${time(filter.closedAfter)}` : undefined,
    filter.closedBefore != null ? `CloseTime < ${time(filter.closedBefore)}` : undefined,
    filter.parentId != null ? `ParentWorkflowId = ${quoted(filter.parentId)}` : undefined,
  );
}

/** `WorkflowId IN (...)` of ids the hub made; any other id (it never makes one) is left out rather than quoted. */
export function workflowIdIn(ids: Iterable<string>): string {
  const safe = [...new Set(ids)].filter((id) => WORKFLOW_ID_PATTERN.test(id));
  return `WorkflowId IN (${safe.map(quoted).join(', ')})`;
}

/** A saved view's filter as stored: the fields given, dates as ISO strings. */
export function filterToJson(filter: ProcessRunFilter): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const name of FILTER_FIELDS) {
    const value = filter[name];
    if (value != null) json[name] = value instanceof Date ? value.toISOString() : value;
  }
  return json;
}

/** A stored filter back as a ProcessRunFilter (checked again: a view outlives the rules it was saved under). */
export function filterFromJson(
  json: Record<string, unknown>,
  catalog: ProcessCatalog,
  prefix: string,
): ProcessRunFilter {
  const filter = new ProcessRunFilter();
  for (const name of FILTER_FIELDS) {
    const value = json[name];
    if (value == null) continue;
    if (['startedAfter', 'startedBefore', 'closedAfter', 'closedBefore'].includes(name)) {
      (filter as Record<string, unknown>)[name] = new Date(String(value));
    } else {
      (filter as Record<string, unknown>)[name] = value;
    }
  }
  return checkFilter(filter, catalog, prefix);
}

/** The view's filter with the fields given in `over` taking precedence. */
export function mergeFilters(base: ProcessRunFilter, over: ProcessRunFilter | undefined): ProcessRunFilter {
  const merged = Object.assign(new ProcessRunFilter(), base);
  for (const name of FILTER_FIELDS) {
    if (over?.[name] != null) (merged as Record<string, unknown>)[name] = over[name];
  }
  return merged;
}
