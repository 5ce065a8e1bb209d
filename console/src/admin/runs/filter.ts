import type { ProcessRunFilter, ProcessType, RunStatus } from '../../gql/graphql';

// The runs list keeps its filter in the address (?processType=…&stage=…), so a filtered list
// can be bookmarked, sent to another admin and linked from the overviews. `view` names a saved
// view the list applies as saved; a filter changed in the form is the admin's own again.

const TEXT = [
  'organizationId',
  'stage',
  'startedAfter',
  'startedBefore',
  'closedAfter',
  'closedBefore',
  'parentId',
] as const;
const NUMBERS = ['year', 'waitingLongerThan'] as const;

export function filterFromSearch(search: URLSearchParams): ProcessRunFilter {
  const filter: ProcessRunFilter = {};
  const processType = search.get('processType');
  if (processType) filter.processType = processType as ProcessType;
  const status = search.get('status');
  if (status) filter.status = status as RunStatus;
  for (const key of TEXT) {
    const value = search.get(key);
    if (value) filter[key] = value;
  }
  for (const key of NUMBERS) {
    const value = Number(search.get(key));
    if (search.get(key) && Number.isInteger(value)) filter[key] = value;
  }
  if (search.get('inTrouble') === 'true') filter.inTrouble = true;
  return filter;
}

export function searchFromFilter(filter: ProcessRunFilter, view?: string): URLSearchParams {
  const search = new URLSearchParams();
  if (view) search.set('view', view);
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  return search;
}

/** Only the fields that hold a value, so two filters compare by what they ask. */
export function cleanFilter(filter: Record<string, unknown>): ProcessRunFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([, value]) => value !== undefined && value !== null && value !== '' && value !== false,
    ),
  );
}

export function sameFilter(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const left = cleanFilter(a);
  const right = cleanFilter(b);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every(
    (key) => String((left as Record<string, unknown>)[key]) === String((right as Record<string, unknown>)[key]),
  );
}

/** The part of a runs filter a batch operation takes (process type, organization, stage, year). */
export function batchPart(filter: ProcessRunFilter) {
  const { processType, organizationId, stage, year } = filter;
  return cleanFilter({ processType, organizationId, stage, year }) as Pick<
    ProcessRunFilter,
    'processType' | 'organizationId' | 'stage' | 'year'
  >;
}

/** Fields of the filter a batch does not take: the admin is told they are left out. */
export function fieldsBatchIgnores(filter: ProcessRunFilter): string[] {
  return Object.keys(cleanFilter(filter as Record<string, unknown>)).filter(
    (key) => !['processType', 'organizationId', 'stage', 'year', 'status'].includes(key),
  );
}
