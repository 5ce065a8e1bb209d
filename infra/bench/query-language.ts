import type { BenchQuery } from './bench-query.js';
import { COMMON_SYLLABLE } from './generate.js';
import { todayInChina } from '../../services/common/dates.js';
import { ratingInForceSql } from '../../services/registry/rules/in-force.js';

// Issue 22's queries: a page in pinyin order beside the same page in the list's own order, a
// page under an OR/NOT filter, and a grouped aggregate (kind × region × grade), each with the
// hand-written SQL that answers it. The in-force rule is the registry's own fragment.

const JIAXING = ['330400', '330402', '330411', '330421', '330424', '330481', '330482', '330483'];
const totalAndRows = (rows: any[]) => `total ${rows[0]?.total ?? 0}, ${rows.length} rows`;
const pageSize = (d: any) => d.organizations.totalCount * 1000 + d.organizations.edges.length;
const sqlPageSize = (rows: any[]) => Number(rows[0]?.total ?? 0) * 1000 + rows.length;

export function queryLanguageQueries(): BenchQuery[] {
  const today = todayInChina();
  const listed = (
    orderBy: string,
  ) => `query Ordered { organizations(first: 20, filter: { kind: INDUSTRY_ASSOCIATION, region: "330400" }${orderBy}) {
    totalCount edges { node { id name regionCode } } } }`;
  const listSql = (order: string) => `select id, name, region_code, count(*) over () as total from registry.organization
    where kind = 'INDUSTRY_ASSOCIATION' and region_code = any($1) order by ${order} limit 20`;
  return [
    {
      name: 'unordered page',
      rate: 40,
      graphql: listed(''),
      variables: {},
      sql: listSql('name, id'),
      params: [JIAXING],
      graphqlSize: pageSize,
      sqlSize: sqlPageSize,
      answer: totalAndRows,
    },
    {
      name: 'pinyin page',
      rate: 40,
      graphql: listed(', orderBy: [{ field: NAME }]'),
      variables: {},
      sql: listSql('name collate registry.pinyin, id'),
      params: [JIAXING],
      graphqlSize: pageSize,
      sqlSize: sqlPageSize,
      answer: totalAndRows,
    },
    {
      name: 'or/not page',
      rate: 40,
      graphql: `query OrNot($name: String!) { organizations(first: 20, filter: { nameContains: $name,
        or: [{ kind: INDUSTRY_ASSOCIATION }, { kind: GRASSROOTS_CHAMBER, ratingAtLeast: A3 }], not: { regionIs: "330400" } }) {
        totalCount edges { node { id name regionCode } } } }`,
      variables: { name: COMMON_SYLLABLE },
      sql: `select o.id, o.name, o.region_code, count(*) over () as total from registry.organization o
        where o.name ilike $1 and o.region_code <> '330400'
          and (o.kind = 'INDUSTRY_ASSOCIATION' or (o.kind = 'GRASSROOTS_CHAMBER' and exists (
            select 1 from registry.rating r where r.organization_id = o.id and r.grade in ('A3', 'A4', 'A5')
              and ${ratingInForceSql('r', '$2::date')})))
        order by o.name, o.id limit 20`,
      params: [`%${COMMON_SYLLABLE}%`, today],
      graphqlSize: pageSize,
      sqlSize: sqlPageSize,
      answer: totalAndRows,
    },
    {
      name: 'kind x region x grade',
      rate: 10,
      graphql: `query Grouped { organizationAggregates(groupBy: [KIND, REGION, GRADE]) { total groups { kind region grade count } } }`,
      variables: {},
      sql: `select o.kind, o.region_code, g.grade, count(*)::int as count from registry.organization o
        left join lateral (select r.grade from registry.rating r where r.organization_id = o.id
          and ${ratingInForceSql('r', '$1::date')} order by r.awarded_on desc, r.id desc limit 1) g on true
        group by 1, 2, 3 order by 1, 2, 3 nulls last`,
      params: [today],
      graphqlSize: (d) => d.organizationAggregates.groups.length,
      sqlSize: (rows) => rows.length,
      answer: (rows) => `${rows.length} groups, ${rows.reduce((n, r) => n + Number(r.count), 0)} organizations`,
    },
  ];
}
