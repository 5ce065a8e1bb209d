import { Field, InputType, Int } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Organization } from './entities/organization.js';
import { Grade, HonourLevel, OrganizationKind, RelationshipType } from './entities/kinds.js';
import { regionAndSubregions, regionName } from './regions.js';
import { gradesAtLeast } from './rating-rules.js';
import { honourInForceSql, inEffectSql, ratingInForceSql } from './rules/in-force.js';
import { asOfDate } from './dates.js';
import { badInput } from '../common/errors.js';

// The organization list's filter, turned into one WHERE clause: conditions on other tables are
// EXISTS subqueries, so a page stays one SQL statement (plus one count) whatever is asked.

@InputType({ description: 'Narrows the organization list; all given conditions must hold' })
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind;
  @Field(() => [OrganizationKind], { nullable: true, description: 'Any of these kinds (an empty list matches none)' })
  kinds?: OrganizationKind[];
  @Field(() => String, {
    nullable: true,
    description: 'Region code; includes its sub-regions (330400 covers 330402 ...)',
  })
  region?: string;
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
    description: 'ISO date the rating, honour and edge conditions refer to (default: today)',
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

export function organizationWhere(filter: OrganizationFilter | undefined): FilterQuery<Organization> {
  if (!filter) return {};
  const all: FilterQuery<Organization>[] = [];
  const asOf = asOfDate(filter.asOf, 'filter.asOf');
  if (filter.kind) all.push({ kind: filter.kind });
  if (filter.kinds) all.push({ kind: { $in: filter.kinds } });
  if (filter.region != null) {
    if (!regionName(filter.region))
      throw badInput(`"${filter.region}" is not a region code the registry knows`, 'filter.region');
    all.push({ regionCode: { $in: regionAndSubregions(filter.region) } });
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
