import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

// Search attributes every run carries, so an admin can tell at a glance (in the Temporal UI and
// in workflowRuns) which process, organisation, stage and year a run is at, and filter by them.
// Registered by the hub at start-up (services/processes/search-attributes.ts). No personal data.

// A search attribute key as the SDK takes it: a name and an indexed type (declared here, since
// workflow code imports nothing but @temporalio/workflow).
export interface Key<T extends 'KEYWORD' | 'INT' = 'KEYWORD' | 'INT'> {
  name: string;
  type: T;
}
export const PROCESS_TYPE: Key<'KEYWORD'> = { name: 'HubProcessType', type: 'KEYWORD' };
export const ORGANIZATION_ID: Key<'KEYWORD'> = { name: 'HubOrganizationId', type: 'KEYWORD' };
export const STAGE: Key<'KEYWORD'> = { name: 'HubStage', type: 'KEYWORD' };
export const YEAR: Key<'INT'> = { name: 'HubYear', type: 'INT' };

export type SearchAttributeKey = Key;

export const HUB_SEARCH_ATTRIBUTES: SearchAttributeKey[] = [PROCESS_TYPE, ORGANIZATION_ID, STAGE, YEAR];

/**
 * Records the run's stage. Runs started without the hub's attributes (workflow tests on a bare
 * server, old runs) keep none, since upserting an unregistered attribute fails the task.
 */
export function markStage(stage: string): void {
  if (workflowInfo().typedSearchAttributes.get(STAGE) === undefined) return;
  upsertSearchAttributes([{ key: STAGE, value: stage }]);
}
