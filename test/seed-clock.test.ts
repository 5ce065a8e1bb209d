import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { token } from './support/hub.js';
import { freePort } from '../infra/dev/ports.js';
import { readConfig } from '../services/common/config.js';
import { addDays, todayInChina } from '../services/common/dates.js';
import { startRegistry } from '../services/registry/main.js';
import { createRegistryClient } from '../services/processes/registry/client.js';
import { applicantFacts, expertPool } from '../services/processes/evaluation/registry-facts.js';
import { committeeMembers } from '../services/processes/committees/standing.js';
import { eligibility, type Track } from '../services/processes/evaluation/eligibility.js';
import { TRACK_KINDS } from '../services/processes/evaluation/activities.js';
import { bidderFacts } from '../services/processes/procurement/registry-facts.js';
import { bidderReasons } from '../services/processes/procurement/screening.js';
import { holdsPositionIn } from '../services/processes/training/rules.js';
import { migrate } from '../infra/db/migrate.js';
import { seed, seedOrganizationId as orgId } from '../infra/seed/run.js';
import { seedId } from '../infra/seed/ids.js';

// The seed on a clock moved a year and a half ahead, into a fresh database, served by its own
// registry: what the walk-throughs and the yearly Schedules need still holds on that day
// (a course open for applications, a campaign of that year finding eligible chambers with the
// worker's own eligibility rules and facts, a procurement's screening finding bidders).

const MOVED = addDays(todayInChina(), 548);
const YEAR = Number(MOVED.slice(0, 4));
const CAMPAIGN_START = `${YEAR}-01-01`;
let db: pg.Pool;
let registry: ReturnType<typeof createRegistryClient>;
const stops: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const main = new URL(inject('databaseUrl'));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(main), { pathname: '/postgres' }).toString() });
  const name = `${main.pathname.slice(1)}_clock`;
  await admin.connect();
  await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
  await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  stops.push(() => admin.end()); // the database is dropped by the next run (see statistics.test.ts)
  const url = Object.assign(new URL(main), { pathname: `/${name}` }).toString();
  await migrate(url);
  await seed(url, MOVED);
  db = new pg.Pool({ connectionString: url, max: 2 });
  stops.unshift(() => db.end());
  const settings = readConfig({
    DATABASE_URL: url,
    JWT_SECRET: inject('jwtSecret'),
    REGISTRY_PORT: String(await freePort()),
  });
  const served = await startRegistry(settings);
  stops.unshift(served.stop);
  registry = createRegistryClient(settings.registryUrl, {
    jwtSecret: settings.jwtSecret,
    subgraphSecrets: settings.subgraphSecrets,
  });
});

afterAll(async () => {
  for (const stop of stops) await stop();
});

describe(`the seed on a clock moved to ${MOVED}`, () => {
  it("has the walk-through's course open for applications, and its applicant in the Wenzhou chamber", async () => {
    const courses = await db.query(
      `select starts_on::text from processes.training_course where title = '商协会专职人员素质提升培训班'`,
    );
    // enrollInTraining refuses a course that starts today or earlier.
    expect(courses.rows.filter((c) => c.starts_on > MOVED)).toHaveLength(1);
    const huang = await registry.person(seedId('person:wenzhou-staff-1'), `Bearer ${await token(['INTEGRATOR'])}`);
    expect(huang.name).toBe('黄志强');
    expect(holdsPositionIn(huang.positions, orgId('wenzhou'), MOVED)).toBe(true);
  });

  it(`lets ${YEAR}'s campaigns find eligible and ineligible chambers of each kind, with reviewers and committees`, async () => {
    for (const track of ['RATING', 'FOUR_GOOD'] as Track[]) {
      const facts = await applicantFacts(registry, [...TRACK_KINDS[track]], CAMPAIGN_START);
      const rules = { year: YEAR, track, asOf: CAMPAIGN_START, rerateAfterTwoYears: false };
      for (const kind of TRACK_KINDS[track]) {
        const verdicts = facts.filter((o) => o.kind === kind).map((o) => eligibility(o, rules));
        expect(verdicts.filter((v) => v.eligible).length, `${track} ${kind} eligible`).toBeGreaterThan(3);
      }
      const reasons = facts.flatMap((o) => {
        const verdict = eligibility(o, rules);
        return verdict.eligible ? [] : verdict.reasons;
      });
      // Last year's facts bar some, as the report's year did for 2020.
      expect(reasons).toContain(`${YEAR - 1} 年度未参加年检`);
      expect(reasons).toContain(`${YEAR - 1} 年度年检不合格`);
      expect(reasons).toContain(`连续两年（${YEAR - 2}、${YEAR - 1}）年检基本合格`);
      expect(reasons.some((r) => r.startsWith(`${YEAR - 1} 年受到行政处罚`))).toBe(true);
      expect(reasons.some((r) => r.startsWith('行政处罚尚在执行期'))).toBe(true);
    }
    // The Wenzhou chamber's grade has lapsed: this year's rating campaign invites it.
    const wenzhou = (await applicantFacts(registry, ['OUT_OF_TOWN_CHAMBER'], CAMPAIGN_START)).find(
      (o) => o.id === orgId('wenzhou'),
    )!;
    expect(
      eligibility(wenzhou, { year: YEAR, track: 'RATING', asOf: CAMPAIGN_START, rerateAfterTwoYears: false }),
    ).toEqual({
      eligible: true,
    });
    expect((await expertPool(registry, CAMPAIGN_START)).length).toBeGreaterThanOrEqual(9);
    const committees = await committeeMembers(registry, CAMPAIGN_START);
    expect([committees.evaluation.length, committees.review.length]).toEqual([7, 5]);
  });

  it("lets a procurement closing that day screen the walk-through's bidders, 3A asked or not", async () => {
    const ids = ['wenzhou', 'hubei', 'garment', 'fashion'].map((key) => orgId(key));
    const bidders = await bidderFacts(registry, ids, MOVED);
    const screened = (minimumGrade: string | null) =>
      bidders.map(({ bidder }) => [
        bidder.name,
        bidderReasons(
          bidder,
          { minimumGrade, minimumYearsRegistered: 2, kinds: ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER'] },
          MOVED,
        ).length,
      ]);
    expect(screened(null)).toEqual([
      ['嘉兴市温州商会', 0],
      ['嘉兴市湖北商会', 0],
      ['嘉兴市服装行业协会', 0],
      ['嘉兴市时尚产业协会', 0],
    ]);
    // Asking for 3A: the renewed grades are in force; the Wenzhou chamber's has lapsed.
    expect(screened('A3')).toEqual([
      ['嘉兴市温州商会', 1],
      ['嘉兴市湖北商会', 0],
      ['嘉兴市服装行业协会', 0],
      ['嘉兴市时尚产业协会', 0],
    ]);
    // The buying agency's officer and head hold their posts that day.
    const { rows } = await db.query(
      `select role from registry.position where organization_id = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2)`,
      [orgId('agency-civil-affairs'), MOVED],
    );
    expect(rows.map((r) => r.role)).toEqual(expect.arrayContaining(['AGENCY_OFFICER', 'AGENCY_HEAD']));
  });
});
