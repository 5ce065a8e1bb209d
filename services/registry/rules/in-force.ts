import { addYears } from '../../common/dates.js';

// What holds on a given day, in one place, twice over: as plain TypeScript (for records already
// loaded) and as SQL fragments (for the filters, statistics, traversals and the benchmark's
// hand-written SQL). The two must agree; rules/in-force.test.ts and test/in-force.test.ts check
// both on the boundary days.
//
// - An edge or a position holds from validFrom through validTo, its LAST day (inclusive);
//   validTo null means it still lasts.
// - A social-organization grade (社会组织评估等级) is in force from awardedOn until the day before
//   its fifth anniversary, and no longer from revokedOn (the day it is withdrawn does not count).
// - An honour counts from 1 January of its year through validUntil, its LAST day (null: no
//   review date, it lasts), and no longer from its revokedOn; an organization is no longer
//   active from its endedOn.
//
// The SQL builders take the table's alias and `day`, an SQL expression of type date. `day`
// appears several times in a fragment, so it must be something that can be repeated: a column
// (`day.as_of`), a named or numbered parameter (`:asOf::date`, `$2::date`), never a `?`.

export const RATING_VALID_YEARS = 5;

/** The day a grade lapses: awardedOn + 5 years (29 February → 28 February, as in SQL). */
export const validUntil = (awardedOn: string): string => addYears(awardedOn, RATING_VALID_YEARS);

/** An edge or a position holds on `day`: validFrom <= day <= validTo, or validTo open. */
export function inEffect(validFrom: string, validTo: string | null | undefined, day: string): boolean {
  return validFrom <= day && (validTo == null || validTo >= day);
}

/** Not withdrawn by `day`: a record revoked (or ended) on a day no longer counts on that day. */
export const notRevoked = (revokedOn: string | null | undefined, day: string): boolean =>
  revokedOn == null || revokedOn > day;

export interface RatingDates {
  awardedOn: string;
  revokedOn?: string | null;
}

/** In force on `day`: awarded by then, not yet lapsed, not revoked on or before that day. */
export function ratingInForce(rating: RatingDates, day: string): boolean {
  return rating.awardedOn <= day && day < validUntil(rating.awardedOn) && notRevoked(rating.revokedOn, day);
}

export interface HonourDates {
  year: number;
  validUntil?: string | null;
  revokedOn?: string | null;
}

/** Counts on `day`: its year has begun, its validity (reviewed every two years) not run out, not revoked. */
export function honourInForce(honour: HonourDates, day: string): boolean {
  return (
    Number(day.slice(0, 4)) >= honour.year &&
    (honour.validUntil == null || honour.validUntil >= day) &&
    notRevoked(honour.revokedOn, day)
  );
}

function repeatable(day: string): string {
  // A `?` placeholder would need one parameter per use; refuse it rather than misbind.
  if (day.includes('?')) throw new Error(`in-force SQL needs a repeatable day expression, not "${day}"`);
  return day;
}

/** SQL: the edge or position `alias` (valid_from, valid_to) holds on `day`. */
export const inEffectSql = (alias: string, day: string): string =>
  `(${alias}.valid_from <= ${repeatable(day)} and (${alias}.valid_to is null or ${alias}.valid_to >= ${day}))`;

/** SQL: `alias.column` (revoked_on, ended_on) is not set on or before `day`. */
export const notRevokedSql = (alias: string, day: string, column = 'revoked_on'): string =>
  `(${alias}.${column} is null or ${alias}.${column} > ${repeatable(day)})`;

/** SQL: the rating `alias` (awarded_on, revoked_on) is in force on `day`. */
export const ratingInForceSql = (alias: string, day: string): string =>
  `(${alias}.awarded_on <= ${repeatable(day)} and ${day} < ${alias}.awarded_on + interval '${RATING_VALID_YEARS} years'` +
  ` and ${notRevokedSql(alias, day)})`;

/** SQL: the organization `alias` has not ended on or before `day`. */
export const activeSql = (alias: string, day: string): string => notRevokedSql(alias, day, 'ended_on');

/** SQL: the honour `alias` (year, valid_until, revoked_on) counts on `day`. */
export const honourInForceSql = (alias: string, day: string): string =>
  `(${alias}.year <= extract(year from ${repeatable(day)}) and (${alias}.valid_until is null or ${alias}.valid_until >= ${day})` +
  ` and ${notRevokedSql(alias, day)})`;
