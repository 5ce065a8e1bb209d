import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { codeOf, federationToken, gql, token } from './support/hub.js';
import { freePort } from '../infra/dev/ports.js';
import { readConfig } from '../services/common/config.js';
import { startRegistry } from '../services/registry/main.js';
import { startGateway } from '../services/gateway/main.js';
import { migrate } from '../infra/db/migrate.js';
import { seed, seedOrganizationId as orgId } from '../infra/seed/run.js';
import { seedId } from '../infra/seed/ids.js';
import { SEED_RATINGS } from '../infra/seed/data/honours-ratings.js';
import { LIAISON_VISITS } from '../infra/seed/data/people.js';
import { addYears } from '../services/common/dates.js';
import { todayInChina } from '../services/common/dates.js';
import { wan } from '../services/registry/money.js';

// The report's figures, from `statistics` through a gateway. Other suites add rows to the shared
// test database (some dated 2019), so the exact figures are checked on a "report hub": a
// database holding exactly the migrations and the seed, served by its own registry subgraph and
// gateway. Refusals and the default day are checked on the shared hub.

const STATISTICS = `query ($asOf: String) { statistics(asOf: $asOf) {
  asOf year
  fourGoodChambers { total byLevel { level count } }
  ratings { atLeast3A byGrade { grade count } }
  bankPairings
  redLaunchLoans { count total { fen formatted } }
  liaisonVisits
  rewardFund { total { fen formatted } increase { fen formatted } }
  governmentChamberCommunication { specialSessions specialSessionIssuesResolved rotatingEvents rotatingEventProblemsResolved }
  interconnection { jointMeetings groupActivities }
  investment { fairs matchmakings projects total { fen formatted } }
  assistance { pairedVillages projects }
  mediation { committees mediators cases casesSettled chambers chambersWithLegalCounsel legalCounselCoverage }
  charity { year spending { fen formatted } byOrganization {
    organization { id name } raised { fen formatted } given { fen formatted } givenInYear { fen formatted } events beneficiaries programmeYears } }
  platformActivities { platform kind count participants }
} }`;

let reportGateway: string;
let reader: string;
let db: pg.Pool;
const stops: (() => Promise<unknown>)[] = [];

/** The statistics on `asOf` from the report hub; fails the test on any error. */
async function statistics(asOf: string) {
  const r = await gql(STATISTICS, { asOf }, reader, reportGateway);
  expect(r.errors).toBeUndefined();
  return r.data.statistics;
}

/** The count of the row whose `key` is `value` in a list like byGrade or platformActivities. */
const count = (rows: any[], key: string, value: string): number | undefined =>
  rows.find((row) => row[key] === value)?.count;
const charityOf = (s: any, key: string) =>
  s.charity.byOrganization.find((row: any) => row.organization.id === orgId(key));

beforeAll(async () => {
  const main = new URL(inject('databaseUrl'));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(main), { pathname: '/postgres' }).toString() });
  const name = `${main.pathname.slice(1)}_report`;
  await admin.connect();
  await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
  await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  // The database is left for the next run to drop (above): dropping it here with force killed
  // pool connections that were still closing, an error no test could catch.
  stops.push(() => admin.end());
  const url = Object.assign(new URL(main), { pathname: `/${name}` }).toString();
  await migrate(url);
  await seed(url);
  db = new pg.Pool({ connectionString: url, max: 2 });
  stops.unshift(() => db.end());
  const [registryPort, gatewayPort] = [await freePort(), await freePort()];
  const settings = readConfig({
    DATABASE_URL: url,
    JWT_SECRET: inject('jwtSecret'),
    REGISTRY_PORT: String(registryPort),
    GATEWAY_PORT: String(gatewayPort),
    PROCESSES_URL: 'http://127.0.0.1:9/graphql', // never asked: statistics live in the registry
  });
  const registry = await startRegistry(settings);
  const gateway = await startGateway(settings);
  stops.unshift(
    () => gateway.stop(),
    () => registry.stop(),
  );
  reportGateway = gateway.url;
  reader = await token(['INTEGRATOR']);
});

afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('statistics on a database holding the seed', () => {
  it('reproduces every figure of the report on 2019-12-31', async () => {
    const s = await statistics('2019-12-31');
    expect(s.asOf).toBe('2019-12-31');
    expect(s.year).toBe(2019);
    // 31 Four-Good chambers: national 2, provincial 7, municipal 22.
    expect(s.fourGoodChambers).toEqual({
      total: 31,
      byLevel: [
        { level: 'NATIONAL', count: 2 },
        { level: 'PROVINCIAL', count: 7 },
        { level: 'MUNICIPAL', count: 22 },
      ],
    });
    // 45 city-level associations rated 3A or above: 5A 11, 4A 17, 3A 17 (and some lower).
    expect(s.ratings).toEqual({
      atLeast3A: 45,
      byGrade: [
        { grade: 'A1', count: 2 },
        { grade: 'A2', count: 3 },
        { grade: 'A3', count: 17 },
        { grade: 'A4', count: 17 },
        { grade: 'A5', count: 11 },
      ],
    });
    // 党建+金融: 8 pairings; 红色启航贷: 8 enterprises, 3240万元.
    expect(s.bankPairings).toBe(8);
    expect(s.redLaunchLoans).toEqual({ count: 8, total: { fen: wan(3240), formatted: '3240万元' } });
    // Five mechanisms.
    expect(s.liaisonVisits).toBe(93);
    expect(s.rewardFund).toEqual({
      total: { fen: wan(119), formatted: '119万元' },
      increase: { fen: wan(17), formatted: '17万元' },
    });
    expect(s.governmentChamberCommunication).toEqual({
      specialSessions: 3,
      specialSessionIssuesResolved: 4,
      rotatingEvents: 11,
      rotatingEventProblemsResolved: 5,
    });
    expect(s.interconnection).toEqual({ jointMeetings: 3, groupActivities: 12 });
    // 12 fairs, 11 matchmakings, 22 projects, over 60亿元.
    expect(s.investment).toEqual({
      fairs: 12,
      matchmakings: 11,
      projects: 22,
      total: { fen: wan(609_000), formatted: '60.9亿元' },
    });
    expect(s.investment.total.fen).toBeGreaterThan(wan(600_000));
    // 71 paired villages, 23 assistance projects.
    expect(s.assistance).toEqual({ pairedVillages: 71, projects: 23 });
    // 20多个 committees, 100多名 mediators, 50多件 cases, counsel in every chamber.
    expect(s.mediation).toEqual({
      committees: 24,
      mediators: 110,
      cases: 57,
      casesSettled: 46,
      chambers: 84,
      chambersWithLegalCounsel: 84,
      legalCounselCoverage: 1,
    });
    expect(s.mediation.committees).toBeGreaterThan(20);
    expect(s.mediation.mediators).toBeGreaterThan(100);
    expect(s.mediation.cases).toBeGreaterThan(50);
    // Charity: 2019 spending 600多万元.
    expect(s.charity.year).toBe(2019);
    expect(s.charity.spending).toEqual({ fen: wan(624.8), formatted: '624.8万元' });
    expect(s.charity.spending.fen).toBeGreaterThan(wan(600));
    // The Wenzhou chamber raised 400多万元 for its foundation, which spends 100多万元 a year.
    const wenzhou = charityOf(s, 'wenzhou');
    expect(wenzhou.organization.name).toBe('嘉兴市温州商会');
    expect(wenzhou.raised).toEqual({ fen: wan(426), formatted: '426万元' });
    const foundation = charityOf(s, 'wenzhou-foundation');
    expect(foundation.organization.name).toBe('嘉兴市温商慈善基金会');
    expect(foundation.givenInYear).toEqual({ fen: wan(123), formatted: '123万元' });
    expect(foundation.givenInYear.fen).toBeGreaterThan(wan(100));
    // Hubei: 37 events, 3000多 people, 30多万元; Henan: seven years, 550多 children.
    const hubei = charityOf(s, 'hubei');
    expect([hubei.events, hubei.beneficiaries, hubei.given.fen]).toEqual([37, 3087, wan(31.3)]);
    expect(hubei.beneficiaries).toBeGreaterThan(3000);
    expect(hubei.given.fen).toBeGreaterThan(wan(30));
    const henan = charityOf(s, 'henan');
    expect([henan.programmeYears, henan.beneficiaries]).toEqual([7, 556]);
    expect(henan.beneficiaries).toBeGreaterThan(550);
    // The 4-day course for 50 full-time staff, the talent summit, and the legal platform's events.
    expect(s.platformActivities).toContainEqual({
      platform: 'TALENT_SERVICES',
      kind: 'TRAINING_COURSE',
      count: 1,
      participants: 50,
    });
    expect(count(s.platformActivities, 'kind', 'TALENT_SUMMIT')).toBe(1);
    for (const kind of [
      'JUDGES_INTO_CHAMBERS',
      'PROSECUTORS_INTO_CHAMBERS',
      'POLICE_INTO_CHAMBERS',
      'LEGAL_TRAINING',
      'ENTREPRENEURS_FORUM',
      'PROTECTION_CAMPAIGN',
    ]) {
      expect(count(s.platformActivities, 'kind', kind), kind).toBeGreaterThanOrEqual(1);
    }
    expect(count(s.platformActivities, 'kind', 'INVESTMENT_FAIR')).toBe(12);
  });

  it('counts each Four-Good chamber once, at its highest honour of a year up to asOf', async () => {
    const honour = (key: string, org: string, level: string, year: number, title = '四好商会') =>
      db.query(`insert into registry.honour (id, organization_id, title, level, year) values ($1, $2, $3, $4, $5)`, [
        seedId(key),
        orgId(org),
        title,
        level,
        year,
      ]);
    const extra = ['test:honour-tea', 'test:honour-henan', 'test:honour-logistics', 'test:honour-other-title'].map(
      seedId,
    );
    try {
      await honour('test:honour-tea', 'tea', 'MUNICIPAL', 2019); // a new holder
      await honour('test:honour-henan', 'henan', 'NATIONAL', 2019); // 河南商会 held a municipal one
      await honour('test:honour-logistics', 'logistics', 'PROVINCIAL', 2020); // after asOf's year
      await honour('test:honour-other-title', 'catering', 'NATIONAL', 2019, '文明单位'); // not 四好商会
      expect((await statistics('2019-12-31')).fourGoodChambers).toEqual({
        total: 32,
        byLevel: [
          { level: 'NATIONAL', count: 3 },
          { level: 'PROVINCIAL', count: 7 },
          { level: 'MUNICIPAL', count: 22 },
        ],
      });
      expect((await statistics('2020-01-01')).fourGoodChambers.total).toBe(33);
    } finally {
      await db.query('delete from registry.honour where id = any($1)', [extra]);
    }
    expect((await statistics('2019-12-31')).fourGoodChambers.total).toBe(31);
  });

  it('counts a grade only while it is in force: five years from the award, until revoked', async () => {
    const wenzhou = SEED_RATINGS.find((r) => r.org === 'wenzhou' && r.grade === 'A5')!;
    const lapse = addYears(wenzhou.awardedOn, 5);
    const dayBefore = new Date(Date.parse(lapse) - 86_400_000).toISOString().slice(0, 10);
    const [before, after] = [await statistics(dayBefore), await statistics(lapse)];
    expect(count(before.ratings.byGrade, 'grade', 'A5')! - count(after.ratings.byGrade, 'grade', 'A5')!).toBe(1);
    expect(before.ratings.atLeast3A - after.ratings.atLeast3A).toBe(1);

    const fashion = seedId(
      `rating:fashion:${SEED_RATINGS.find((r) => r.org === 'fashion' && r.grade === 'A5')!.awardedOn}`,
    );
    try {
      await db.query(`update registry.rating set revoked_on = '2019-12-01' where id = $1`, [fashion]);
      expect((await statistics('2019-11-30')).ratings.atLeast3A).toBe(45);
      const revoked = await statistics('2019-12-31');
      expect(revoked.ratings.atLeast3A).toBe(44);
      expect(count(revoked.ratings.byGrade, 'grade', 'A5')).toBe(10);
    } finally {
      await db.query('update registry.rating set revoked_on = null where id = $1', [fashion]);
    }
  });

  it('counts records as they are added, and edges and counsel only while they hold', async () => {
    const ids = {
      visit: seedId('test:visit'),
      loan: seedId('test:loan'),
      pairing: seedId('test:pairing'),
      chamber: seedId('test:chamber'),
    };
    try {
      await db.query(
        `insert into registry.liaison_visit (id, leader_id, organization_id, visited_on) values ($1, $2, $3, '2019-12-30')`,
        [ids.visit, seedId('person:leader-zhang-jiansheng'), orgId('wenzhou')],
      );
      await db.query(
        `insert into registry.loan (id, product, enterprise_id, bank_id, amount_fen, signed_on) values ($1, 'RED_LAUNCH', $2, $3, $4, '2019-12-20')`,
        [ids.loan, orgId('jinxiu-fashion'), orgId('bank-nanhu'), wan(100)],
      );
      // A pairing that ended on 2019-10-01.
      await db.query(
        `insert into registry.relationship (id, type, from_id, to_id, valid_from, valid_to, attributes) values ($1, 'BANK_PAIRING', $2, $3, '2019-06-01', '2019-10-01', '{}')`,
        [ids.pairing, orgId('garment'), orgId('bank-keji')],
      );
      // A chamber without legal counsel.
      await db.query(
        `insert into registry.organization (id, name, kind, region_code, created_at) values ($1, '嘉兴市测试行业协会', 'INDUSTRY_ASSOCIATION', '330400', now())`,
        [ids.chamber],
      );
      const s = await statistics('2019-12-31');
      expect(s.liaisonVisits).toBe(94);
      expect(s.redLaunchLoans).toEqual({ count: 9, total: { fen: wan(3340), formatted: '3340万元' } });
      expect(s.bankPairings).toBe(8);
      expect((await statistics('2019-09-30')).bankPairings).toBe(9);
      expect([s.mediation.chambers, s.mediation.chambersWithLegalCounsel, s.mediation.legalCounselCoverage]).toEqual([
        85,
        84,
        84 / 85,
      ]);
    } finally {
      await db.query('delete from registry.liaison_visit where id = $1', [ids.visit]);
      await db.query('delete from registry.loan where id = $1', [ids.loan]);
      await db.query('delete from registry.relationship where id = $1', [ids.pairing]);
      await db.query('delete from registry.organization where id = $1', [ids.chamber]);
    }
    expect((await statistics('2019-12-31')).mediation.legalCounselCoverage).toBe(1);
  });

  it("counts year figures over asOf's year up to asOf", async () => {
    const midYear = await statistics('2019-06-30');
    expect(midYear.liaisonVisits).toBe(
      LIAISON_VISITS.filter((v) => v.visitedOn >= '2019-01-01' && v.visitedOn <= '2019-06-30').length,
    );
    expect(midYear.liaisonVisits).toBeLessThan(93);
    const lastYear = await statistics('2018-12-31');
    expect(lastYear.liaisonVisits).toBe(12);
    expect(lastYear.rewardFund).toEqual({
      total: { fen: wan(102), formatted: '102万元' },
      increase: { fen: 0, formatted: '0.00元' },
    });
    expect(lastYear.bankPairings).toBe(0); // the pairings date from 2019-06-01
    expect(lastYear.governmentChamberCommunication.specialSessions).toBe(0);
    expect(lastYear.charity.year).toBe(2018);
    expect(charityOf(lastYear, 'wenzhou-foundation').givenInYear.fen).toBe(wan(115));
    // Counsel was engaged over 2018–2019: coverage was partial before.
    expect(lastYear.mediation.legalCounselCoverage).toBeLessThan(1);
  });
});

describe("statistics for an admin's jurisdiction", () => {
  const as = async (federationKey: string, asOf = '2019-12-31') => {
    const r = await gql(STATISTICS, { asOf }, await federationToken(['ADMIN'], federationKey), reportGateway);
    expect(r.errors).toBeUndefined();
    return r.data.statistics;
  };

  it("gives Jiaxing's admin, and the province's, every figure of the report; Huzhou's none; a county its own", async () => {
    const everything = await statistics('2019-12-31');
    // The report is Jiaxing's: everything it counts lies in Jiaxing's jurisdiction, and so in the province's.
    expect(await as('federation')).toEqual(everything);
    expect(await as('federation-zhejiang')).toEqual(everything);
    const huzhou = await as('federation-huzhou');
    expect(huzhou.fourGoodChambers.total).toBe(0);
    expect(huzhou.mediation.chambers).toBe(0);
    expect(huzhou.bankPairings).toBe(0);
    expect(huzhou.charity.byOrganization).toEqual([]);
    // Haining: its own chambers only, some of the city's.
    const haining = await as('federation-haining');
    expect(haining.mediation.chambers).toBeGreaterThan(0);
    expect(haining.mediation.chambers).toBeLessThan(everything.mediation.chambers);
    expect(haining.fourGoodChambers.total).toBeLessThan(everything.fourGoodChambers.total);
  });
});

describe('statistics on the shared hub', () => {
  it('answers any role, for today in China when asOf is not given', async () => {
    for (const role of ['INTEGRATOR', 'APPROVER', 'ADMIN'] as const) {
      const r = await gql('{ statistics { asOf year fourGoodChambers { total } } }', {}, await token([role]));
      expect(r.errors).toBeUndefined();
      expect(r.data.statistics.asOf).toBe(todayInChina());
      expect(r.data.statistics.year).toBe(Number(todayInChina().slice(0, 4)));
    }
  });

  it('refuses a caller without a token or a role, and a malformed day', async () => {
    const none = await gql('{ statistics { year } }');
    expect([none.status, codeOf(none)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(codeOf(await gql('{ statistics { year } }', {}, await token([])))).toBe('FORBIDDEN');
    const integrator = await token(['INTEGRATOR']);
    for (const asOf of ['2019-02-30', '31/12/2019', '2019-12-31T00:00:00Z', '']) {
      const r = await gql('query ($asOf: String) { statistics(asOf: $asOf) { year } }', { asOf }, integrator);
      expect(codeOf(r), asOf).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('asOf');
    }
  });
});
