import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, token } from './support/hub.js';

// The nested lists as connections: forward and backward pages give the plain list's items, in
// its order, with the right pageInfo; bad cursors are refused.

let admin: string;
let organizationId: string;
let personId: string;

async function mutate(query: string, input: Record<string, unknown>) {
  const r = await gql(query, { input }, admin);
  expect(r.errors).toBeUndefined();
  return Object.values(r.data)[0] as { id: string };
}

beforeAll(async () => {
  admin = await token(['ADMIN']);
  organizationId = (
    await mutate('mutation ($input: NewOrganization!) { createOrganization(input: $input) { id } }', {
      name: `嘉兴市分页测试协会${crypto.randomUUID().slice(0, 6)}`,
      kind: 'INDUSTRY_ASSOCIATION',
      regionCode: '330400',
    })
  ).id;
  personId = (
    await mutate('mutation ($input: NewPerson!) { createPerson(input: $input) { id } }', { name: '分页测试人' })
  ).id;
  for (const [i, role] of [
    'FULL_TIME_STAFF',
    'SECRETARY_GENERAL',
    'PRESIDENT',
    'LEGAL_COUNSEL',
    'MEDIATOR',
  ].entries()) {
    await mutate('mutation ($input: NewPosition!) { createPosition(input: $input) { id } }', {
      personId,
      organizationId,
      role,
      validFrom: `201${i}-01-01`,
    });
  }
  for (const [i, grade] of ['A2', 'A3', 'A4', 'A5'].entries()) {
    await mutate('mutation ($input: NewRating!) { awardRating(input: $input) { id } }', {
      organizationId,
      grade,
      awardedOn: `201${i * 2}-03-01`,
    });
  }
  for (const year of [2016, 2018, 2019]) {
    await mutate('mutation ($input: NewHonour!) { awardHonour(input: $input) { id } }', {
      organizationId,
      level: 'MUNICIPAL',
      year,
    });
  }
});

/** Every id of a connection field, page by page forwards, then backwards. */
async function walk(root: 'organization' | 'person', id: string, field: string) {
  const query = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { ${root}(id: $id) {
    ${field}(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } } }`;
  const forward: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 10; i++) {
    const r = await gql(query, { id, first: 2, after }, admin);
    const page = r.data[root][field];
    forward.push(...page.edges.map((e: any) => e.node.id));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backward: string[] = [];
  let before: string | undefined;
  for (let i = 0; i < 10; i++) {
    const r = await gql(query, { id, last: 2, before }, admin);
    const page = r.data[root][field];
    backward.unshift(...page.edges.map((e: any) => e.node.id));
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  return { forward, backward };
}

describe('nested connections', () => {
  it('page the same items as the plain lists, both ways', async () => {
    const plain = await gql(
      `query ($o: ID!, $p: ID!) {
      organization(id: $o) { positions { id } ratings { id } honours { id } }
      person(id: $p) { positions { id } certifications { id } } }`,
      { o: organizationId, p: personId },
      admin,
    );
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    const cases: ['organization' | 'person', string, string, string[]][] = [
      ['organization', organizationId, 'positionsConnection', ids(plain.data.organization.positions)],
      ['organization', organizationId, 'ratingsConnection', ids(plain.data.organization.ratings)],
      ['organization', organizationId, 'honoursConnection', ids(plain.data.organization.honours)],
      ['person', personId, 'positionsConnection', ids(plain.data.person.positions)],
    ];
    for (const [root, id, field, expected] of cases) {
      expect(expected.length, field).toBeGreaterThanOrEqual(3);
      const { forward, backward } = await walk(root, id, field);
      expect(forward, field).toEqual(expected);
      expect(backward, field).toEqual(expected);
    }
  });

  it('filters like the plain lists and refuses a bad cursor', async () => {
    const r = await gql(
      `query ($o: ID!) { organization(id: $o) {
      positionsConnection(role: PRESIDENT) { totalCount }
      honoursConnection(year: 2018) { totalCount edges { node { year } } } } }`,
      { o: organizationId },
      admin,
    );
    expect(r.data.organization.positionsConnection.totalCount).toBe(1);
    expect(r.data.organization.honoursConnection).toEqual({ totalCount: 1, edges: [{ node: { year: 2018 } }] });
    const bad = await gql(
      'query ($o: ID!) { organization(id: $o) { ratingsConnection(after: "nonsense") { totalCount } } }',
      { o: organizationId },
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });
});
