import type { EntityManager } from '@mikro-orm/postgresql';
import { Grade, HonourLevel } from './entities/kinds.js';
import { activeSql, honourInForceSql, inEffectSql, ratingInForceSql } from './rules/in-force.js';
import { isoDateShapeSql } from '../common/dates.js';
import { inScope } from './jurisdiction/statistics-scope.js';

// The report's tables, computed from the records by SQL aggregates on a given day (`asOf`),
// never read from stored totals. Two kinds of figure:
// - standing figures hold on asOf: honours, grades in force, edges valid, people in post,
//   and what has accumulated up to asOf (loans signed, cases mediated, projects started);
// - year figures count asOf's calendar year up to asOf: visits, sessions, meetings, fairs,
//   investment projects, the reward fund and charity (as the report counts "this year").
// Four statements in all; each number is one aggregate in one of them.

// The chamber, city and title definitions are exported for the benchmark's hand-written SQL.
/** Chambers in the report's sense: industry associations, out-of-town and grassroots chambers. */
export const CHAMBER = `kind in ('INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER')`;
/** City-level (市级): seated in 嘉兴市 itself, not in a district or county. */
export const CITY_REGION = '330400';
export const FOUR_GOOD = '四好商会';

/** The day and its year; every statement starts from it, so each takes one parameter. */
const DAY = `day as (select d as as_of, date_trunc('year', d)::date as year_start, extract(year from d)::int as year from (select ?::date as d) p)`;
/** A meeting or activity counts for a jurisdiction when one of its organisations (participants, organizers) is in it. */
const scopedBy = (federationId: string | undefined, table: string, column: string, alias: string) =>
  federationId
    ? ` and exists (select 1 from registry.${table} x where x.${column} = ${alias}.id${inScope(federationId)('x.organization_id')})`
    : '';
const organizedInScope = (federationId: string | undefined) =>
  scopedBy(federationId, 'platform_activity_organizer', 'activity_id', 'a');
/** Holds on as_of: from its start through its last day (valid_to is inclusive, as everywhere). */
const inEffect = (alias: string) => inEffectSql(alias, 'day.as_of');
const thisYear = (column: string) => `${column} between day.year_start and day.as_of`;
const active = (alias: string) => activeSql(alias, 'day.as_of');

export interface StandingFigures {
  fourGoodByLevel: Record<HonourLevel, number>;
  ratingsByGrade: Record<Grade, number>;
}

/**
 * Four-Good chambers, each counted once at the highest level it holds on asOf (year ≤ asOf's year,
 * within its validity, not revoked: rules/in-force.ts), and
 * city-level chambers by the grade in force on asOf (the latest award, when several are).
 */
export async function standingFigures(
  em: EntityManager,
  asOf: string,
  federationId?: string,
): Promise<StandingFigures> {
  const scoped = inScope(federationId);
  const rows = await em.execute<{ figure: string; key: string; count: number }[]>(
    `
    with ${DAY},
    chamber as (select o.id, o.region_code from registry.organization o, day where o.${CHAMBER} and ${active('o')}${scoped('o.id')}),
    four_good as (
      select min(array_position(array['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'], h.level)) as rank
      from registry.honour h join chamber c on c.id = h.organization_id, day
      where h.title = '${FOUR_GOOD}' and ${honourInForceSql('h', 'day.as_of')}
      group by h.organization_id),
    current_grade as (
      select distinct on (r.organization_id) r.grade
      from registry.rating r join chamber c on c.id = r.organization_id, day
      where c.region_code = '${CITY_REGION}' and ${ratingInForceSql('r', 'day.as_of')}
      order by r.organization_id, r.awarded_on desc, r.id desc)
    select 'honour' as figure, (array['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'])[rank] as key, count(*)::int as count from four_good group by rank
    union all
    select 'rating', grade, count(*)::int from current_grade group by grade`,
    [asOf],
  );
  const fourGoodByLevel = Object.fromEntries(Object.values(HonourLevel).map((level) => [level, 0])) as Record<
    HonourLevel,
    number
  >;
  const ratingsByGrade = Object.fromEntries(Object.values(Grade).map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const row of rows) {
    if (row.figure === 'honour') fourGoodByLevel[row.key as HonourLevel] = row.count;
    else ratingsByGrade[row.key as Grade] = row.count;
  }
  return { fourGoodByLevel, ratingsByGrade };
}

export interface RecordFigures {
  bankPairings: number;
  redLaunchLoans: number;
  redLaunchLoanFen: number;
  liaisonVisits: number;
  rewardFundFen: number;
  rewardFundIncreaseFen: number;
  rewardGrants: number;
  rewardGrantedFen: number;
  specialSessions: number;
  rotatingEvents: number;
  specialSessionIssuesResolved: number;
  rotatingEventProblemsResolved: number;
  jointMeetings: number;
  groupActivities: number;
  investmentFairs: number;
  projectMatchmakings: number;
  investmentProjects: number;
  investmentFen: number;
  pairedVillages: number;
  assistanceProjects: number;
  mediationCommittees: number;
  mediators: number;
  mediationCases: number;
  mediationCasesSettled: number;
  chambers: number;
  chambersWithLegalCounsel: number;
  charitySpendingFen: number;
}

/** The mechanisms' and platforms' counts and sums: one row, one lateral aggregate per table. */
export async function recordFigures(em: EntityManager, asOf: string, federationId?: string): Promise<RecordFigures> {
  const scoped = inScope(federationId);
  const [row] = await em.execute<Record<keyof RecordFigures, number | string>[]>(
    `
    with ${DAY}
    select * from day
    cross join lateral (select count(*)::int as "bankPairings" from registry.relationship e
      where e.type = 'BANK_PAIRING' and ${inEffect('e')}${scoped('e.from_id')}) pairings
    cross join lateral (select count(*)::int as "redLaunchLoans", coalesce(sum(l.amount_fen), 0)::bigint as "redLaunchLoanFen"
      from registry.loan l where l.product = 'RED_LAUNCH' and l.signed_on <= day.as_of${scoped('l.enterprise_id')}) loans
    cross join lateral (select count(*)::int as "liaisonVisits" from registry.liaison_visit v where ${thisYear('v.visited_on')}${scoped('v.organization_id')}) visits
    cross join lateral (select coalesce(sum(f.amount_fen), 0)::bigint as "rewardFundFen",
        coalesce(sum(f.amount_fen) filter (where f.kind = 'INCREASE'), 0)::bigint as "rewardFundIncreaseFen"
      from registry.reward_fund_allocation f where f.year = day.year) fund
    cross join lateral (select count(*)::int as "rewardGrants", coalesce(sum(g.amount_fen), 0)::bigint as "rewardGrantedFen"
      from registry.reward_grant g where g.year = day.year${scoped('g.organization_id')}) grants
    cross join lateral (select count(*) filter (where s.kind = 'SPECIAL_SESSION')::int as "specialSessions",
        count(*) filter (where s.kind = 'ROTATING_EVENT')::int as "rotatingEvents"
      from registry.deliberation_session s where ${thisYear('s.held_on')}${scoped('s.organization_id')}) sessions
    cross join lateral (select count(*) filter (where s.kind = 'SPECIAL_SESSION')::int as "specialSessionIssuesResolved",
        count(*) filter (where s.kind = 'ROTATING_EVENT')::int as "rotatingEventProblemsResolved"
      from registry.deliberation_issue i join registry.deliberation_session s on s.id = i.session_id
      where ${thisYear('s.held_on')} and i.resolved_on <= day.as_of${scoped('s.organization_id')}) issues
    cross join lateral (select count(*) filter (where m.kind = 'JOINT_MEETING')::int as "jointMeetings",
        count(*) filter (where m.kind = 'GROUP_ACTIVITY')::int as "groupActivities"
      from registry.joint_meeting m where ${thisYear('m.held_on')}${scopedBy(federationId, 'joint_meeting_participant', 'meeting_id', 'm')}) meetings
    cross join lateral (select count(*) filter (where a.kind = 'INVESTMENT_FAIR')::int as "investmentFairs",
        count(*) filter (where a.kind = 'PROJECT_MATCHMAKING')::int as "projectMatchmakings"
      from registry.platform_activity a where a.platform = 'INVESTMENT' and ${thisYear('a.held_on')}${organizedInScope(federationId)}) fairs
    cross join lateral (select count(*)::int as "investmentProjects", coalesce(sum(p.amount_fen), 0)::bigint as "investmentFen"
      from registry.investment_project p where ${thisYear('p.signed_on')}${scoped('p.introduced_by_id')}) projects
    cross join lateral (select count(distinct e.to_id)::int as "pairedVillages", coalesce(sum((
        -- attributes.projects: [{ title, startedOn }]; elements without a valid day are not counted
        select count(*) from jsonb_array_elements(case when jsonb_typeof(e.attributes -> 'projects') = 'array' then e.attributes -> 'projects' else '[]' end) project
        where ${isoDateShapeSql("project ->> 'startedOn'")} and project ->> 'startedOn' <= day.as_of::text)), 0)::int as "assistanceProjects"
      from registry.relationship e join registry.organization village on village.id = e.to_id
      where e.type = 'ASSISTANCE_PAIRING' and village.kind = 'VILLAGE' and ${inEffect('e')}${scoped('e.from_id')}) assistance
    cross join lateral (select count(*)::int as "mediationCommittees" from registry.organization m
      where m.kind = 'MEDIATION_COMMITTEE' and ${active('m')}${scoped('m.id')} and exists (select 1 from registry.relationship e
        join registry.organization founder on founder.id = e.from_id
        where e.to_id = m.id and e.type = 'FOUNDED' and founder.${CHAMBER} and ${inEffect('e')})) committees
    cross join lateral (select count(distinct p.person_id)::int as "mediators" from registry.position p
      join registry.organization m on m.id = p.organization_id
      where p.role = 'MEDIATOR' and m.kind = 'MEDIATION_COMMITTEE' and ${inEffect('p')}${scoped('m.id')}) mediators
    cross join lateral (select count(*)::int as "mediationCases",
        count(*) filter (where c.outcome = 'SETTLED' and c.closed_on <= day.as_of)::int as "mediationCasesSettled"
      from registry.mediation_case c where c.opened_on <= day.as_of${scoped('c.committee_id')}) cases
    cross join lateral (select count(*)::int as "chambers", count(*) filter (where exists (select 1 from registry.position p
        where p.organization_id = o.id and p.role = 'LEGAL_COUNSEL' and ${inEffect('p')}))::int as "chambersWithLegalCounsel"
      from registry.organization o where o.${CHAMBER} and ${active('o')}${scoped('o.id')}) counsel
    cross join lateral (select coalesce(sum(c.amount_fen), 0)::bigint as "charitySpendingFen" from registry.charity_record c
      where c.year = day.year and c.kind <> 'FUNDRAISING'${scoped('c.organization_id')}) charity`,
    [asOf],
  );
  const { as_of: _asOf, year_start: _start, year: _year, ...figures } = row as Record<string, number | string>;
  return Object.fromEntries(
    Object.entries(figures).map(([name, value]) => [name, Number(value)]),
  ) as unknown as RecordFigures;
}

export interface OrganizationCharityFigures {
  organizationId: string;
  raisedFen: number;
  givenFen: number;
  givenInYearFen: number;
  events: number;
  beneficiaries: number;
  programmeYears: number;
}

/**
 * Each organization's charity up to asOf's year: money raised (FUNDRAISING), money and goods
 * given (everything else) in all and in that year, events held, people helped, and the number
 * of years a programme ran. Ordered by the organization's name.
 */
export async function charityByOrganization(
  em: EntityManager,
  asOf: string,
  federationId?: string,
): Promise<OrganizationCharityFigures[]> {
  const rows = await em.execute<Record<keyof OrganizationCharityFigures, string | number>[]>(
    `
    with ${DAY}
    select c.organization_id as "organizationId",
      coalesce(sum(c.amount_fen) filter (where c.kind = 'FUNDRAISING'), 0)::bigint as "raisedFen",
      coalesce(sum(c.amount_fen) filter (where c.kind <> 'FUNDRAISING'), 0)::bigint as "givenFen",
      coalesce(sum(c.amount_fen) filter (where c.kind <> 'FUNDRAISING' and c.year = day.year), 0)::bigint as "givenInYearFen",
      count(*) filter (where c.kind = 'EVENT')::int as "events",
      coalesce(sum(c.beneficiaries) filter (where c.kind <> 'FUNDRAISING'), 0)::int as "beneficiaries",
      count(distinct c.year) filter (where c.kind = 'PROGRAMME')::int as "programmeYears"
    from registry.charity_record c join registry.organization o on o.id = c.organization_id, day
    where c.year <= day.year${inScope(federationId)('c.organization_id')}
    group by c.organization_id, o.name
    order by o.name, c.organization_id`,
    [asOf],
  );
  return rows.map(({ organizationId, ...figures }) => ({
    organizationId: String(organizationId),
    ...(Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, Number(value)])) as Omit<
      OrganizationCharityFigures,
      'organizationId'
    >),
  }));
}

export interface ActivityCount {
  platform: string;
  kind: string;
  count: number;
  participants: number;
}

/** Platform activities of asOf's year by platform and kind, with the people who took part. */
export async function platformActivityCounts(
  em: EntityManager,
  asOf: string,
  federationId?: string,
): Promise<ActivityCount[]> {
  return em.execute<ActivityCount[]>(
    `
    with ${DAY}
    select a.platform, a.kind, count(*)::int as count, coalesce(sum(a.participant_count), 0)::int as participants
    from registry.platform_activity a, day where ${thisYear('a.held_on')}${organizedInScope(federationId)}
    group by a.platform, a.kind order by a.platform, a.kind`,
    [asOf],
  );
}
