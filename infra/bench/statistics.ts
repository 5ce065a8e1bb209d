import type { BenchQuery } from './bench-query.js';
import { todayInChina } from '../../services/common/dates.js';
import { CHAMBER, CITY_REGION, FOUR_GOOD } from '../../services/registry/statistics.js';
import { activeSql, inEffectSql, notRevokedSql, ratingInForceSql } from '../../services/registry/rules/in-force.js';
import { isoDateShapeSql } from '../../services/common/dates.js';

// Query 4: a handful of the report's figures. The hand-written SQL computes exactly these, with
// the definitions of services/registry/statistics.ts: Four-Good chambers once each at their
// highest level, city-level chambers by the grade in force (latest award), bank pairings in
// effect, paired villages and their assistance projects. (The subgraph's resolver computes
// every figure of the report whichever fields are asked: four statements per request, about
// 150 ms on the bench city, so its default rate is 3/s: at 10/s the servers saturate.)
// The definitions (chambers, the city, the title) and the in-force predicates are the
// registry's own, imported, so this SQL cannot drift from what the subgraph computes.

const IN_EFFECT = (a: string) => inEffectSql(a, 'day.as_of');

const SQL = `
  with day as (select $1::date as as_of, extract(year from $1::date)::int as year),
  chamber as (
    select o.id, o.region_code from registry.organization o, day
    where o.${CHAMBER} and ${activeSql('o', 'day.as_of')}),
  four_good as (
    select min(array_position(array['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'], h.level)) as rank
    from registry.honour h join chamber c on c.id = h.organization_id, day
    where h.title = '${FOUR_GOOD}' and h.year <= day.year and ${notRevokedSql('h', 'day.as_of')} group by h.organization_id),
  current_grade as (
    select distinct on (r.organization_id) r.grade
    from registry.rating r join chamber c on c.id = r.organization_id, day
    where c.region_code = '${CITY_REGION}' and ${ratingInForceSql('r', 'day.as_of')}
    order by r.organization_id, r.awarded_on desc, r.id desc)
  select
    (select array_agg(n order by rank) from (select k.rank, count(f.rank)::int as n
      from generate_series(1, 3) k(rank) left join four_good f on f.rank = k.rank group by k.rank) x) as four_good,
    (select array_agg(n order by grade) from (select g.grade, count(c.grade)::int as n
      from unnest(array['A1', 'A2', 'A3', 'A4', 'A5']) g(grade) left join current_grade c on c.grade = g.grade group by g.grade) y) as grades,
    (select count(*)::int from registry.relationship e, day where e.type = 'BANK_PAIRING' and ${IN_EFFECT('e')}) as bank_pairings,
    a.villages, a.projects
  from day cross join lateral (
    select count(distinct e.to_id)::int as villages, coalesce(sum((
      select count(*) from jsonb_array_elements(case when jsonb_typeof(e.attributes -> 'projects') = 'array' then e.attributes -> 'projects' else '[]' end) p
      where ${isoDateShapeSql("p ->> 'startedOn'")} and p ->> 'startedOn' <= day.as_of::text)), 0)::int as projects
    from registry.relationship e join registry.organization v on v.id = e.to_id
    where e.type = 'ASSISTANCE_PAIRING' and v.kind = 'VILLAGE' and ${IN_EFFECT('e')}) a`;

interface Figures {
  fourGoodChambers: { total: number; byLevel: { level: string; count: number }[] };
  ratings: { atLeast3A: number; byGrade: { grade: string; count: number }[] };
  bankPairings: number;
  assistance: { pairedVillages: number; projects: number };
}

const key = (fourGood: number[], grades: number[], pairings: number, villages: number, projects: number) =>
  `four-good ${fourGood.join('/')} (national/provincial/municipal), grades ${grades.join('/')} (1A…5A), ` +
  `${pairings} bank pairings, ${villages} paired villages, ${projects} projects`;

export function statisticsQuery(): BenchQuery {
  return {
    name: 'statistics',
    rate: 3,
    graphql: `query Statistics { statistics { asOf fourGoodChambers { total byLevel { level count } }
      ratings { atLeast3A byGrade { grade count } } bankPairings assistance { pairedVillages projects } } }`,
    variables: {},
    sql: SQL,
    params: [todayInChina()],
    graphqlSize: (d: { statistics: Figures }) => {
      const s = d.statistics;
      const level = (name: string) => s.fourGoodChambers.byLevel.find((l) => l.level === name)?.count ?? 0;
      const grades = ['A1', 'A2', 'A3', 'A4', 'A5'].map(
        (g) => s.ratings.byGrade.find((c) => c.grade === g)?.count ?? 0,
      );
      return key(
        [level('NATIONAL'), level('PROVINCIAL'), level('MUNICIPAL')],
        grades,
        s.bankPairings,
        s.assistance.pairedVillages,
        s.assistance.projects,
      );
    },
    sqlSize: ([row]) => key(row.four_good, row.grades, row.bank_pairings, row.villages, row.projects),
    answer: ([row]) => key(row.four_good, row.grades, row.bank_pairings, row.villages, row.projects),
  };
}
