import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { HonourLevel } from '../entities/kinds.js';
import { organizationWhere, type OrganizationFilter } from '../organization-filter.js';
import { honourInForceSql, ratingInForceSql } from '../rules/in-force.js';
import { badInput } from '../../common/errors.js';

// Organizations counted per group, in ONE SQL statement: the filter (organization-filter.ts,
// the same WHERE as the list's) is the first CTE, each group key a column or a lateral lookup on
// asOf, and GROUP BY does the rest. The keys' rules are the statistics' own (rules/in-force.ts):
// GRADE is the latest grade in force, HONOUR_LEVEL the highest honour counting, as `statistics`
// counts them, so its figures come back from here (test/aggregates.test.ts).

export enum OrganizationGroupKey {
  KIND = 'KIND',
  REGION = 'REGION',
  GRADE = 'GRADE',
  HONOUR_LEVEL = 'HONOUR_LEVEL',
  YEAR_REGISTERED = 'YEAR_REGISTERED',
}
registerEnumType(OrganizationGroupKey, {
  name: 'OrganizationGroupKey',
  description:
    "KIND; REGION: the seat's code, exactly; GRADE: the latest grade in force on asOf (null: none); HONOUR_LEVEL: the highest honour (of honourTitle, when given) counting on asOf (null: none); YEAR_REGISTERED (null: not recorded)",
});

export interface OrganizationGroupRow {
  kind?: string;
  region?: string;
  grade?: string | null;
  honourLevel?: string | null;
  yearRegistered?: number | null;
  count: number;
}

/** The SQL column of each key (`m` is a matching organization, `g` and `h` its lookups). */
const COLUMNS: Record<OrganizationGroupKey, { sql: string; as: keyof OrganizationGroupRow }> = {
  KIND: { sql: 'm.kind', as: 'kind' },
  REGION: { sql: 'm.region_code', as: 'region' },
  GRADE: { sql: 'g.grade', as: 'grade' },
  HONOUR_LEVEL: { sql: 'h.level', as: 'honourLevel' },
  YEAR_REGISTERED: { sql: 'extract(year from m.registered_on)::int', as: 'yearRegistered' },
};

const LEVELS = Object.values(HonourLevel);
const levelRank = (alias: string) => `array_position(array[${LEVELS.map((l) => `'${l}'`).join(', ')}], ${alias}.level)`;

export async function organizationGroups(
  em: EntityManager,
  filter: OrganizationFilter | undefined,
  groupBy: readonly OrganizationGroupKey[],
  asOf: string,
  honourTitle: string | undefined,
  /** The caller's jurisdiction (services/registry/jurisdiction): only organizations it sees are counted. */
  scope: FilterQuery<Organization> = {},
): Promise<OrganizationGroupRow[]> {
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy 中有重复的分组键', 'groupBy');
  // The filter's rating, honour and edge conditions refer to the aggregate's day unless it names its own.
  const where = organizationWhere(filter ? { ...filter, asOf: filter.asOf ?? asOf } : { asOf });
  // Only the columns the keys read: a narrower row is cheaper to carry through the grouping.
  const matched = em
    .createQueryBuilder(Organization, 'o0')
    .select(['id', 'kind', 'regionCode', 'registeredOn'])
    .where({ $and: [where, scope] } as never)
    .toQuery();
  const keys = groupBy.map((key) => COLUMNS[key]);
  const params: unknown[] = [asOf, ...matched.params];
  const joins: string[] = [];
  if (groupBy.includes(OrganizationGroupKey.GRADE)) {
    joins.push(`left join lateral (select r.grade from registry.rating r
      where r.organization_id = m.id and ${ratingInForceSql('r', 'day.as_of')}
      order by r.awarded_on desc, r.id desc limit 1) g on true`);
  }
  if (groupBy.includes(OrganizationGroupKey.HONOUR_LEVEL)) {
    joins.push(`left join lateral (select h.level from registry.honour h
      where h.organization_id = m.id and ${honourInForceSql('h', 'day.as_of')}${honourTitle != null ? ' and h.title = ?' : ''}
      order by ${levelRank('h')} limit 1) h on true`);
    if (honourTitle != null) params.push(honourTitle);
  }
  const columns = [...keys.map((k) => `${k.sql} as "${k.as}"`), 'count(*)::int as count'];
  const positions = keys.map((_, i) => String(i + 1));
  const sql = `with day as (select ?::date as as_of), matched as (${matched.sql})
    select ${columns.join(', ')} from matched m cross join day ${joins.join(' ')}
    ${positions.length ? `group by ${positions.join(', ')} order by ${positions.map((p) => `${p} nulls last`).join(', ')}` : ''}`;
  return em.execute<OrganizationGroupRow[]>(sql, params);
}
