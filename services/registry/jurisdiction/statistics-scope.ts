import { requireUuid } from '../../common/ids.js';

// The statistics for a caller's jurisdiction (docs/jurisdiction.md): each figure of
// services/registry/statistics.ts keeps the rows whose organisation the Federation supervises
// on as_of, tested against the closure table's index. The Federation is written into the
// statement as a literal (a UUID, checked), not read from a one-row CTE: behind the CTE the
// planner saw an unknown Federation and guessed the average closure (about 10,000 rows) for
// every one, so it hashed the whole of a province's 94,000 rows for each figure, where its
// own statistics on the column know the province's size (bench province: 468 → 341 ms).
// (A `scope` of every organisation supervised, materialised, cost a province 0.7 s to build
// and seconds to probe.) Unscoped callers (integrators, approvers) get the statements as they
// were: no test.

/** ` and <column> is supervised by the Federation on as_of`, or nothing for an unscoped caller. */
export const inScope = (federationId: string | undefined) => {
  const federation = federationId === undefined ? undefined : requireUuid(federationId, 'federationId');
  return (column: string): string =>
    federation
      ? ` and exists (select 1 from registry.jurisdiction j where j.federation_id = '${federation}'::uuid
          and j.organization_id = ${column} and j.valid_from <= day.as_of and (j.valid_to is null or j.valid_to >= day.as_of))`
      : '';
};
