// The statistics for a caller's jurisdiction (docs/jurisdiction.md): each statement of
// services/registry/statistics.ts gains, after its `day`, a `scope` of the organisations the
// Federation supervises on as_of, and each figure keeps the rows whose organisation is in it.
// Unscoped callers (integrators, approvers) get the statements as they were: no CTE, no test.

/** `, scope as (…)` after the day CTE, or nothing; binds the Federation after asOf. */
export const scopeCte = (federationId: string | undefined): string =>
  federationId
    ? `, scope as (select distinct j.organization_id as id from registry.jurisdiction j, day
        where j.federation_id = ?::uuid and j.valid_from <= day.as_of and (j.valid_to is null or j.valid_to >= day.as_of))`
    : '';

/** The statement's parameters: asOf, then the Federation when scoped. */
export const scopeParams = (asOf: string, federationId: string | undefined): unknown[] =>
  federationId ? [asOf, federationId] : [asOf];

/** ` and <column> in scope`, or nothing for an unscoped caller. */
export const inScope =
  (federationId: string | undefined) =>
  (column: string): string =>
    federationId ? ` and ${column} in (select id from scope)` : '';
