import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { codeOf, federationToken, gql, orgId, sql, token } from './support/hub.js';
import { encodeCursor } from '../services/registry/changes/feed.js';

// Jurisdiction for the reads that are not lists of one organisation's records
// (docs/jurisdiction.md): traversal, people, the audit trail, the change feed and the exports.
// Officers and admins of the seed's province, Jiaxing (city), Haining (county) and Huzhou
// (another city) against an integrator, who still sees everything.

const LEVELS = {
  province: 'federation-zhejiang',
  city: 'federation',
  county: 'federation-haining',
  otherCity: 'federation-huzhou',
} as const;
type Level = keyof typeof LEVELS;
const ALL = Object.keys(LEVELS) as Level[];

const officers = {} as Record<Level, string>;
const admins = {} as Record<Level, string>;
let integrator: string;

beforeAll(async () => {
  integrator = await token(['INTEGRATOR']);
  for (const level of ALL) {
    officers[level] = await federationToken(['FEDERATION_OFFICER'], LEVELS[level]);
    admins[level] = await federationToken(['ADMIN'], LEVELS[level]);
  }
});

const ok = <T = any>(r: { data?: any; errors?: unknown }): T => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
};

describe('traversal within the jurisdiction', () => {
  const neighbors = async (key: string, bearer: string) => {
    const data = ok(
      await gql(
        `query($id: ID!) { organization(id: $id) { neighbors(depth: 2, first: 100) { totalCount edges { node { organization { id } } } } } }`,
        { id: orgId(key) },
        bearer,
      ),
    );
    return new Set(
      (data.organization.neighbors.edges as { node: { organization: { id: string } } }[]).map(
        (e) => e.node.organization.id,
      ),
    );
  };

  it('neighbors never step onto an organization outside the jurisdiction', async () => {
    // Huzhou is a member of the province, which Jiaxing is a member of: two hops apart.
    const everyone = await neighbors('federation-huzhou', integrator);
    expect(everyone.has(orgId('federation-zhejiang'))).toBe(true);
    expect(everyone.has(orgId('federation'))).toBe(true);
    expect(everyone.has(orgId('federation-wuxing'))).toBe(true);
    const province = await neighbors('federation-huzhou', officers.province);
    expect(province).toEqual(everyone);
    // Huzhou's officer sees its own district, but neither the province above it nor Jiaxing beyond.
    const huzhou = await neighbors('federation-huzhou', officers.otherCity);
    expect(huzhou.has(orgId('federation-wuxing'))).toBe(true);
    expect(huzhou.has(orgId('federation-zhejiang'))).toBe(false);
    expect(huzhou.has(orgId('federation'))).toBe(false);
    // Jiaxing's officer: its counties, not the province nor Huzhou.
    const jiaxing = await neighbors('federation', officers.city);
    expect(jiaxing.has(orgId('federation-haining'))).toBe(true);
    expect(jiaxing.has(orgId('federation-zhejiang'))).toBe(false);
    expect(jiaxing.has(orgId('federation-huzhou'))).toBe(false);
  });

  it("path: an end outside is NOT_FOUND, and a path found walks only the caller's organizations", async () => {
    const path = (from: string, to: string, bearer: string) =>
      gql(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to) { length organizations { id } } }`,
        { from: orgId(from), to: orgId(to) },
        bearer,
      );
    // Across the province: only the province sees both cities.
    expect(ok(await path('federation-wuxing', 'haining-warp-knitting', officers.province)).path).not.toBeNull();
    expect(ok(await path('federation-wuxing', 'haining-warp-knitting', integrator)).path).not.toBeNull();
    expect(codeOf(await path('federation-wuxing', 'haining-warp-knitting', officers.city))).toBe('NOT_FOUND');
    expect(codeOf(await path('federation-wuxing', 'haining-warp-knitting', officers.otherCity))).toBe('NOT_FOUND');
    // Within Jiaxing the way from a Haining association to Jiaxing's Wenzhou chamber stays in Jiaxing.
    const inside = ok(await path('haining-warp-knitting', 'wenzhou', officers.city)).path;
    expect(inside).not.toBeNull();
    for (const { id } of inside.organizations as { id: string }[]) {
      const seen = await gql(`query($id: ID!) { organization(id: $id) { id } }`, { id }, officers.city);
      expect(codeOf(seen), id).toBeUndefined();
    }
    // From Haining the same chamber (Jiaxing's own) is not there at all.
    expect(codeOf(await path('haining-warp-knitting', 'wenzhou', officers.county))).toBe('NOT_FOUND');
  });
});

describe('people within the jurisdiction', () => {
  type Holder = { id: string; name: string };
  /** A new person, with a position in the organization `key` when given. */
  const holder = async (key?: string): Promise<Holder> => {
    const created = ok(
      await gql(
        `mutation($input: NewPerson!) { createPerson(input: $input) { id name } }`,
        { input: { name: `管辖测试${crypto.randomUUID().slice(0, 6)}` } },
        admins.province,
      ),
    ).createPerson as Holder;
    if (key)
      ok(
        await gql(
          `mutation($input: NewPosition!) { createPosition(input: $input) { id } }`,
          {
            input: { personId: created.id, organizationId: orgId(key), role: 'PRESIDENT', validFrom: '2020-01-01' },
          },
          admins.province,
        ),
      );
    return created;
  };

  const seen = async (person: Holder, bearer: string) => {
    const one = await gql(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id }, bearer);
    const listed = ok(
      await gql(
        `query($q: String) { people(first: 100, nameContains: $q) { edges { node { id } } } }`,
        { q: person.name },
        bearer,
      ),
    );
    const inList = (listed.people.edges as { node: { id: string } }[]).some((e) => e.node.id === person.id);
    expect(inList, `${person.name} listed`).toBe(codeOf(one) === undefined);
    if (codeOf(one) !== undefined) expect(codeOf(one)).toBe('NOT_FOUND');
    return inList;
  };

  it('a person is seen where they hold or held a position, or everywhere when they hold none', async () => {
    const expected: [Holder, Level[]][] = [
      [await holder('haining-warp-knitting'), ['province', 'city', 'county']],
      [await holder('wenzhou'), ['province', 'city']],
      [await holder('federation-wuxing'), ['province', 'otherCity']],
      [await holder(), ALL],
    ];
    for (const [person, seenBy] of expected) {
      for (const level of ALL)
        expect(await seen(person, officers[level]), `${person.name} by ${level}`).toBe(seenBy.includes(level));
      expect(await seen(person, integrator)).toBe(true);
    }
  });
});

/** The feed's position now: changes after it are the ones this test makes. */
async function feedEnd(): Promise<string> {
  const [row] = await sql<{ seq: string; id: string }>(
    `select k.seq::text as seq, max(c.id)::text as id from registry.change_commit k join registry.change c on c.txid = k.txid
     group by k.seq order by k.seq desc limit 1`,
  );
  return encodeCursor(row);
}

async function renameShort(key: string, bearer: string): Promise<void> {
  const current = ok(await gql(`query($id: ID!) { organization(id: $id) { version } }`, { id: orgId(key) }, bearer));
  ok(
    await gql(
      `mutation($id: ID!, $version: Int!, $s: String!) { updateOrganization(id: $id, version: $version, input: { shortName: $s }) { id } }`,
      { id: orgId(key), version: current.organization.version, s: `简称${crypto.randomUUID().slice(0, 4)}` },
      bearer,
    ),
  );
}

describe('the audit trail and the change feed within the jurisdiction', () => {
  let start: string;
  beforeAll(async () => {
    start = await feedEnd();
    // Jiaxing's chamber, then Huzhou's district, then Jiaxing's chamber again.
    await renameShort('wenzhou', admins.city);
    await renameShort('federation-wuxing', admins.otherCity);
    await renameShort('wenzhou', admins.city);
  });

  it("audit entries of an organization outside the caller's jurisdiction are left out", async () => {
    const trail = async (key: string, bearer: string) =>
      ok(
        await gql(
          `query($id: ID!) { auditTrail(entityId: $id, first: 50) { totalCount } }`,
          { id: orgId(key) },
          bearer,
        ),
      ).auditTrail.totalCount as number;
    for (const role of [officers, admins]) {
      expect(await trail('wenzhou', role.city)).toBeGreaterThanOrEqual(2);
      expect(await trail('wenzhou', role.province)).toBe(await trail('wenzhou', role.city));
      expect(await trail('wenzhou', role.otherCity)).toBe(0);
      expect(await trail('wenzhou', role.county)).toBe(0);
      expect(await trail('federation-wuxing', role.otherCity)).toBeGreaterThanOrEqual(1);
      expect(await trail('federation-wuxing', role.city)).toBe(0);
    }
  });

  it('the change feed leaves out changes of organizations outside, and its cursor passes over no visible change', async () => {
    /** The Organization changes after `start`, one page of one at a time, as `bearer` reads them. */
    const [wenzhou, wuxing] = [orgId('wenzhou'), orgId('federation-wuxing')];
    const read = async (bearer: string) => {
      const ids: string[] = [];
      let after = start;
      for (let i = 0; i < 50; i++) {
        const page = ok(
          await gql(
            `query($after: String) { registryChanges(after: $after, first: 1, types: ["Organization"]) {
               edges { node { entityId } } pageInfo { hasNextPage endCursor } } }`,
            { after },
            bearer,
          ),
        ).registryChanges;
        // Other suites change organizations meanwhile: only this test's two count.
        ids.push(
          ...(page.edges as { node: { entityId: string } }[])
            .map((e) => e.node.entityId)
            .filter((id) => id === wenzhou || id === wuxing),
        );
        after = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) break;
      }
      return ids;
    };
    expect(await read(integrator)).toEqual([wenzhou, wuxing, wenzhou]);
    expect(await read(officers.province)).toEqual([wenzhou, wuxing, wenzhou]);
    expect(await read(officers.city)).toEqual([wenzhou, wenzhou]);
    expect(await read(admins.otherCity)).toEqual([wuxing]);
    expect(await read(officers.county)).toEqual([]);
  });
});

describe('exports within the jurisdiction', () => {
  const exported = async (path: string, bearer: string) => {
    const res = await fetch(new URL(path, inject('gatewayUrl')), { headers: { authorization: `Bearer ${bearer}` } });
    expect(res.status).toBe(200);
    const rows: string[][] = parse(await res.text(), { bom: true });
    return rows;
  };

  it('an export holds the rows its list gives the caller', async () => {
    const names = async (bearer: string) =>
      new Set((await exported('/export/organizations.csv', bearer)).slice(1).map((row) => row[0]));
    const everyone = await names(integrator);
    const huzhou = await names(officers.otherCity);
    const jiaxing = await names(officers.city);
    expect(everyone.has('嘉兴市温州商会') && everyone.has('湖州市吴兴区工商业联合会')).toBe(true);
    expect(jiaxing.has('嘉兴市温州商会')).toBe(true);
    expect(jiaxing.has('湖州市吴兴区工商业联合会')).toBe(false);
    expect(huzhou.has('湖州市吴兴区工商业联合会')).toBe(true);
    expect(huzhou.has('嘉兴市温州商会')).toBe(false);
    // The records' sheets follow their lists too: Huzhou has no Jiaxing inspections.
    const inspections = async (bearer: string) => (await exported('/export/annualInspections.csv', bearer)).length - 1;
    expect(await inspections(officers.otherCity)).toBeLessThan(await inspections(officers.city));
  });
});
