import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { organizationWhere, type OrganizationFilter } from '../organization-filter.js';
import { badInput } from '../../common/errors.js';

// Records counted (and their amounts summed) per group, in ONE SQL statement per request. Each
// record kind says which of its columns a key reads; a key a kind has no column for is refused
// before SQL runs. A record's organization (the borrower, the giver, the chamber ...) can be
// narrowed by an OrganizationFilter, the list's own, as a CTE of the same statement.

export enum AggregatedRecord {
  LOAN = 'LOAN',
  CHARITY = 'CHARITY',
  REWARD_GRANT = 'REWARD_GRANT',
  REWARD_FUND = 'REWARD_FUND',
  INVESTMENT_PROJECT = 'INVESTMENT_PROJECT',
  MEDIATION_CASE = 'MEDIATION_CASE',
  LIAISON_VISIT = 'LIAISON_VISIT',
  DELIBERATION_SESSION = 'DELIBERATION_SESSION',
  JOINT_MEETING = 'JOINT_MEETING',
  PLATFORM_ACTIVITY = 'PLATFORM_ACTIVITY',
}
registerEnumType(AggregatedRecord, {
  name: 'AggregatedRecord',
  description:
    'Records with amounts (LOAN, CHARITY, REWARD_GRANT, REWARD_FUND, INVESTMENT_PROJECT: counts and sums) and dated events (counts)',
});

export enum RecordGroupKey {
  YEAR = 'YEAR',
  KIND = 'KIND',
  ORGANIZATION = 'ORGANIZATION',
  REGION = 'REGION',
  PLATFORM = 'PLATFORM',
}
registerEnumType(RecordGroupKey, {
  name: 'RecordGroupKey',
  description:
    "YEAR (of the record's day, or its own year); KIND (a loan's product, a case's outcome, else its kind); ORGANIZATION and REGION (the borrower, giver, grantee, introducing chamber, committee or chamber visited, and its seat); PLATFORM (platform activities)",
});

interface RecordTable {
  table: string;
  /** The record's day (from/to apply to it); records kept per year have none. */
  day?: string;
  /** Its year: extracted from the day, or a column. */
  year: string;
  kind?: string;
  organization?: string;
  platform?: string;
  amount?: string;
}

const dated = (table: string, day: string, rest: Omit<RecordTable, 'table' | 'day' | 'year'>): RecordTable => ({
  table,
  day,
  year: `extract(year from r.${day})::int`,
  ...rest,
});

export const RECORD_TABLES: Record<AggregatedRecord, RecordTable> = {
  LOAN: dated('loan', 'signed_on', { kind: 'product', organization: 'enterprise_id', amount: 'amount_fen' }),
  CHARITY: {
    table: 'charity_record',
    year: 'r.year',
    kind: 'kind',
    organization: 'organization_id',
    amount: 'amount_fen',
  },
  REWARD_GRANT: { table: 'reward_grant', year: 'r.year', organization: 'organization_id', amount: 'amount_fen' },
  REWARD_FUND: { table: 'reward_fund_allocation', year: 'r.year', kind: 'kind', amount: 'amount_fen' },
  INVESTMENT_PROJECT: dated('investment_project', 'signed_on', {
    organization: 'introduced_by_id',
    amount: 'amount_fen',
  }),
  MEDIATION_CASE: dated('mediation_case', 'opened_on', { kind: 'outcome', organization: 'committee_id' }),
  LIAISON_VISIT: dated('liaison_visit', 'visited_on', { organization: 'organization_id' }),
  DELIBERATION_SESSION: dated('deliberation_session', 'held_on', { kind: 'kind', organization: 'organization_id' }),
  JOINT_MEETING: dated('joint_meeting', 'held_on', { kind: 'kind' }),
  PLATFORM_ACTIVITY: dated('platform_activity', 'held_on', { kind: 'kind', platform: 'platform' }),
};

export interface RecordAggregateArgs {
  from?: string;
  to?: string;
  years?: number[];
  kinds?: string[];
  organization?: OrganizationFilter;
  /** The caller's jurisdiction over organizations (services/registry/jurisdiction): records of the others are left out. */
  scope?: FilterQuery<Organization>;
}

export interface RecordGroupRow {
  year?: number;
  kind?: string | null;
  organizationId?: string | null;
  region?: string | null;
  platform?: string | null;
  count: number;
  amountFen: number | null;
}

const MAX_LIST = 100;

export async function recordGroups(
  em: EntityManager,
  record: AggregatedRecord,
  groupBy: readonly RecordGroupKey[],
  args: RecordAggregateArgs,
): Promise<RecordGroupRow[]> {
  const spec = RECORD_TABLES[record];
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy 中有重复的分组键', 'groupBy');
  const column = (key: RecordGroupKey): { sql: string; as: string } => {
    const missing = () => badInput(`${record} 没有可按 ${key} 分组的字段`, 'groupBy');
    switch (key) {
      case RecordGroupKey.YEAR:
        return { sql: spec.year, as: 'year' };
      case RecordGroupKey.KIND:
        if (!spec.kind) throw missing();
        return { sql: `r.${spec.kind}`, as: 'kind' };
      case RecordGroupKey.ORGANIZATION:
        if (!spec.organization) throw missing();
        return { sql: `r.${spec.organization}`, as: 'organizationId' };
      case RecordGroupKey.REGION:
        if (!spec.organization) throw missing();
        return { sql: 'o.region_code', as: 'region' };
      case RecordGroupKey.PLATFORM:
        if (!spec.platform) throw missing();
        return { sql: `r.${spec.platform}`, as: 'platform' };
    }
  };
  const keys = groupBy.map(column);
  if ((args.from != null || args.to != null) && !spec.day)
    throw badInput(`${record} 按年份记录，没有日期：请用 years 而不是 from/to`, args.from != null ? 'from' : 'to');
  if (args.kinds && !spec.kind) throw badInput(`${record} 没有 kind，不能按 kinds 筛选`, 'kinds');
  if (args.organization && !spec.organization)
    throw badInput(`${record} 不属于某个组织，不能按 organization 筛选`, 'organization');
  for (const [field, list] of [
    ['years', args.years],
    ['kinds', args.kinds],
  ] as const)
    if (list && list.length > MAX_LIST) throw badInput(`${field} 最多 ${MAX_LIST} 项`, field);

  const ctes: string[] = [];
  const params: unknown[] = [];
  const conditions: string[] = [];
  const scoped = args.scope && Reflect.ownKeys(args.scope as object).length > 0 && spec.organization;
  if (args.organization || scoped) {
    const matched = em
      .createQueryBuilder(Organization, 'o0')
      .select('id')
      .where({ $and: [args.organization ? organizationWhere(args.organization) : {}, args.scope ?? {}] } as never)
      .toQuery();
    ctes.push(`matched as (${matched.sql})`);
    params.push(...matched.params);
    conditions.push(`r.${spec.organization} in (select id from matched)`);
  }
  if (args.from != null) {
    conditions.push(`r.${spec.day} >= ?::date`);
    params.push(args.from);
  }
  if (args.to != null) {
    conditions.push(`r.${spec.day} <= ?::date`);
    params.push(args.to);
  }
  if (args.years) {
    conditions.push(args.years.length ? `${spec.year} in (${args.years.map(() => '?').join(', ')})` : 'false');
    params.push(...args.years);
  }
  if (args.kinds) {
    conditions.push(args.kinds.length ? `r.${spec.kind} in (${args.kinds.map(() => '?').join(', ')})` : 'false');
    params.push(...args.kinds);
  }
  const join = groupBy.includes(RecordGroupKey.REGION)
    ? `join registry.organization o on o.id = r.${spec.organization}`
    : '';
  const amount = spec.amount ? `coalesce(sum(r.${spec.amount}), 0)::bigint` : 'null::bigint';
  const columns = [...keys.map((k) => `${k.sql} as "${k.as}"`), 'count(*)::int as count', `${amount} as "amountFen"`];
  const positions = keys.map((_, i) => String(i + 1));
  const sql = `${ctes.length ? `with ${ctes.join(', ')} ` : ''}select ${columns.join(', ')}
    from registry.${spec.table} r ${join}
    ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
    ${positions.length ? `group by ${positions.join(', ')} order by ${positions.map((p) => `${p} nulls last`).join(', ')}` : ''}`;
  const rows = await em.execute<(Omit<RecordGroupRow, 'amountFen'> & { amountFen: string | number | null })[]>(
    sql,
    params,
  );
  return rows.map((row) => ({ ...row, amountFen: row.amountFen == null ? null : Number(row.amountFen) }));
}
