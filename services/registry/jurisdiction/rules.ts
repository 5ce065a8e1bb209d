import { hasRole, type Identity } from '../../common/identity.js';

// Who is scoped by jurisdiction (docs/jurisdiction.md). A Federation's officers and admins act
// within what their Federation supervises, transitively, on the day (registry.jurisdiction);
// integrators read public data unless their token names a Federation, approvers read public data, and the worker's SYSTEM identity is
// the hub itself. Organisations no Federation supervises (banks, colleges, courts, agencies,
// villages, a record just created and not yet placed) are common ground: every Federation
// sees and keeps them.

/** The Federation whose jurisdiction bounds the caller, or undefined when the caller is not scoped. */
export function scopedFederation(identity: Identity): string | undefined {
  if (hasRole(identity, 'SYSTEM')) return undefined;
  if (hasRole(identity, 'FEDERATION_OFFICER', 'ADMIN')) return identity.federationId;
  // An integrator whose token names a Federation (a client registered with that data scope,
  // docs/integrators.md) reads its jurisdiction, as that Federation's officers do.
  if (hasRole(identity, 'INTEGRATOR')) return identity.federationId;
  return undefined;
}

// A Federation that reaches every other Federation on the day reaches everything any of them
// does (a path to one and the path on from it hold on the same day), so nothing is outside its
// jurisdiction: the province of a hub that serves one province. That test is uncorrelated, so
// PostgreSQL runs it once per statement (an InitPlan over the Federations, by kind's index),
// and when it holds the OR skips the two correlated tests on every row: a province's list,
// walk or count costs what an unscoped one does. Cities and counties test each row.
const everythingTemplate = (federation: string, day: string): string => `not exists (
    select 1 from registry.organization g where g.kind = 'FEDERATION' and g.id <> ${federation}::uuid
      and not exists (select 1 from registry.jurisdiction k where k.federation_id = ${federation}::uuid and k.organization_id = g.id
        and k.valid_from <= ${day}::date and (k.valid_to is null or k.valid_to >= ${day}::date)))`;

const visibleTemplate = (organization: string, federation: string, day: string): string => `(
  ${everythingTemplate(federation, day)}
  or exists (select 1 from registry.jurisdiction j where j.federation_id = ${federation}::uuid and j.organization_id = ${organization}
    and j.valid_from <= ${day}::date and (j.valid_to is null or j.valid_to >= ${day}::date))
  or not exists (select 1 from registry.jurisdiction j where j.organization_id = ${organization}
    and j.valid_from <= ${day}::date and (j.valid_to is null or j.valid_to >= ${day}::date)))`;

/**
 * The SQL test "the organisation in column `organization` is visible to Federation ? on day ?":
 * in its jurisdiction, or in no Federation's. Binds visibleParams.
 */
export const visibleSql = (organization: string): string => visibleTemplate(organization, '?', '?');

/** The same test with named bindings (:jurisdictionFederation, :jurisdictionDay), for statements written with names. */
export const visibleNamedSql = (organization: string): string =>
  visibleTemplate(organization, ':jurisdictionFederation', ':jurisdictionDay');

/** The parameters visibleSql binds, in its order. */
export const visibleParams = (federationId: string, day: string): unknown[] => [
  ...[federationId, federationId, day, day],
  ...[federationId, day, day, day, day],
];

/**
 * The SQL test "no Federation but itself reaches the organisation in `organization` on day ?":
 * a Federation not yet placed under another (a new county's). Binds day, day.
 */
export const unplacedSql = (organization: string): string => `not exists (select 1 from registry.jurisdiction j
  where j.organization_id = ${organization} and j.federation_id <> ${organization}
    and j.valid_from <= ?::date and (j.valid_to is null or j.valid_to >= ?::date))`;

/** The edges jurisdiction follows, and which end is above: SUPERVISES and FOUNDED from → to, MEMBER_OF to → from. */
export function supervisionEnds(
  type: string,
  fromId: string,
  toId: string,
): { upper: string; lower: string } | undefined {
  if (type === 'SUPERVISES' || type === 'FOUNDED') return { upper: fromId, lower: toId };
  if (type === 'MEMBER_OF') return { upper: toId, lower: fromId };
  return undefined;
}
