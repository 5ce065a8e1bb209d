import { Field, ID, InputType, Int } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Organization } from './entities/organization.js';
import { Grade, HonourLevel, OrganizationKind, RelationshipType } from './entities/kinds.js';
import { regionAndSubregions, regionName } from './regions.js';
import { gradesAtLeast } from './rating-rules.js';
import { honourInForceSql, inEffectSql, ratingInForceSql } from './rules/in-force.js';
import { asOfDate } from './dates.js';
import { badInput } from '../common/errors.js';
import { requireIsoDate } from '../common/dates.js';
import { requireUuid } from '../common/ids.js';
import { checkFilterSize } from './filter-limits.js';

// The organization list's filter, turned into one WHERE clause: conditions on other tables are
// EXISTS subqueries, so a page stays one SQL statement (plus one count) whatever is asked.
// and/or/not combine whole filters (each a conjunction of its own fields); their size is
// bounded (query/filter-limits.ts) and checked before any SQL is built.

@InputType({ description: 'An ISO date range, both ends included; either end may be left open' })
export class DateRange {
  @Field(() => String, { nullable: true, description: 'On or after this ISO date' }) from?: string;
  @Field(() => String, { nullable: true, description: 'On or before this ISO date' }) to?: string;
}

@InputType({
  description:
    'Narrows the organization list; all given conditions must hold. and/or/not combine whole filters (at most 5 deep, 100 conditions in all)',
})
export class OrganizationFilter {
  @Field(() => [OrganizationFilter], {
    nullable: true,
    description: 'Every one of these holds (an empty list: no condition)',
  })
  and?: OrganizationFilter[];
  @Field(() => [OrganizationFilter], {
    nullable: true,
    description: 'At least one of these holds (an empty list matches none)',
  })
  or?: OrganizationFilter[];
  @Field(() => OrganizationFilter, { nullable: true, description: 'This does not hold' })
  not?: OrganizationFilter;
  @Field(() => [ID], { nullable: true, description: 'Any of these organizations (an empty list matches none)' })
  ids?: string[];
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind;
  @Field(() => [OrganizationKind], { nullable: true, description: 'Any of these kinds (an empty list matches none)' })
  kinds?: OrganizationKind[];
  @Field(() => String, {
    nullable: true,
    description:
      'Region code; includes its sub-regions (330400 covers 330402 ...): the same as regionWithin, kept for existing clients',
  })
  region?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Seated in exactly this region: 330400 is city level (市级), without its districts and counties',
  })
  regionIs?: string;
  @Field(() => String, { nullable: true, description: 'Seated in this region or any region under it' })
  regionWithin?: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Seated in exactly one of these regions (an empty list matches none)',
  })
  regionIn?: string[];
  @Field(() => DateRange, {
    nullable: true,
    description: 'Registered (registeredOn) within this range; unrecorded dates never match',
  })
  registeredOn?: DateRange;
  @Field(() => String, {
    nullable: true,
    description: 'Part of the Chinese name (or, for Latin text, of the English name)',
  })
  @MaxLength(100)
  nameContains?: string;
  @Field(() => Grade, { nullable: true, description: 'Holds a grade at least this high in force on asOf' })
  ratingAtLeast?: Grade;
  @Field(() => HonourLevel, {
    nullable: true,
    description: 'Holds an honour at this level (in honourYear, when given) that counts on asOf',
  })
  honourLevel?: HonourLevel;
  @Field(() => Int, { nullable: true, description: 'Holds an honour of this year (at honourLevel, when given)' })
  honourYear?: number;
  @Field(() => RelationshipType, {
    nullable: true,
    description: 'Has an edge of this type, either direction, valid on asOf',
  })
  hasRelationship?: RelationshipType;
  @Field(() => Boolean, { nullable: true, description: 'true: not ended (endedOn is null); false: ended' })
  active?: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      "ISO date the rating, honour and edge conditions refer to (default: the enclosing filter's, else today)",
  })
  asOf?: string;
}

// Han characters cannot occur in an English name; such a term searches `name` alone, where the
// trigram index organization_name_trgm_idx serves the ILIKE (an OR with english_name, which has
// no trigram index, would force a full scan).
const HAN = /\p{Script=Han}/u;

/** ILIKE pattern matching the term anywhere, with the term's own % _ \ taken literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// The in-force fragments repeat their day, and raw() binds `?` by position, so each subquery
// names asOf once as `day.as_of` (PostgreSQL folds this one-row FROM item away: same plan).
const DAY = '(select ?::date as as_of) day';

/** An SQL condition on the organization row (`o` is its alias in the outer query). */
const condition = (sql: (o: string) => string, params: unknown[] = []): FilterQuery<Organization> => ({
  [raw((o: string) => sql(o), params)]: [],
});

const NONE: FilterQuery<Organization> = { [raw('false')]: [] };

const knownRegion = (code: string, field: string) => {
  if (!regionName(code)) throw badInput(`"${code}" 不是登记库认识的行政区划代码`, field);
  return code;
};

/** The filter as one WHERE condition; its size is checked first (BAD_USER_INPUT naming the limit). */
export function organizationWhere(filter: OrganizationFilter | undefined): FilterQuery<Organization> {
  checkFilterSize(filter);
  return filter ? filterWhere(filter, undefined, 'filter') : {};
}

/** One filter; nested ones take its asOf unless they name their own. */
function filterWhere(
  filter: OrganizationFilter,
  inheritedAsOf: string | undefined,
  path: string,
): FilterQuery<Organization> {
  const all: FilterQuery<Organization>[] = [];
  const asOfText = filter.asOf ?? inheritedAsOf;
  const asOf = asOfDate(asOfText, `${path}.asOf`);
  if (filter.and) all.push(...filter.and.map((f, i) => filterWhere(f, asOfText, `${path}.and[${i}]`)));
  if (filter.or)
    all.push(filter.or.length ? { $or: filter.or.map((f, i) => filterWhere(f, asOfText, `${path}.or[${i}]`)) } : NONE);
  if (filter.not) all.push({ $not: filterWhere(filter.not, asOfText, `${path}.not`) });
  if (filter.ids) all.push({ id: { $in: filter.ids.map((id) => requireUuid(id, `${path}.ids`)) } });
  if (filter.kind) all.push({ kind: filter.kind });
  if (filter.kinds) all.push({ kind: { $in: filter.kinds } });
  // region and regionWithin: the code and every region under it; regionIs: that code alone.
  for (const [field, code] of [
    ['region', filter.region],
    ['regionWithin', filter.regionWithin],
  ] as const) {
    if (code != null) all.push({ regionCode: { $in: regionAndSubregions(knownRegion(code, `${path}.${field}`)) } });
  }
  if (filter.regionIs != null) all.push({ regionCode: knownRegion(filter.regionIs, `${path}.regionIs`) });
  if (filter.regionIn)
    all.push({ regionCode: { $in: filter.regionIn.map((c) => knownRegion(c, `${path}.regionIn`)) } });
  if (filter.registeredOn) {
    const { from, to } = filter.registeredOn;
    if (from != null) requireIsoDate(from, `${path}.registeredOn.from`);
    if (to != null) requireIsoDate(to, `${path}.registeredOn.to`);
    if (from != null && to != null && from > to)
      throw badInput(`registeredOn 的起始日 ${from} 晚于截止日 ${to}`, `${path}.registeredOn`);
    all.push({
      registeredOn: { $ne: null, ...(from != null ? { $gte: from } : {}), ...(to != null ? { $lte: to } : {}) },
    });
  }
  if (filter.nameContains) {
    const pattern = containsPattern(filter.nameContains);
    all.push(
      HAN.test(filter.nameContains)
        ? { name: { $ilike: pattern } }
        : { $or: [{ name: { $ilike: pattern } }, { englishName: { $ilike: pattern } }] },
    );
  }
  if (filter.active != null) all.push({ endedOn: filter.active ? null : { $ne: null } });
  if (filter.ratingAtLeast) {
    const grades = gradesAtLeast(filter.ratingAtLeast);
    all.push(
      condition(
        (o) => `exists (select 1 from registry.rating r, ${DAY} where r.organization_id = ${o}.id
      and r.grade in (${grades.map(() => '?').join(', ')}) and ${ratingInForceSql('r', 'day.as_of')})`,
        [asOf, ...grades],
      ),
    );
  }
  if (filter.honourLevel || filter.honourYear != null) {
    // One honour must match both, when both are given.
    const tests: string[] = [];
    const params: unknown[] = [];
    if (filter.honourLevel) {
      tests.push('h.level = ?');
      params.push(filter.honourLevel);
    }
    if (filter.honourYear != null) {
      tests.push('h.year = ?');
      params.push(filter.honourYear);
    }
    // Held on asOf: of a year up to asOf's, within its validity, not withdrawn.
    tests.push(honourInForceSql('h', 'day.as_of'));
    all.push(
      condition(
        (o) =>
          `exists (select 1 from registry.honour h, ${DAY} where h.organization_id = ${o}.id and ${tests.join(' and ')})`,
        [asOf, ...params],
      ),
    );
  }
  if (filter.hasRelationship) {
    // Two EXISTS, one per end, so each uses its (end, type) index; validTo is the edge's last day.
    const edge = (
      end: string,
      o: string,
    ) => `exists (select 1 from registry.relationship e, ${DAY} where e.${end} = ${o}.id
      and e.type = ? and ${inEffectSql('e', 'day.as_of')})`;
    const type = filter.hasRelationship;
    all.push(condition((o) => `(${edge('from_id', o)} or ${edge('to_id', o)})`, [asOf, type, asOf, type]));
  }
  return all.length === 0 ? {} : all.length === 1 ? all[0] : { $and: all };
}
