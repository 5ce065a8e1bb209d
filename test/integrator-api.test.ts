import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, sql, token } from './support/hub.js';
import { organizationWorld } from './support/registry-fixtures.js';

// The integrator's reading of the graph through the gateway: every organization filter with a
// known answer (rows made here, names unique to the run), Relay paging both ways, a total order,
// and refusals with BAD_USER_INPUT.

const run = crypto.randomUUID().slice(0, 8);
const prefix = `接口${run}`;
const latinTag = `Zq${run}`;
let world: Awaited<ReturnType<typeof organizationWorld>>;
let reader: string;

const LIST = `query ($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {
  organizations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  } }`;

async function page(filter: Record<string, unknown>, args: Record<string, unknown> = {}) {
  const r = await gql(LIST, { filter, ...args }, reader);
  expect(r.errors).toBeUndefined();
  return r.data.organizations;
}

/** The world's keys of the organizations a filter returns (in the list's order). */
async function keysFor(filter: Record<string, unknown>): Promise<string[]> {
  const byId = new Map(Object.entries(world.o).map(([key, org]) => [org.id, key]));
  const { edges } = await page({ nameContains: prefix, ...filter }, { first: 100 });
  return edges.map((e: any) => byId.get(e.node.id) ?? `foreign ${e.node.name}`);
}
const sorted = async (filter: Record<string, unknown>) => (await keysFor(filter)).sort();

beforeAll(async () => {
  world = await organizationWorld(prefix, latinTag);
  reader = await token(['INTEGRATOR']);
});

describe('organizations(filter)', () => {
  it('filters by kind, kinds, region with sub-regions, and activity', async () => {
    expect(await sorted({})).toEqual(['bing', 'ding', 'ji', 'jia', 'twinHigh', 'twinLow', 'wu', 'yi']);
    expect(await keysFor({ kind: 'INDUSTRY_ASSOCIATION' })).toEqual(['jia']);
    expect(await sorted({ kinds: ['OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER'] })).toEqual(['bing', 'yi']);
    expect(await sorted({ region: '330400' })).toEqual(['bing', 'ding', 'jia', 'twinHigh', 'twinLow', 'wu', 'yi']);
    expect(await sorted({ region: '330402' })).toEqual(['ding', 'jia', 'twinHigh', 'twinLow']);
    expect(await sorted({ region: '331100' })).toEqual(['ji']);
    expect(await keysFor({ active: false })).toEqual(['ding']);
    expect(await sorted({ active: true })).not.toContain('ding');
    expect(await sorted({ kind: 'COLLEGE', region: '330402', active: true })).toEqual(['twinHigh', 'twinLow']);
  });

  it('searches Chinese names, and English names for Latin text', async () => {
    expect(await keysFor({ nameContains: `${prefix}甲` })).toEqual(['jia']);
    expect(await sorted({ nameContains: `${prefix}同名` })).toEqual(['twinHigh', 'twinLow']);
    // Latin text also searches the English name, case-insensitively; % and _ are literal.
    const latin = await page({ nameContains: `${latinTag.toLowerCase()} FASHION` }, { first: 10 });
    expect(latin.edges.map((e: any) => e.node.id)).toEqual([world.o.jia.id]);
    expect((await page({ nameContains: `${prefix}%` })).totalCount).toBe(0);
    expect((await page({ nameContains: `${prefix}_` })).totalCount).toBe(0);
  });

  it('filters by a grade in force on asOf: five years from the award, not revoked', async () => {
    expect(await keysFor({ ratingAtLeast: 'A3', asOf: '2026-06-01' })).toEqual(['jia']);
    expect(await sorted({ ratingAtLeast: 'A2', asOf: '2026-06-01' })).toEqual(['ding', 'jia']);
    expect(await sorted({ ratingAtLeast: 'A3', asOf: '2024-01-01' })).toEqual(['bing', 'jia', 'yi']);
    // 乙's 3A of 2020-06-01 lapses on 2025-06-01; 丙's 4A is revoked on 2026-01-01.
    expect(await sorted({ ratingAtLeast: 'A3', asOf: '2025-05-31' })).toEqual(['bing', 'jia', 'yi']);
    expect(await sorted({ ratingAtLeast: 'A3', asOf: '2025-06-01' })).toEqual(['bing', 'jia']);
    expect(await sorted({ ratingAtLeast: 'A3', asOf: '2026-01-01' })).toEqual(['jia']);
    expect(await keysFor({ ratingAtLeast: 'A5', asOf: '2024-01-01' })).toEqual(['jia']);
    // 甲's earlier 4A (2016) had lapsed by 2021-06-01 and its 5A came in 2022.
    expect(await keysFor({ ratingAtLeast: 'A4', asOf: '2021-06-01' })).toEqual([]);
    expect(await keysFor({ ratingAtLeast: 'A4', asOf: '2020-12-31' })).toEqual(['jia']);
  });

  it('filters by honour level and year, one honour matching both', async () => {
    expect(await keysFor({ honourLevel: 'NATIONAL' })).toEqual(['jia']);
    expect(await sorted({ honourYear: 2019 })).toEqual(['bing', 'jia']);
    expect(await sorted({ honourLevel: 'MUNICIPAL' })).toEqual(['bing', 'jia']);
    expect(await keysFor({ honourLevel: 'PROVINCIAL', honourYear: 2020 })).toEqual(['yi']);
    // 甲 has a municipal honour (2021) and one of 2019 (national), but no municipal one of 2019.
    expect(await keysFor({ honourLevel: 'MUNICIPAL', honourYear: 2019 })).toEqual(['bing']);
  });

  it('filters by an edge of a type at either end, valid on asOf', async () => {
    expect(await sorted({ hasRelationship: 'BANK_PAIRING', asOf: '2026-06-01' })).toEqual(['jia', 'wu']);
    expect(await keysFor({ hasRelationship: 'BANK_PAIRING', asOf: '2019-05-31' })).toEqual([]);
    expect(await sorted({ hasRelationship: 'MEMBER_OF', asOf: '2020-01-01' })).toEqual(['bing', 'ding']);
    // validTo (2024-01-01) is the edge's last day.
    expect(await sorted({ hasRelationship: 'MEMBER_OF', asOf: '2024-01-01' })).toEqual(['bing', 'ding']);
    expect(await keysFor({ hasRelationship: 'MEMBER_OF', asOf: '2024-01-02' })).toEqual([]);
    expect(await sorted({ hasRelationship: 'COLLEGE_PARTNERSHIP', asOf: '2021-01-01' })).toEqual(['jia', 'twinLow']);
    expect(
      await sorted({
        hasRelationship: 'BANK_PAIRING',
        ratingAtLeast: 'A5',
        kind: 'INDUSTRY_ASSOCIATION',
        asOf: '2026-06-01',
      }),
    ).toEqual(['jia']);
  });
});

describe('organizations paging', () => {
  it('orders by name, then id, so equal names have a stable order', async () => {
    const keys = await keysFor({});
    expect(keys.indexOf('twinLow')).toBe(keys.indexOf('twinHigh') - 1);
    const ids = Object.values(world.o).map((o) => o.id);
    const expected = await sql('select id from registry.organization where id = any($1) order by name, id', [ids]);
    const { edges } = await page({ nameContains: prefix }, { first: 100 });
    expect(edges.map((e: any) => e.node.id)).toEqual(expected.map((row) => row.id));
  });

  it('gives the same items forward (first/after) and backward (last/before)', async () => {
    const filter = { nameContains: prefix };
    const forward: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const p = await page(filter, { first: 3, after });
      expect(p.totalCount).toBe(8);
      expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(p.pageInfo.hasNextPage).toBe(i < 2);
      forward.push(...p.edges.map((e: any) => e.node.id));
      after = p.pageInfo.endCursor;
    }
    expect(forward).toHaveLength(8);

    const backward: string[][] = [];
    let before: string | undefined;
    for (let i = 0; i < 3; i++) {
      const p = await page(filter, { last: 3, before });
      expect(p.pageInfo.hasNextPage).toBe(i > 0);
      expect(p.pageInfo.hasPreviousPage).toBe(i < 2);
      backward.unshift(p.edges.map((e: any) => e.node.id));
      before = p.pageInfo.startCursor;
    }
    expect(backward.flat()).toEqual(forward);

    // A cursor from one direction works in the other: the page after the first 3, backward from the end.
    const first3 = await page(filter, { first: 3 });
    const rest = await page(filter, { last: 100, after: first3.pageInfo.endCursor });
    expect(rest.edges.map((e: any) => e.node.id)).toEqual(forward.slice(3));
    const middle = await page(filter, { first: 2, after: first3.pageInfo.endCursor });
    const back = await page(filter, { last: 3, before: middle.pageInfo.endCursor });
    expect(back.edges.map((e: any) => e.node.id)).toEqual(forward.slice(1, 4));
  });
});

describe('organization fields', () => {
  const one = async (fields: string, id = world.o.jia.id) => {
    const r = await gql(`query ($id: ID!) { organization(id: $id) { ${fields} } }`, { id }, reader);
    expect(r.errors).toBeUndefined();
    return r.data.organization;
  };

  it('grades: all newest first, the one in force on asOf, its lapse date', async () => {
    const jia = await one(`ratings { grade awardedOn validUntil inForce(asOf: "2026-06-01") organization { name } }
      now: currentRating(asOf: "2026-06-01") { grade } then: currentRating(asOf: "2020-06-01") { grade }
      gap: currentRating(asOf: "2021-06-01") { grade }`);
    expect(jia.ratings).toEqual([
      {
        grade: 'A5',
        awardedOn: '2022-01-01',
        validUntil: '2027-01-01',
        inForce: true,
        organization: { name: `${prefix}甲协会` },
      },
      {
        grade: 'A4',
        awardedOn: '2016-01-01',
        validUntil: '2021-01-01',
        inForce: false,
        organization: { name: `${prefix}甲协会` },
      },
    ]);
    expect([jia.now, jia.then, jia.gap]).toEqual([{ grade: 'A5' }, { grade: 'A4' }, null]);
    expect((await one('currentRating(asOf: "2026-06-01") { grade }', world.o.bing.id)).currentRating).toBeNull();
  });

  it('honours by level and year', async () => {
    const jia =
      await one(`all: honours { level year title organization { name } } national: honours(level: NATIONAL) { year }
      y2021: honours(year: 2021) { level } none: honours(level: PROVINCIAL) { year }`);
    expect(jia.all).toEqual([
      { level: 'MUNICIPAL', year: 2021, title: '四好商会', organization: { name: `${prefix}甲协会` } },
      { level: 'NATIONAL', year: 2019, title: '四好商会', organization: { name: `${prefix}甲协会` } },
    ]);
    expect([jia.national, jia.y2021, jia.none]).toEqual([[{ year: 2019 }], [{ level: 'MUNICIPAL' }], []]);
  });

  it('positions by role and day, with their people', async () => {
    const jia = await one(`all: positions { role validFrom person { name } organization { name } }
      secretaries2019: positions(role: SECRETARY_GENERAL, activeOn: "2019-06-01") { person { name } }
      today: positions(activeOn: "2026-06-01") { role person { name } }`);
    // Earliest first: the 2015 secretary-general post, then the two of 2020 (in id order).
    expect(jia.all[0]).toMatchObject({
      role: 'SECRETARY_GENERAL',
      validFrom: '2015-01-01',
      person: { name: `${prefix}张会长` },
      organization: { name: `${prefix}甲协会` },
    });
    expect(
      jia.all
        .slice(1)
        .map((p: any) => `${p.role} ${p.person.name}`)
        .sort(),
    ).toEqual([`PRESIDENT ${prefix}张会长`, `SECRETARY_GENERAL ${prefix}李秘书长`]);
    expect(jia.secretaries2019).toEqual([{ person: { name: `${prefix}张会长` } }]);
    expect(jia.today.map((p: any) => p.role).sort()).toEqual(['PRESIDENT', 'SECRETARY_GENERAL']);
    const r = await gql(
      `{ organization(id: "${world.o.jia.id}") { positions(activeOn: "2026-02-30") { role } } }`,
      {},
      reader,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  it('edges as a list and as a connection paged both ways', async () => {
    const jia = await one(`relationships(direction: OUTGOING) { id type to { name } }
      relationshipsConnection(direction: OUTGOING, first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
      colleges: relationshipsConnection(type: COLLEGE_PARTNERSHIP, last: 1) { totalCount pageInfo { hasPreviousPage hasNextPage } edges { node { to { name } } } }`);
    const ids = jia.relationships.map((e: any) => e.id);
    expect(jia.relationships.map((e: any) => e.type)).toEqual([
      'BANK_PAIRING',
      'COLLEGE_PARTNERSHIP',
      'COLLEGE_PARTNERSHIP',
    ]);
    const first = jia.relationshipsConnection;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(jia.colleges).toMatchObject({ totalCount: 2, pageInfo: { hasPreviousPage: true, hasNextPage: false } });
    expect(jia.colleges.edges).toEqual([{ node: { to: { name: `${prefix}同名学院` } } }]);
    const rest =
      await one(`relationshipsConnection(direction: OUTGOING, first: 2, after: "${first.pageInfo.endCursor}") {
      pageInfo { hasNextPage hasPreviousPage startCursor } edges { node { id } } }`);
    expect(rest.relationshipsConnection.edges.map((e: any) => e.node.id)).toEqual(ids.slice(2));
    expect(rest.relationshipsConnection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back =
      await one(`relationshipsConnection(direction: OUTGOING, last: 5, before: "${rest.relationshipsConnection.pageInfo.startCursor}") {
      edges { node { id } } }`);
    expect(back.relationshipsConnection.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 2));
    const bad = await gql(
      `{ organization(id: "${world.o.jia.id}") { relationshipsConnection(first: 1, after: "nonsense") { totalCount } } }`,
      {},
      reader,
    );
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('refusals', () => {
  const refused = async (filter: Record<string, unknown>, args: Record<string, unknown> = {}) => {
    const r = await gql(LIST, { filter, ...args }, reader);
    expect(r.data).toBeNull();
    return r.errors![0];
  };
  const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

  it('refuses a cursor the list did not give out', async () => {
    for (const after of [
      'garbage',
      cursorOf(['只有一个值']),
      cursorOf({ name: 'x' }),
      cursorOf(['名字', 'not-a-uuid']),
    ]) {
      const error = await refused({}, { first: 2, after });
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      expect(error.extensions!.field).toBe('after');
    }
    const error = await refused({}, { last: 2, before: '%%%' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });

  it('refuses first with last, and sizes out of range', async () => {
    expect((await refused({}, { first: 2, last: 2 })).extensions!.code).toBe('BAD_USER_INPUT');
    expect((await refused({}, { first: 101 })).extensions!.code).toBe('BAD_USER_INPUT');
    expect((await refused({}, { last: 0 })).extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('pages the approver inbox the same way', async () => {
    const approver = await token(['APPROVER'], [world.o.jia.id]);
    const inbox = await gql(
      '{ myTasks(last: 5) { totalCount pageInfo { hasNextPage hasPreviousPage } } }',
      {},
      approver,
    );
    expect(inbox.data.myTasks).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false } });
    expect(codeOf(await gql('{ myTasks(first: 1, last: 1) { totalCount } }', {}, approver))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql('{ myTasks(before: "garbage") { totalCount } }', {}, approver))).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed asOf and an unknown region', async () => {
    for (const asOf of ['2026-13-01', '2026-02-30', 'yesterday', '2026-6-1']) {
      expect((await refused({ asOf, ratingAtLeast: 'A3' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.asOf',
      });
    }
    expect((await refused({ region: '999999' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.region',
    });
    const r = await gql(
      `{ organization(id: "${world.o.jia.id}") { currentRating(asOf: "tomorrow") { grade } } }`,
      {},
      reader,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });
});
