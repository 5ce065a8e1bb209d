import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, federationToken, gql, orgId, token } from './support/hub.js';
import { addDays, todayInChina } from '../services/common/dates.js';

// Jurisdiction from the supervision graph (docs/jurisdiction.md): roles × levels (province,
// city, county, another city) × the registry's reads and keeping writes. Each cell says
// seen / not seen (NOT_FOUND, absent from lists) / refused (FORBIDDEN).

/** The seed's Federations at each level. */
const LEVELS = {
  province: 'federation-zhejiang',
  city: 'federation', // 嘉兴市工商联
  county: 'federation-haining',
  otherCity: 'federation-huzhou',
} as const;
type Level = keyof typeof LEVELS;

/** Organizations at each place of the graph, and who may see and keep them. */
const TARGETS: { key: string; name: string; seenBy: Level[] }[] = [
  // supervised by the Haining county Federation, a member of Jiaxing, a member of the province
  { key: 'haining-warp-knitting', name: '海宁市经编产业协会', seenBy: ['province', 'city', 'county'] },
  // supervised by Jiaxing itself
  { key: 'wenzhou', name: '嘉兴市温州商会', seenBy: ['province', 'city'] },
  // a district Federation of the other city
  { key: 'federation-wuxing', name: '湖州市吴兴区工商业联合会', seenBy: ['province', 'otherCity'] },
  // the province's own record: above every city
  { key: 'federation-zhejiang', name: '浙江省工商业联合会', seenBy: ['province'] },
  // supervised by no Federation: common ground
  { key: 'bank', name: '嘉兴银行股份有限公司', seenBy: ['province', 'city', 'county', 'otherCity'] },
];

const tokens: Record<string, string> = {};
const as = (role: 'FEDERATION_OFFICER' | 'ADMIN', level: Level) => tokens[`${role}@${level}`];

beforeAll(async () => {
  for (const role of ['FEDERATION_OFFICER', 'ADMIN'] as const)
    for (const [level, key] of Object.entries(LEVELS)) tokens[`${role}@${level}`] = await federationToken([role], key);
});

const detail = (id: string, bearer: string) =>
  gql(`query($id: ID!) { organization(id: $id) { id name } }`, { id }, bearer);
const listed = async (name: string, bearer: string) => {
  const r = await gql(
    `query($f: OrganizationFilter) { organizations(first: 10, filter: $f) { edges { node { id name } } } }`,
    { f: { nameContains: name } },
    bearer,
  );
  expect(r.errors).toBeUndefined();
  return (r.data.organizations.edges as { node: { name: string } }[]).some((e) => e.node.name === name);
};
/** A keeping write that the guard judges first: inside, the bad year is refused (BAD_USER_INPUT) and nothing is written. */
const keep = (organizationId: string, bearer: string) =>
  gql(
    `mutation($input: NewAnnualInspection!) { recordAnnualInspection(input: $input) { id } }`,
    { input: { organizationId, year: Number(todayInChina().slice(0, 4)) + 5, result: 'PASS' } },
    bearer,
  );
/** An admin's edit that the guard judges first: inside, the stale version is refused (CONFLICT). */
const edit = (id: string, bearer: string) =>
  gql(
    `mutation($id: ID!) { updateOrganization(id: $id, version: 999999, input: { shortName: "x" }) { id } }`,
    { id },
    bearer,
  );

describe('jurisdiction: roles × levels × the registry', () => {
  for (const role of ['FEDERATION_OFFICER', 'ADMIN'] as const) {
    for (const level of Object.keys(LEVELS) as Level[]) {
      it(`${role} of the ${level}: sees, lists and keeps only what its Federation supervises (and common ground)`, async () => {
        const bearer = as(role, level);
        for (const target of TARGETS) {
          const inside = target.seenBy.includes(level);
          const id = orgId(target.key);
          const read = await detail(id, bearer);
          expect(codeOf(read) ?? 'seen', `${target.key} detail`).toBe(inside ? 'seen' : 'NOT_FOUND');
          expect(await listed(target.name, bearer), `${target.key} listed`).toBe(inside);
          const kept = await keep(id, bearer);
          expect(codeOf(kept), `${target.key} keeping`).toBe(inside ? 'BAD_USER_INPUT' : 'FORBIDDEN');
          if (!inside) expect(kept.errors![0].message).toContain('不在你所在工商联的管辖范围内');
          const edited = await edit(id, bearer);
          // Officers may not edit organizations at all (ADMIN only); admins inside reach the version check.
          expect(codeOf(edited), `${target.key} edit`).toBe(
            role === 'FEDERATION_OFFICER' ? 'FORBIDDEN' : inside ? 'CONFLICT' : 'FORBIDDEN',
          );
        }
      });
    }
  }

  it("lists records only of organizations in the caller's jurisdiction", async () => {
    const LISTS = [
      'annualInspections',
      'creditEntries',
      'charityRecords',
      'loans',
      'investmentProjects',
      'liaisonVisits',
      'deliberationSessions',
      'platformActivities',
      'jointMeetings',
    ];
    const totals = async (bearer: string) => {
      const r = await gql(`{ ${LISTS.map((l) => `${l}(first: 1) { totalCount }`).join(' ')} }`, {}, bearer);
      expect(r.errors).toBeUndefined();
      return Object.fromEntries(LISTS.map((l) => [l, r.data[l].totalCount as number]));
    };
    const all = await totals(await token(['INTEGRATOR']));
    const [province, city, county, otherCity] = await Promise.all(
      (['province', 'city', 'county', 'otherCity'] as const).map((level) => totals(as('FEDERATION_OFFICER', level))),
    );
    for (const list of LISTS) {
      expect(all[list], list).toBeGreaterThan(0);
      // The seed's records are all of Jiaxing's organizations; other suites add organizations no
      // Federation supervises (common ground): Jiaxing and the province see both, Huzhou only the
      // common ground's, Haining its own and the common ground's.
      expect(city[list], list).toBeLessThanOrEqual(all[list]);
      expect(province[list], list).toBe(city[list]);
      expect(otherCity[list], list).toBeLessThan(city[list]);
      expect(county[list], list).toBeLessThanOrEqual(city[list]);
    }
    expect(county.annualInspections).toBeGreaterThan(0);
    expect(county.annualInspections).toBeLessThan(city.annualInspections);
  });

  it("counts aggregates over the caller's jurisdiction only: organizations and their records", async () => {
    const counts = async (bearer: string) => {
      const r = await gql(
        `{ organizationAggregates(groupBy: [KIND]) { total groups { kind count } }
           recordAggregates(record: CHARITY, groupBy: []) { total } }`,
        {},
        bearer,
      );
      expect(r.errors).toBeUndefined();
      return r.data as {
        organizationAggregates: { total: number; groups: { kind: string; count: number }[] };
        recordAggregates: { total: number };
      };
    };
    const integrator = await counts(await token(['INTEGRATOR']));
    const [province, city, county, otherCity] = await Promise.all(
      (['province', 'city', 'county', 'otherCity'] as const).map((level) => counts(as('ADMIN', level))),
    );
    // Integrators count everything; the province what its cities and counties hold and the common ground.
    expect(province.organizationAggregates.total).toBeLessThanOrEqual(integrator.organizationAggregates.total);
    expect(city.organizationAggregates.total).toBeLessThan(province.organizationAggregates.total);
    expect(county.organizationAggregates.total).toBeLessThan(city.organizationAggregates.total);
    // Huzhou has only its own Federations and the common ground (what other tests create unplaced
    // included), none of Jiaxing's eight out-of-town chambers; the city and the province both have them.
    const kinds = (a: typeof otherCity) => new Map(a.organizationAggregates.groups.map((g) => [g.kind, g.count]));
    const outOfTown = (a: typeof otherCity) => kinds(a).get('OUT_OF_TOWN_CHAMBER') ?? 0;
    expect(outOfTown(city)).toBe(outOfTown(province));
    expect(outOfTown(city) - outOfTown(otherCity)).toBeGreaterThanOrEqual(8);
    // Charity records are Jiaxing's chambers': the city counts them all, Huzhou only common ground's.
    expect(city.recordAggregates.total).toBe(province.recordAggregates.total);
    expect(city.recordAggregates.total).toBeLessThanOrEqual(integrator.recordAggregates.total);
    expect(city.recordAggregates.total - otherCity.recordAggregates.total).toBeGreaterThan(0);
  });

  it('leaves integrators as they were: public data, all of it, and no keeping', async () => {
    const integrator = await token(['INTEGRATOR']);
    for (const target of TARGETS) {
      expect(codeOf(await detail(orgId(target.key), integrator))).toBeUndefined();
      expect(await listed(target.name, integrator)).toBe(true);
      expect(codeOf(await keep(orgId(target.key), integrator))).toBe('FORBIDDEN');
    }
  });
});

describe('a new Federation', () => {
  it("is placed by an admin under their own Federation, and is theirs from then on, not a neighbour's", async () => {
    const jiaxing = as('ADMIN', 'city');
    const created = await gql(
      `mutation($input: NewOrganization!) { createOrganization(input: $input) { id version } }`,
      {
        input: {
          name: `新区工商业联合会 ${crypto.randomUUID().slice(0, 6)}`,
          kind: 'FEDERATION',
          regionCode: '330400',
        },
      },
      jiaxing,
    );
    expect(created.errors).toBeUndefined();
    const county = created.data.createOrganization.id as string;
    // A Federation is its own jurisdiction from the start: not common ground.
    expect(codeOf(await detail(county, jiaxing))).toBe('NOT_FOUND');
    // Nor the province's, which reached every other Federation: it no longer reaches everything
    // (rules.ts tests that once a statement and then skips the row's own tests), in a list too.
    const province = as('ADMIN', 'province');
    expect(codeOf(await detail(county, province))).toBe('NOT_FOUND');
    const listed = await gql(
      `query($id: ID!) { organizations(first: 5, filter: { ids: [$id] }) { totalCount } }`,
      { id: county },
      province,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.organizations.totalCount).toBe(0);
    // Huzhou may not place it under Jiaxing (Jiaxing is not Huzhou's); Jiaxing may.
    const place = (bearer: string) =>
      gql(
        `mutation($input: NewRelationship!) { createRelationship(input: $input) { id } }`,
        { input: { type: 'MEMBER_OF', fromId: county, toId: orgId('federation'), validFrom: todayInChina() } },
        bearer,
      );
    expect(codeOf(await place(as('ADMIN', 'otherCity')))).toBe('FORBIDDEN');
    expect((await place(jiaxing)).errors).toBeUndefined();
    expect(codeOf(await detail(county, jiaxing))).toBeUndefined();
    expect(codeOf(await detail(county, as('ADMIN', 'province')))).toBeUndefined();
    expect(codeOf(await detail(county, as('ADMIN', 'otherCity')))).toBe('NOT_FOUND');
    // Once placed, it is no longer free to be placed elsewhere.
    const elsewhere = await gql(
      `mutation($input: NewRelationship!) { createRelationship(input: $input) { id } }`,
      { input: { type: 'MEMBER_OF', fromId: county, toId: orgId('federation-huzhou'), validFrom: todayInChina() } },
      as('ADMIN', 'otherCity'),
    );
    expect(codeOf(elsewhere)).toBe('FORBIDDEN');
  });
});

describe('a chamber moving between counties', () => {
  it("moves jurisdiction on the edge's date: the old county until its last day, the new one from its first", async () => {
    const province = as('ADMIN', 'province');
    const today = todayInChina();
    const created = await gql(
      `mutation($input: NewOrganization!) { createOrganization(input: $input) { id version } }`,
      {
        input: {
          name: `迁移测试商会 ${crypto.randomUUID().slice(0, 6)}`,
          kind: 'GRASSROOTS_CHAMBER',
          regionCode: '330481',
          registeredOn: addDays(today, -400),
        },
      },
      province,
    );
    expect(created.errors).toBeUndefined();
    const chamber = created.data.createOrganization.id as string;
    const supervise = async (county: string, validFrom: string, validTo?: string) => {
      const r = await gql(
        `mutation($input: NewRelationship!) { createRelationship(input: $input) { id } }`,
        {
          input: {
            type: 'SUPERVISES',
            fromId: orgId(county),
            toId: chamber,
            validFrom,
            ...(validTo ? { validTo } : {}),
          },
        },
        province,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    };
    const sees = async (county: string) =>
      codeOf(await detail(chamber, await federationToken(['FEDERATION_OFFICER'], county))) === undefined;

    // Haining until yesterday, Tongxiang from today: today it is Tongxiang's.
    await supervise('federation-haining', addDays(today, -300), addDays(today, -1));
    await supervise('federation-tongxiang', today);
    expect(await sees('federation-tongxiang')).toBe(true);
    expect(await sees('federation-haining')).toBe(false);
    expect(await sees('federation-pinghu')).toBe(false);
    // Both are Jiaxing's counties: the city and the province saw it before the move and after.
    expect(codeOf(await detail(chamber, as('FEDERATION_OFFICER', 'city')))).toBeUndefined();
    expect(codeOf(await detail(chamber, as('FEDERATION_OFFICER', 'otherCity')))).toBe('NOT_FOUND');
    // Haining can no longer keep its records either.
    expect(codeOf(await keep(chamber, await federationToken(['FEDERATION_OFFICER'], 'federation-haining')))).toBe(
      'FORBIDDEN',
    );

    // A second move, to Pinghu from tomorrow: Tongxiang keeps it through today.
    const edges = await gql(
      `query($id: ID!) { organization(id: $id) { relationships(type: SUPERVISES, direction: INCOMING) { id version validTo from { id } } } }`,
      { id: chamber },
      province,
    );
    const current = (
      edges.data.organization.relationships as {
        id: string;
        version: number;
        validTo: string | null;
        from: { id: string };
      }[]
    ).find((e) => e.from.id === orgId('federation-tongxiang'))!;
    const ended = await gql(
      `mutation($id: ID!, $version: Int!, $validTo: String!) { endRelationship(id: $id, version: $version, validTo: $validTo) { id } }`,
      { id: current.id, version: current.version, validTo: today },
      province,
    );
    expect(ended.errors).toBeUndefined();
    await supervise('federation-pinghu', addDays(today, 1));
    expect(await sees('federation-tongxiang')).toBe(true);
    expect(await sees('federation-pinghu')).toBe(false);
  });
});
