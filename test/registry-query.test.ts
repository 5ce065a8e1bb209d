import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { codeOf, gql, token } from './support/hub.js';
import { insertIntoRegistry } from './support/registry-fixtures.js';
import { freePort } from '../infra/dev/ports.js';
import { readConfig } from '../services/common/config.js';
import { startRegistry } from '../services/registry/main.js';
import { startGateway } from '../services/gateway/main.js';
import { migrate } from '../infra/db/migrate.js';
import { seed, seedOrganizationId as orgId } from '../infra/seed/run.js';
import { Organization } from '../services/registry/entities/organization.js';
import { Loan } from '../services/registry/entities/records.js';
import { OrganizationKind as K } from '../services/registry/entities/kinds.js';
import { wan } from '../services/registry/money.js';
import * as orders from '../services/registry/query/list-orders.js';

// The integrator's query language over the registry, through the gateway: orderBy (pinyin
// names, nullable keys, cursors bound to their order), boolean filters (and/or/not, lists,
// ranges, regionIs vs regionWithin) with their limits, the aggregates, and the refusals.
// Rows made here carry names unique to the run; the report's figures are checked on a hub
// holding exactly the seed (as test/statistics.test.ts does).

const run = crypto.randomUUID().slice(0, 8);
const prefix = `序${run}`;
const product = `ORDER_${run}`;
let reader: string;

// Cities whose pinyin order differs from their code-point order (嘉 < 杭 < 湖 < 绍 by code point).
const CITIES = ['绍兴', '嘉兴', '湖州', '杭州', '温州', '宁波', '舟山', '台州', '金华', '衢州', '丽水', '长兴', '安吉'];
interface Row {
  id: string;
  name: string;
  registeredOn: string | null;
}
let rows: Row[];

const pinyin = new Intl.Collator('zh-u-co-pinyin');
const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : 1);

const LIST = `query ($filter: OrganizationFilter, $orderBy: [OrganizationOrder!], $first: Int, $after: String, $last: Int, $before: String) {
  organizations(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name registeredOn } } } }`;

async function list(variables: Record<string, unknown>) {
  const r = await gql(LIST, variables, reader);
  expect(r.errors).toBeUndefined();
  return r.data.organizations;
}

/** Every row of the run in `orderBy`, read forward `size` at a time and backward the same way. */
async function walk(orderBy: unknown[], size: number): Promise<{ forward: Row[]; backward: Row[] }> {
  const filter = { nameContains: prefix };
  const forward: Row[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await list({ filter, orderBy, first: size, after });
    expect(page.totalCount).toBe(rows.length);
    forward.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backward: Row[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await list({ filter, orderBy, last: size, before });
    backward.unshift(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  return { forward, backward };
}

beforeAll(async () => {
  reader = await token(['INTEGRATOR']);
  rows = await insertIntoRegistry((em) => {
    const made = CITIES.flatMap((city, i) => {
      // Every third without a registration date; two cities share one, so the id breaks the tie.
      const registeredOn = i % 3 === 2 ? null : `20${String(10 + (i % 5)).padStart(2, '0')}-03-01`;
      const org = em.create(Organization, {
        name: `${prefix}${city}商会`,
        kind: i % 2 ? K.OUT_OF_TOWN_CHAMBER : K.INDUSTRY_ASSOCIATION,
        regionCode: i % 4 === 0 ? '330400' : '330481',
        registeredOn,
      });
      return [org];
    });
    // Two organizations of one name: only the id can order them.
    made.push(em.create(Organization, { name: `${prefix}嘉兴商会`, kind: K.ENTERPRISE, regionCode: '330402' }));
    const bank = em.create(Organization, { name: `${prefix}银行`, kind: K.BANK_BRANCH, regionCode: '330400' });
    made.push(bank);
    for (const [i, amount] of [300, 100, 300, 200, 300, 50].entries())
      em.create(Loan, { product, enterprise: made[i], bank, amountFen: wan(amount), signedOn: `2026-0${i + 1}-10` });
    return made;
  }).then((made) => made.map(({ id, name, registeredOn }) => ({ id, name, registeredOn: registeredOn ?? null })));
});

describe('orderBy', () => {
  it('orders names by pinyin (湖州 before 嘉兴 before 绍兴), the id breaking ties, the same forward and backward', async () => {
    const expected = [...rows].sort((a, b) => pinyin.compare(a.name, b.name) || byId(a, b));
    const { forward, backward } = await walk([{ field: 'NAME' }], 4);
    expect(forward.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(backward.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const names = forward.map((r) => r.name.slice(prefix.length, prefix.length + 2));
    const at = (city: string) => names.indexOf(city);
    expect(at('杭州')).toBeLessThan(at('湖州'));
    expect(at('湖州')).toBeLessThan(at('嘉兴'));
    expect(at('嘉兴')).toBeLessThan(at('绍兴'));
    // Without orderBy the list keeps its code-point order, where 嘉兴 comes before 湖州.
    const plain = await list({ filter: { nameContains: prefix }, first: 100 });
    const plainNames = plain.edges.map((e: any) => e.node.name as string);
    expect(plainNames.findIndex((n: string) => n.includes('嘉兴'))).toBeLessThan(
      plainNames.findIndex((n: string) => n.includes('湖州')),
    );
    const descending = await walk([{ field: 'NAME', direction: 'DESC' }], 5);
    expect(descending.forward.map((r) => r.name)).toEqual(expected.map((r) => r.name).reverse());
  });

  it('orders by a date some rows lack: those come last in both directions, every row once', async () => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...rows].sort(
        (a, b) =>
          (a.registeredOn === null ? 1 : 0) - (b.registeredOn === null ? 1 : 0) ||
          (a.registeredOn !== null && b.registeredOn !== null && a.registeredOn !== b.registeredOn
            ? sign * (a.registeredOn < b.registeredOn ? -1 : 1)
            : 0) ||
          byId(a, b),
      );
      const { forward, backward } = await walk([{ field: 'REGISTERED_ON', direction }], 3);
      expect(
        forward.map((r) => r.id),
        direction,
      ).toEqual(expected.map((r) => r.id));
      expect(
        backward.map((r) => r.id),
        direction,
      ).toEqual(expected.map((r) => r.id));
    }
  });

  it('orders a record list by its amount, then the id', async () => {
    const query = `query ($product: String!, $after: String) { loans(product: $product, first: 4, after: $after,
      orderBy: [{ field: AMOUNT, direction: DESC }, { field: SIGNED_ON }]) {
      totalCount pageInfo { endCursor hasNextPage } edges { node { amountFen signedOn } } } }`;
    const first = await gql(query, { product }, reader);
    expect(first.errors).toBeUndefined();
    const second = await gql(query, { product, after: first.data.loans.pageInfo.endCursor }, reader);
    const seen = [...first.data.loans.edges, ...second.data.loans.edges].map((e: any) => [
      e.node.amountFen,
      e.node.signedOn,
    ]);
    expect(seen).toEqual([
      [wan(300), '2026-01-10'],
      [wan(300), '2026-03-10'],
      [wan(300), '2026-05-10'],
      [wan(200), '2026-04-10'],
      [wan(100), '2026-02-10'],
      [wan(50), '2026-06-10'],
    ]);
    expect(second.data.loans.pageInfo.hasNextPage).toBe(false);
  });

  it('pages every list in every order field, both directions, with a second page from the cursor', async () => {
    const lists: [string, Record<string, string>][] = [
      ['organizations', orders.OrganizationOrderField],
      ['people', orders.PersonOrderField],
      ['loans', orders.LoanOrderField],
      ['mediationCases', orders.MediationCaseOrderField],
      ['charityRecords', orders.CharityRecordOrderField],
      ['investmentProjects', orders.InvestmentProjectOrderField],
      ['platformActivities', orders.PlatformActivityOrderField],
      ['liaisonVisits', orders.LiaisonVisitOrderField],
      ['deliberationSessions', orders.DeliberationSessionOrderField],
      ['jointMeetings', orders.JointMeetingOrderField],
      ['annualInspections', orders.AnnualInspectionOrderField],
      ['administrativePenalties', orders.AdministrativePenaltyOrderField],
      ['listEntries', orders.ListEntryOrderField],
      ['creditEntries', orders.CreditEntryOrderField],
    ];
    const admin = await token(['ADMIN']);
    for (const [field, values] of lists)
      for (const value of Object.values(values))
        for (const direction of ['ASC', 'DESC']) {
          const query = `query ($after: String) { ${field}(first: 2, after: $after, orderBy: [{ field: ${value}, direction: ${direction} }]) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { __typename } } } }`;
          const first = await gql(query, {}, admin);
          expect(first.errors, `${field} ${value} ${direction}`).toBeUndefined();
          const list = first.data[field];
          if (!list.pageInfo.hasNextPage) continue;
          const second = await gql(query, { after: list.pageInfo.endCursor }, admin);
          expect(second.errors, `${field} ${value} ${direction}, second page`).toBeUndefined();
          expect(second.data[field].totalCount).toBe(list.totalCount);
        }
  });

  it('refuses a cursor of another order, repeated or unknown fields, and says why, before SQL', async () => {
    const filter = { nameContains: prefix };
    const named = await list({ filter, orderBy: [{ field: 'NAME' }], first: 2 });
    const other = await gql(
      LIST,
      { filter, orderBy: [{ field: 'KIND' }], first: 2, after: named.pageInfo.endCursor },
      reader,
    );
    expect(codeOf(other)).toBe('BAD_USER_INPUT');
    expect(other.errors![0].extensions!.field).toBe('after');
    expect(other.errors![0].message).toContain('NAME:ASC');
    // A cursor of the default order is not one of an ordered list, nor the other way round.
    const plain = await list({ filter, first: 2 });
    const mixed = await gql(
      LIST,
      { filter, orderBy: [{ field: 'NAME' }], first: 2, after: plain.pageInfo.endCursor },
      reader,
    );
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
    expect(mixed.errors![0].message).toContain('默认顺序');
    const back = await gql(LIST, { filter, first: 2, after: named.pageInfo.endCursor }, reader);
    expect(codeOf(back)).toBe('BAD_USER_INPUT');
    const twice = await gql(LIST, { filter, orderBy: [{ field: 'NAME' }, { field: 'NAME' }] }, reader);
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    const many = [{ field: 'NAME' }, { field: 'KIND' }, { field: 'REGION' }, { field: 'CREATED_AT' }];
    const tooMany = await gql(LIST, { filter, orderBy: many }, reader);
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].message).toContain('最多 3 项');
    expect(codeOf(await gql(LIST, { filter, orderBy: [{ field: 'SALARY' }] }, reader))).toBe('BAD_USER_INPUT');
  });
});

describe('boolean filters', () => {
  const count = async (filter: Record<string, unknown>) =>
    (await list({ filter: { nameContains: prefix, ...filter }, first: 1 })).totalCount as number;

  it('combines conditions with and, or and not as sets do', async () => {
    const all = await count({});
    const a = { kind: 'OUT_OF_TOWN_CHAMBER' };
    const b = { regionIs: '330400' };
    const [na, nb, both] = [await count(a), await count(b), await count({ and: [a, b] })];
    expect(na).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(0);
    expect(await count({ or: [a, b] })).toBe(na + nb - both);
    expect(await count({ not: a })).toBe(all - na);
    expect(await count({ not: { or: [a, b] } })).toBe(all - (na + nb - both));
    expect(await count({ or: [] })).toBe(0);
    expect(await count({ and: [] })).toBe(all);
    expect(await count({ regionIn: ['330400', '330402'] })).toBe(
      rows.filter((_, i) => i < CITIES.length && i % 4 === 0).length + 2,
    );
    expect(await count({ ids: rows.slice(0, 3).map((r) => r.id) })).toBe(3);
    const registered = rows.filter(
      (r) => r.registeredOn && r.registeredOn >= '2011-01-01' && r.registeredOn <= '2012-12-31',
    );
    expect(registered.length).toBeGreaterThan(0);
    expect(await count({ registeredOn: { from: '2011-01-01', to: '2012-12-31' } })).toBe(registered.length);
  });

  it('tells regionIs (that code) from regionWithin (and the regions under it); region keeps meaning the latter', async () => {
    const within = await count({ regionWithin: '330400' });
    expect(within).toBe(rows.length); // 330481 and 330402 are under 嘉兴市
    expect(await count({ region: '330400' })).toBe(within);
    expect(await count({ regionIs: '330400' })).toBe(
      rows.filter((_, i) => i < CITIES.length && i % 4 === 0).length + 1,
    );
  });

  it('refuses a filter too deep or too big, naming the limit, and bad values by their path', async () => {
    let deep: Record<string, unknown> = { kind: 'BANK' };
    for (let i = 0; i < 5; i++) deep = { not: deep };
    const tooDeep = await gql(LIST, { filter: deep }, reader);
    expect(codeOf(tooDeep)).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors![0].extensions).toMatchObject({ limit: 'MAX_FILTER_DEPTH', max: 5 });
    const ids = Array.from({ length: 101 }, () => crypto.randomUUID());
    const tooBig = await gql(LIST, { filter: { or: [{ ids }] } }, reader);
    expect(codeOf(tooBig)).toBe('BAD_USER_INPUT');
    expect(tooBig.errors![0].extensions).toMatchObject({ limit: 'MAX_FILTER_CONDITIONS', max: 100 });
    const unknownRegion = await gql(LIST, { filter: { or: [{ regionIs: '999999' }] } }, reader);
    expect(codeOf(unknownRegion)).toBe('BAD_USER_INPUT');
    expect(unknownRegion.errors![0].extensions!.field).toBe('filter.or[0].regionIs');
    const range = await gql(LIST, { filter: { registeredOn: { from: '2020-01-01', to: '2019-01-01' } } }, reader);
    expect(codeOf(range)).toBe('BAD_USER_INPUT');
  });
});

describe('refusals of the page size', () => {
  it('names the argument and the limit', async () => {
    for (const argument of ['first', 'last']) {
      const r = await gql(`{ organizations(${argument}: 101) { totalCount } }`, {}, reader);
      expect(codeOf(r), argument).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain(argument);
      expect(r.errors![0].message).toContain('100');
      expect(r.errors![0].extensions!.field).toBe(argument);
    }
  });
});

// The report's figures, on a hub whose database holds exactly the migrations and the seed.
describe('on a database holding the seed', () => {
  let gateway: string;
  const stops: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const main = new URL(inject('databaseUrl'));
    const admin = new pg.Client({
      connectionString: Object.assign(new URL(main), { pathname: '/postgres' }).toString(),
    });
    const name = `${main.pathname.slice(1)}_query`;
    await admin.connect();
    await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
    stops.push(() => admin.end()); // the database is left for the next run to drop
    const url = Object.assign(new URL(main), { pathname: `/${name}` }).toString();
    await migrate(url);
    await seed(url);
    const [registryPort, gatewayPort] = [await freePort(), await freePort()];
    const settings = readConfig({
      DATABASE_URL: url,
      JWT_SECRET: inject('jwtSecret'),
      REGISTRY_PORT: String(registryPort),
      GATEWAY_PORT: String(gatewayPort),
      PROCESSES_URL: 'http://127.0.0.1:9/graphql', // never asked: all of this lives in the registry
    });
    const registry = await startRegistry(settings);
    const started = await startGateway(settings);
    stops.unshift(
      () => started.stop(),
      () => registry.stop(),
    );
    gateway = started.url;
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(query, variables, reader, gateway);
    expect(r.errors).toBeUndefined();
    return r.data;
  };

  it('counts 45 Jiaxing organisations rated 3A or above at city level (regionIs) and 47 within the city', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (
        await ask(`query ($f: OrganizationFilter) { organizations(filter: $f, first: 1) { totalCount } }`, {
          f: filter,
        })
      ).organizations.totalCount;
    const rated = { ratingAtLeast: 'A3', asOf: '2019-12-31' };
    expect(await count({ ...rated, regionIs: '330400' })).toBe(45);
    expect(await count({ ...rated, regionWithin: '330400' })).toBe(47);
    expect(await count({ ...rated, region: '330400' })).toBe(47);
  });

  it('reproduces the figures of statistics from the aggregates', async () => {
    const asOf = '2019-12-31';
    const { statistics: s } = await ask(
      `query ($asOf: String) { statistics(asOf: $asOf) {
      id asOf
      fourGoodChambers { total byLevel { level count } }
      ratings { atLeast3A byGrade { grade count } }
      redLaunchLoans { count total { fen } }
      liaisonVisits
      rewardFund { total { fen } increase { fen } grants granted { fen } }
      governmentChamberCommunication { specialSessions rotatingEvents }
      interconnection { jointMeetings groupActivities }
      investment { fairs matchmakings projects total { fen } }
      mediation { cases casesSettled chambers }
      charity { spending { fen } byOrganization { organization { id } raised { fen } given { fen } givenInYear { fen } events programmeYears } }
      platformActivities { platform kind count }
    } }`,
      { asOf },
    );
    expect(s.id).toBe(`statistics:${asOf}`);
    const chambers = { kinds: ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER'], active: true };
    const organizations = async (filter: unknown, groupBy: string[], honourTitle?: string) =>
      (
        await ask(
          `query ($f: OrganizationFilter, $g: [OrganizationGroupKey!]!, $asOf: String, $t: String) {
            organizationAggregates(filter: $f, groupBy: $g, asOf: $asOf, honourTitle: $t) {
              asOf total groups { kind region grade honourLevel yearRegistered count } } }`,
          { f: filter, g: groupBy, asOf, t: honourTitle },
        )
      ).organizationAggregates;
    const records = async (record: string, groupBy: string[], args: Record<string, unknown> = {}) =>
      (
        await ask(
          `query ($r: AggregatedRecord!, $g: [RecordGroupKey!]!, $from: String, $to: String, $years: [Int!], $kinds: [String!]) {
            recordAggregates(record: $r, groupBy: $g, from: $from, to: $to, years: $years, kinds: $kinds) {
              total amount { fen } groups { year kind platform organizationId count amount { fen } } } }`,
          { r: record, g: groupBy, ...args },
        )
      ).recordAggregates;
    const countOf = (groups: any[], match: Record<string, unknown>) =>
      groups.filter((g) => Object.entries(match).every(([k, v]) => g[k] === v)).reduce((n, g) => n + g.count, 0);
    const fenOf = (groups: any[], keep: (g: any) => boolean) =>
      groups.filter(keep).reduce((n, g) => n + g.amount.fen, 0);
    const thisYear = { from: '2019-01-01', to: asOf };

    // Standing figures: Four-Good chambers by their highest level, city-level chambers by grade.
    const fourGood = await organizations(chambers, ['HONOUR_LEVEL'], '四好商会');
    for (const { level, count } of s.fourGoodChambers.byLevel)
      expect(countOf(fourGood.groups, { honourLevel: level }), level).toBe(count);
    expect(fourGood.total - countOf(fourGood.groups, { honourLevel: null })).toBe(s.fourGoodChambers.total);
    const graded = await organizations({ ...chambers, regionIs: '330400' }, ['GRADE']);
    for (const { grade, count } of s.ratings.byGrade) expect(countOf(graded.groups, { grade }), grade).toBe(count);
    expect(['A3', 'A4', 'A5'].reduce((n, grade) => n + countOf(graded.groups, { grade }), 0)).toBe(s.ratings.atLeast3A);
    expect((await organizations(chambers, [])).total).toBe(s.mediation.chambers);

    // Records: counts and sums.
    const loans = await records('LOAN', ['KIND'], { to: asOf, kinds: ['RED_LAUNCH'] });
    expect([loans.total, loans.amount.fen]).toEqual([s.redLaunchLoans.count, s.redLaunchLoans.total.fen]);
    expect((await records('LIAISON_VISIT', [], thisYear)).total).toBe(s.liaisonVisits);
    const fund = await records('REWARD_FUND', ['KIND'], { years: [2019] });
    expect(fund.amount.fen).toBe(s.rewardFund.total.fen);
    expect(fenOf(fund.groups, (g) => g.kind === 'INCREASE')).toBe(s.rewardFund.increase.fen);
    const grants = await records('REWARD_GRANT', [], { years: [2019] });
    expect([grants.total, grants.amount.fen]).toEqual([s.rewardFund.grants, s.rewardFund.granted.fen]);
    const sessions = await records('DELIBERATION_SESSION', ['KIND'], thisYear);
    expect(countOf(sessions.groups, { kind: 'SPECIAL_SESSION' })).toBe(
      s.governmentChamberCommunication.specialSessions,
    );
    expect(countOf(sessions.groups, { kind: 'ROTATING_EVENT' })).toBe(s.governmentChamberCommunication.rotatingEvents);
    const meetings = await records('JOINT_MEETING', ['KIND'], thisYear);
    expect(countOf(meetings.groups, { kind: 'JOINT_MEETING' })).toBe(s.interconnection.jointMeetings);
    expect(countOf(meetings.groups, { kind: 'GROUP_ACTIVITY' })).toBe(s.interconnection.groupActivities);
    const activities = await records('PLATFORM_ACTIVITY', ['PLATFORM', 'KIND'], thisYear);
    expect(countOf(activities.groups, { platform: 'INVESTMENT', kind: 'INVESTMENT_FAIR' })).toBe(s.investment.fairs);
    expect(countOf(activities.groups, { platform: 'INVESTMENT', kind: 'PROJECT_MATCHMAKING' })).toBe(
      s.investment.matchmakings,
    );
    expect(activities.groups.map(({ platform, kind, count }: any) => ({ platform, kind, count }))).toEqual(
      s.platformActivities,
    );
    const projects = await records('INVESTMENT_PROJECT', [], thisYear);
    expect([projects.total, projects.amount.fen]).toEqual([s.investment.projects, s.investment.total.fen]);
    const cases = await records('MEDIATION_CASE', ['KIND'], { to: asOf });
    expect(cases.total).toBe(s.mediation.cases);
    expect(countOf(cases.groups, { kind: 'SETTLED' })).toBe(s.mediation.casesSettled);
    const charity = await records('CHARITY', ['ORGANIZATION', 'KIND', 'YEAR'], { years: range(2000, 2019) });
    const given = (g: any) => g.kind !== 'FUNDRAISING';
    expect(fenOf(charity.groups, (g) => given(g) && g.year === 2019)).toBe(s.charity.spending.fen);
    for (const row of s.charity.byOrganization) {
      const own = charity.groups.filter((g: any) => g.organizationId === row.organization.id);
      expect(
        {
          raised: fenOf(own, (g) => !given(g)),
          given: fenOf(own, given),
          givenInYear: fenOf(own, (g) => given(g) && g.year === 2019),
          events: countOf(own, { kind: 'EVENT' }),
          programmeYears: own.filter((g: any) => g.kind === 'PROGRAMME').length,
        },
        row.organization.id,
      ).toEqual({
        raised: row.raised.fen,
        given: row.given.fen,
        givenInYear: row.givenInYear.fen,
        events: row.events,
        programmeYears: row.programmeYears,
      });
    }
    expect(s.charity.byOrganization.map((r: any) => r.organization.id)).toContain(orgId('wenzhou'));
  });

  it('groups organisations by kind, region and grade in one answer whose counts add up', async () => {
    const { organizationAggregates: a } =
      await ask(`{ organizationAggregates(groupBy: [KIND, REGION, GRADE], asOf: "2019-12-31",
      filter: { regionWithin: "330400" }) { total groups { kind region regionName grade count } } }`);
    const { organizations } = await ask(
      `{ organizations(first: 1, filter: { regionWithin: "330400" }) { totalCount } }`,
    );
    expect(a.total).toBe(organizations.totalCount);
    expect(a.groups.reduce((n: number, g: any) => n + g.count, 0)).toBe(a.total);
    const cityA5 = a.groups.filter((g: any) => g.region === '330400' && g.grade === 'A5');
    expect(cityA5.reduce((n: number, g: any) => n + g.count, 0)).toBe(11);
    expect(a.groups.find((g: any) => g.region === '330481')?.regionName).toBe('海宁市');
  });

  it("orders an organization's edges (a nested connection) by their end day, lasting edges last", async () => {
    const query = `query ($id: ID!, $after: String) { organization(id: $id) {
      relationships { id validFrom validTo }
      relationshipsConnection(first: 7, after: $after, orderBy: [{ field: VALID_TO, direction: DESC }, { field: VALID_FROM }]) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
    const id = orgId('wenzhou');
    const seen: string[] = [];
    let after: string | undefined;
    let all: any[] = [];
    for (;;) {
      const { organization } = await ask(query, { id, after });
      all = organization.relationships;
      seen.push(...organization.relationshipsConnection.edges.map((e: any) => e.node.id));
      if (!organization.relationshipsConnection.pageInfo.hasNextPage) break;
      after = organization.relationshipsConnection.pageInfo.endCursor;
    }
    expect(all.length).toBeGreaterThan(7);
    const expected = [...all].sort(
      (a, b) =>
        (a.validTo === null ? 1 : 0) - (b.validTo === null ? 1 : 0) ||
        (a.validTo !== b.validTo && a.validTo && b.validTo ? (a.validTo < b.validTo ? 1 : -1) : 0) ||
        (a.validFrom !== b.validFrom ? (a.validFrom < b.validFrom ? -1 : 1) : 0) ||
        (a.id < b.id ? -1 : 1),
    );
    expect(seen).toEqual(expected.map((e) => e.id));
  });

  it('refuses aggregate keys a record does not have, and bad days, before SQL', async () => {
    const refuse = async (query: string) => codeOf(await gql(query, {}, reader, gateway));
    expect(await refuse('{ recordAggregates(record: REWARD_FUND, groupBy: [ORGANIZATION]) { total } }')).toBe(
      'BAD_USER_INPUT',
    );
    expect(await refuse('{ recordAggregates(record: CHARITY, from: "2019-01-01") { total } }')).toBe('BAD_USER_INPUT');
    expect(await refuse('{ recordAggregates(record: LOAN, from: "2019-02-30") { total } }')).toBe('BAD_USER_INPUT');
    expect(await refuse('{ organizationAggregates(groupBy: [KIND, KIND]) { total } }')).toBe('BAD_USER_INPUT');
    expect(await refuse('{ organizationAggregates(asOf: "yesterday") { total } }')).toBe('BAD_USER_INPUT');
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
