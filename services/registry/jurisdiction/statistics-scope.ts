// The statistics for a caller's jurisdiction (docs/jurisdiction.md): each statement of
// services/registry/statistics.ts gains, after its `day`, a one-row `scope` naming the
// Federation, and each figure keeps the rows whose organisation the Federation supervises on
// as_of, tested row by row against the closure table's index. (A `scope` of every organisation
// supervised, materialised, cost a province 0.7 s to build and seconds to probe: 94,000 ids.)
// Unscoped callers (integrators, approvers) get the statements as they were: no CTE, no test.

/** `, scope as (…)` after the day CTE, or nothing; binds the Federation after asOf. */
export const scopeCte = (federationId: string | undefined): string =>
  federationId ? `, scope as (select ?::uuid as federation_id)` : '';

/** The statement's parameters: asOf, then the Federation when scoped. */
export const scopeParams = (asOf: string, federationId: string | undefined): unknown[] =>
  federationId ? [asOf, federationId] : [asOf];

/** ` and <column> is supervised by the scope's Federation on as_of`, or nothing for an unscoped caller. */
export const inScope =
  (federationId: string | undefined) =>
  (column: string): string =>
    federationId
      ? ` and exists (select 1 from registry.jurisdiction j where j.federation_id = (select federation_id from scope)
          and j.organization_id = ${column} and j.valid_from <= day.as_of and (j.valid_to is null or j.valid_to >= day.as_of))`
      : '';
