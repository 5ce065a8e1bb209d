import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributePair } from '@temporalio/common';

// Search attributes every run carries, so an admin can tell at a glance (in the Temporal UI and
// in workflowRuns) which process, organisation, stage and year a run is at, and filter by them.
// Registered by the hub at start-up (services/processes/search-attributes.ts). No personal data.

// (The SDK's key type is not exported by name; it is the `key` of a pair.)
type Key<T extends SearchAttributePair['key']['type']> = Extract<SearchAttributePair['key'], { type: T }>;
export const PROCESS_TYPE = { name: 'HubProcessType', type: 'KEYWORD' } as Key<'KEYWORD'>;
export const ORGANIZATION_ID = { name: 'HubOrganizationId', type: 'KEYWORD' } as Key<'KEYWORD'>;
export const STAGE = { name: 'HubStage', type: 'KEYWORD' } as Key<'KEYWORD'>;
export const YEAR = { name: 'HubYear', type: 'INT' } as Key<'INT'>;

export const HUB_SEARCH_ATTRIBUTES = [PROCESS_TYPE, ORGANIZATION_ID, STAGE, YEAR];

/**
 * Records the run's stage. Runs started without the hub's attributes (workflow tests on a bare
 * server, old runs) keep none, since upserting an unregistered attribute fails the task.
 */
export function markStage(stage: string): void {
  if (workflowInfo().typedSearchAttributes.get(STAGE) === undefined) return;
  upsertSearchAttributes([{ key: STAGE, value: stage }]);
}
