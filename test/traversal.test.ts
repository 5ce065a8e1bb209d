import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, gql, sql, token } from './support/hub.js';
import { createRegistryOrm } from '../services/registry/orm.js';
import { ALL_RELATIONSHIP_TYPES, findNeighbors, shortestPath } from '../services/registry/traversal.js';
import { Direction, RelationshipType } from '../services/registry/entities/kinds.js';

// A small hand-made graph, apart from the seed (names carry a random suffix):
//
//   A ─MEMBER_OF→ B ─MEMBER_OF→ C ─MEMBER_OF→ A        (a cycle)
//   B ─LIAISON→ E        C ─SUPERVISES→ D ─SUPERVISES→ E ─SUPERVISES→ F
//   A ─BANK_PAIRING→ H   valid 2020-01-01 … 2021-12-31 only (expired today)
//   G                    no edges at all
//
// Names sort C < B within distance 1, so the name order is visible in the results.

const suffix = randomUUID().slice(0, 8);
const names = { A: 'a', B: 'm-b', C: 'c', D: 'd', E: 'e', F: 'f', G: 'g', H: 'h' } as const;
type Node = keyof typeof names;
const id = Object.fromEntries(Object.keys(names).map((n) => [n, randomUUID()])) as Record<Node, string>;
const nameOf = (n: Node) => `图遍历测试-${suffix}-${names[n]}`;
const edges: [string, RelationshipType, Node, Node, string, string | null][] = [
  ['ab', RelationshipType.MEMBER_OF, 'A', 'B', '2019-01-01', null],
  ['bc', RelationshipType.MEMBER_OF, 'B', 'C', '2019-01-01', null],
  ['ca', RelationshipType.MEMBER_OF, 'C', 'A', '2019-01-01', null],
  ['be', RelationshipType.LIAISON, 'B', 'E', '2019-01-01', null],
  ['cd', RelationshipType.SUPERVISES, 'C', 'D', '2019-01-01', null],
  ['de', RelationshipType.SUPERVISES, 'D', 'E', '2019-01-01', null],
  ['ef', RelationshipType.SUPERVISES, 'E', 'F', '2019-01-01', null],
  ['ah', RelationshipType.BANK_PAIRING, 'A', 'H', '2020-01-01', '2021-12-31'],
];
const edgeId = Object.fromEntries(edges.map(([key]) => [key, randomUUID()]));
const nodeOf = new Map(Object.entries(id).map(([n, uuid]) => [uuid, n as Node]));

let integrator: string;

beforeAll(async () => {
  integrator = await token(['INTEGRATOR']);
  for (const n of Object.keys(names) as Node[]) {
    await sql(
      `insert into registry.organization (id, name, kind, region_code, created_at) values ($1, $2, 'ENTERPRISE', '330402', now())`,
      [id[n], nameOf(n)],
    );
  }
  for (const [key, type, from, to, validFrom, validTo] of edges) {
    await sql(
      `insert into registry.relationship (id, type, from_id, to_id, valid_from, valid_to, attributes) values ($1, $2, $3, $4, $5, $6, '{}')`,
      [edgeId[key], type, id[from], id[to], validFrom, validTo],
    );
  }
});

afterAll(async () => {
  await sql('delete from registry.organization where id = any($1)', [Object.values(id)]); // edges cascade
});

const NEIGHBORS = `query ($id: ID!, $types: [RelationshipType!], $direction: Direction, $depth: Int, $asOf: String, $first: Int, $after: String) {
  organization(id: $id) { neighbors(types: $types, direction: $direction, depth: $depth, asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { distance organization { id name } } } } } }`;

async function neighbors(start: Node, args: Record<string, unknown> = {}) {
  const r = await gql(NEIGHBORS, { id: id[start], ...args }, integrator);
  expect(r.errors).toBeUndefined();
  return r.data.organization.neighbors;
}
/** The page as "node:distance" strings, in the order served. */
const reached = (connection: any): string[] =>
  connection.edges.map((e: any) => `${nodeOf.get(e.node.organization.id)}:${e.node.distance}`);

describe('Organization.neighbors', () => {
  it('finds each organization once, at its shortest distance, up to depth 1, 2 and 3', async () => {
    expect(reached(await neighbors('A'))).toEqual(['C:1', 'B:1']);
    expect(reached(await neighbors('A', { depth: 2 }))).toEqual(['C:1', 'B:1', 'D:2', 'E:2']);
    const three = await neighbors('A', { depth: 3 });
    // B is also 2 hops away round the cycle and E 3 hops via D: each still appears once, nearest first.
    expect(reached(three)).toEqual(['C:1', 'B:1', 'D:2', 'E:2', 'F:3']);
    expect(three.totalCount).toBe(5);
    const ids = three.edges.map((e: any) => e.node.organization.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(id.A);
    expect(ids).not.toContain(id.G);
    expect(three.edges[0].node.organization.name).toBe(nameOf('C'));
  });

  it('follows edges OUTGOING (from→to), INCOMING (to→from) or BOTH ways', async () => {
    expect(reached(await neighbors('A', { depth: 3, direction: 'OUTGOING' }))).toEqual([
      'B:1',
      'C:2',
      'E:2',
      'D:3',
      'F:3',
    ]);
    // Round the cycle backwards A is reached again at 3 hops: the start is never its own neighbor.
    expect(reached(await neighbors('A', { depth: 3, direction: 'INCOMING' }))).toEqual(['C:1', 'B:2']);
    expect(reached(await neighbors('E', { direction: 'INCOMING' }))).toEqual(['D:1', 'B:1']);
    expect(reached(await neighbors('E', { direction: 'BOTH' }))).toEqual(['D:1', 'F:1', 'B:1']);
  });

  it('follows only the given types', async () => {
    expect(reached(await neighbors('A', { depth: 3, types: ['MEMBER_OF'] }))).toEqual(['C:1', 'B:1']);
    expect(reached(await neighbors('C', { depth: 3, types: ['SUPERVISES'] }))).toEqual(['D:1', 'E:2', 'F:3']);
    expect(reached(await neighbors('C', { depth: 3, types: ['SUPERVISES', 'LIAISON'] }))).toEqual([
      'D:1',
      'E:2',
      'F:3',
      'B:3',
    ]);
    const none = await neighbors('A', { depth: 3, types: ['COLLEGE_PARTNERSHIP'] });
    expect(none).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('ignores edges not valid on asOf (default today) and honours them while they were', async () => {
    expect(reached(await neighbors('A'))).not.toContain('H:1');
    expect(reached(await neighbors('A', { asOf: '2021-06-01' }))).toEqual(['C:1', 'H:1', 'B:1']);
    expect(reached(await neighbors('A', { asOf: '2021-12-31' }))).toContain('H:1'); // validTo is the last valid day
    expect(reached(await neighbors('A', { asOf: '2022-01-01' }))).not.toContain('H:1');
    expect(reached(await neighbors('A', { asOf: '2018-12-31', depth: 3 }))).toEqual([]); // before any edge began
    expect(reached(await neighbors('G', { depth: 3 }))).toEqual([]);
  });

  it('pages with first/after through the same order, without gaps or repeats', async () => {
    const all = reached(await neighbors('A', { depth: 3 }));
    for (const size of [1, 2, 3]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await neighbors('A', { depth: 3, first: size, after });
        expect(page.totalCount).toBe(5);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
        seen.push(...reached(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
    // A cursor from the middle gives the same rest every time.
    const cursor = (await neighbors('A', { depth: 3, first: 2 })).pageInfo.endCursor;
    const rest = reached(await neighbors('A', { depth: 3, after: cursor }));
    expect(rest).toEqual(all.slice(2));
    expect(reached(await neighbors('A', { depth: 3, after: cursor }))).toEqual(rest);
  });

  it('refuses depth outside 1..3, bad dates, cursors, page sizes and empty type lists', async () => {
    for (const args of [
      { depth: 4 },
      { depth: 0 },
      { asOf: '2021-02-30' },
      { after: 'bm90IGEgY3Vyc29y' },
      { after: Buffer.from(JSON.stringify([2 ** 40, 'x', id.B])).toString('base64url') },
      { first: 0 },
      { first: 101 },
      { types: [] },
    ]) {
      const r = await gql(NEIGHBORS, { id: id.A, ...args }, integrator);
      expect(codeOf(r), JSON.stringify(args)).toBe('BAD_USER_INPUT');
    }
    const r = await gql(NEIGHBORS, { id: id.A, depth: 4 }, integrator);
    expect(r.errors![0].extensions!.field).toBe('depth');
    expect(codeOf(await gql(NEIGHBORS, { id: id.A }))).toBe('UNAUTHENTICATED');
  });
});

const PATH = `query ($from: ID!, $to: ID!, $types: [RelationshipType!], $maxDepth: Int, $asOf: String) {
  path(from: $from, to: $to, types: $types, maxDepth: $maxDepth, asOf: $asOf) {
    length organizations { id name } relationships { id type from { id } to { id } } } }`;

async function path(from: string, to: string, args: Record<string, unknown> = {}) {
  const ref = (n: string) => (n in id ? id[n as Node] : n);
  return gql(PATH, { from: ref(from), to: ref(to), ...args }, integrator);
}
/** The path as its nodes and edge keys, e.g. { nodes: 'ACD', edges: ['ca', 'cd'] }. */
function walked(r: any) {
  expect(r.errors).toBeUndefined();
  const p = r.data.path;
  if (p === null) return null;
  const keyOf = new Map(Object.entries(edgeId).map(([key, uuid]) => [uuid, key]));
  expect(p.relationships).toHaveLength(p.length);
  expect(p.organizations).toHaveLength(p.length + 1);
  return {
    nodes: p.organizations.map((o: any) => nodeOf.get(o.id)).join(''),
    edges: p.relationships.map((e: any) => keyOf.get(e.id)),
  };
}

describe('Query.path', () => {
  it('returns the shortest path in order, walking edges either way', async () => {
    // A–C is the edge C→A walked against its direction.
    expect(walked(await path('A', 'D'))).toEqual({ nodes: 'ACD', edges: ['ca', 'cd'] });
    expect(walked(await path('D', 'A'))).toEqual({ nodes: 'DCA', edges: ['cd', 'ca'] });
    expect(walked(await path('A', 'F'))).toEqual({ nodes: 'ABEF', edges: ['ab', 'be', 'ef'] });
    const r = await path('A', 'D');
    expect(r.data.path.relationships[0]).toMatchObject({ type: 'MEMBER_OF', from: { id: id.C }, to: { id: id.A } });
    expect(r.data.path.organizations[2].name).toBe(nameOf('D'));
  });

  it('follows only the given types, which can make the path longer', async () => {
    expect(walked(await path('B', 'E'))).toEqual({ nodes: 'BE', edges: ['be'] });
    expect(walked(await path('B', 'E', { types: ['MEMBER_OF', 'SUPERVISES'] }))).toEqual({
      nodes: 'BCDE',
      edges: ['bc', 'cd', 'de'],
    });
    expect(walked(await path('B', 'E', { types: ['MEMBER_OF'] }))).toBeNull();
  });

  it('is null when there is no path within maxDepth, or only over edges not valid on asOf', async () => {
    expect(walked(await path('A', 'G'))).toBeNull();
    expect(walked(await path('A', 'F', { maxDepth: 2 }))).toBeNull();
    expect(walked(await path('A', 'F', { maxDepth: 3 }))).toEqual({ nodes: 'ABEF', edges: ['ab', 'be', 'ef'] });
    expect(walked(await path('A', 'H'))).toBeNull();
    expect(walked(await path('B', 'H', { asOf: '2021-06-01' }))).toEqual({ nodes: 'BAH', edges: ['ab', 'ah'] });
  });

  it('has length 0 from an organization to itself', async () => {
    const r = await path('G', 'G');
    expect(walked(r)).toEqual({ nodes: 'G', edges: [] });
    expect(r.data.path.length).toBe(0);
  });

  it('refuses unknown and malformed ids, maxDepth outside 1..6 and bad dates', async () => {
    const unknown = randomUUID();
    const notFound = await path('A', unknown);
    expect(codeOf(notFound)).toBe('NOT_FOUND');
    expect(notFound.errors![0].message).toContain(unknown);
    expect(codeOf(await path(unknown, 'A'))).toBe('NOT_FOUND');
    expect(codeOf(await path('not-a-uuid', 'A'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await path('A', "' or 1=1 --"))).toBe('BAD_USER_INPUT');
    for (const args of [{ maxDepth: 7 }, { maxDepth: 0 }, { asOf: 'yesterday' }, { types: [] }]) {
      expect(codeOf(await path('A', 'F', args)), JSON.stringify(args)).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await gql(PATH, { from: id.A, to: id.F }))).toBe('UNAUTHENTICATED');
  });
});

describe('the traversal functions', () => {
  it('answer directly on an EntityManager', async () => {
    const orm = await createRegistryOrm(inject('databaseUrl'));
    try {
      const em = orm.em.fork();
      const filter = { types: ALL_RELATIONSHIP_TYPES, asOf: '2021-06-01' };
      const page = await findNeighbors(em, {
        ...filter,
        start: id.B,
        direction: Direction.OUTGOING,
        depth: 2,
        first: 10,
      });
      expect(page.rows.map((row) => `${nodeOf.get(row.id)}:${row.distance}`)).toEqual([
        'C:1',
        'E:1',
        'A:2',
        'D:2',
        'F:2',
      ]);
      expect(page).toMatchObject({ totalCount: 5, hasNextPage: false });
      const found = await shortestPath(em, { ...filter, from: id.H, to: id.F, maxDepth: 6 });
      expect(found?.organizationIds.map((uuid) => nodeOf.get(uuid)).join('')).toBe('HABEF');
      expect(found?.relationshipIds).toEqual([edgeId.ah, edgeId.ab, edgeId.be, edgeId.ef]);
    } finally {
      await orm.close();
    }
  });
});
