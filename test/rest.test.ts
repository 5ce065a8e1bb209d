import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { gql, orgId, token } from './support/hub.js';
import { Cleanup, hubEnv, startPart } from './support/processes.js';

// Trusted documents published as REST (GET /api/v1/<name>) by a gateway given an integrator's
// file: the generated OpenAPI description is a valid OpenAPI 3.1 document, and every published
// endpoint's answers, ordinary and refused, are valid against it.

const cleanup = new Cleanup();
const DOCUMENTS = [
  {
    name: 'organizationsPage',
    rest: true,
    query: `query Page($first: Int!, $after: String, $filter: OrganizationFilter) {
      organizations(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name kind regionCode registeredOn currentRating { grade } } }
      }
    }`,
  },
  {
    name: 'organization',
    rest: true,
    query: `query One($id: ID!, $asOf: String) {
      organization(id: $id) { ...Profile honours { year level title } currentRating(asOf: $asOf) { grade awardedOn } }
    }
    fragment Profile on Organization { id name shortName kind creditCode createdAt version }`,
  },
  {
    name: 'ratingsAsOf',
    rest: true,
    query: `query Ratings($asOf: String) { statistics(asOf: $asOf) { asOf year ratings { atLeast3A byGrade { grade count } } bankPairings } }`,
  },
  {
    name: 'byKinds',
    rest: true,
    query: `query ByKinds($kinds: [OrganizationKind!]!, $active: Boolean) {
      organizations(first: 5, filter: { kinds: $kinds, active: $active }) { totalCount edges { node { name kind } } }
    }`,
  },
  // Registered for GraphQL only: not an endpoint.
  { name: 'notPublished', query: 'query NotPublished { organizations(first: 1) { totalCount } }' },
];

let base: string;
let spec: {
  openapi: string;
  paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** Checks an answer against the description's schema for that path and status. */
function conforms(path: string, status: number, body: unknown) {
  const responses = spec.paths[path].get.responses as Record<
    string,
    { content: { 'application/json': { schema: object } } }
  >;
  const schema = (responses[String(status)] ?? responses.default).content['application/json'].schema;
  const validate = ajv.compile(schema);
  const valid = validate(body);
  expect(valid, `${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

async function call(path: string, as?: string, method = 'GET') {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: as ? { authorization: `Bearer ${as}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rest-')), 'statistics-bureau.json');
  writeFileSync(file, JSON.stringify({ documents: DOCUMENTS }));
  const env = await hubEnv({
    DATABASE_URL: inject('databaseUrl'),
    REGISTRY_URL: inject('registryUrl'),
    PROCESSES_URL: inject('processesUrl'),
    TRUSTED_DOCUMENTS: 'enforce',
    TRUSTED_DOCUMENTS_FILES: file,
  });
  await startPart('gateway', env, cleanup, 'REST gateway');
  base = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  spec = (await call('/api/v1/openapi.json')).body as typeof spec;
}, 120_000);
afterAll(() => cleanup.run());

describe('trusted documents as REST', () => {
  it('describes exactly the published documents in a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(spec);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(spec.paths).sort()).toEqual(
      ['/api/v1/byKinds', '/api/v1/organization', '/api/v1/organizationsPage', '/api/v1/ratingsAsOf'].sort(),
    );
    expect(spec.paths['/api/v1/organizationsPage'].get.parameters.map((p) => p.name)).toEqual([
      'first',
      'after',
      'filter',
    ]);
  });

  it('answers every published endpoint with data valid against its description', async () => {
    const as = await token(['INTEGRATOR']);
    const filter = encodeURIComponent(JSON.stringify({ kind: 'OUT_OF_TOWN_CHAMBER' }));
    const page = await call(`/api/v1/organizationsPage?first=3&filter=${filter}`, as);
    expect(page.status).toBe(200);
    expect(page.body.organizations.edges).toHaveLength(3);
    conforms('/api/v1/organizationsPage', 200, page.body);
    const next = await call(
      `/api/v1/organizationsPage?first=3&filter=${filter}&after=${encodeURIComponent(page.body.organizations.pageInfo.endCursor)}`,
      as,
    );
    expect(next.body.organizations.edges[0].node.id).not.toBe(page.body.organizations.edges[0].node.id);
    conforms('/api/v1/organizationsPage', 200, next.body);

    const one = await call(`/api/v1/organization?id=${orgId('wenzhou')}`, as);
    expect([one.status, one.body.organization.name]).toEqual([200, '嘉兴市温州商会']);
    conforms('/api/v1/organization', 200, one.body);

    const ratings = await call('/api/v1/ratingsAsOf?asOf=2019-12-31', as);
    // The same answer as the document sent as GraphQL (to the development gateway).
    const graphql = await gql(DOCUMENTS[2].query, { asOf: '2019-12-31' }, as);
    expect([ratings.status, ratings.body]).toEqual([200, graphql.data]);
    expect(ratings.body.statistics.year).toBe(2019);
    conforms('/api/v1/ratingsAsOf', 200, ratings.body);

    const kinds = await call('/api/v1/byKinds?kinds=OUT_OF_TOWN_CHAMBER&kinds=INDUSTRY_ASSOCIATION&active=true', as);
    expect(kinds.status).toBe(200);
    expect(new Set(kinds.body.organizations.edges.map((e: { node: { kind: string } }) => e.node.kind))).toSatisfy(
      (s: Set<string>) => [...s].every((k) => k === 'OUT_OF_TOWN_CHAMBER' || k === 'INDUSTRY_ASSOCIATION'),
    );
    conforms('/api/v1/byKinds', 200, kinds.body);
  });

  it('refuses bad calls with a clear code, each answer valid against the description', async () => {
    const as = await token(['INTEGRATOR']);
    const cases: [string, string | undefined, number, string][] = [
      ['/api/v1/organizationsPage', as, 400, 'BAD_USER_INPUT'], // first is required
      ['/api/v1/organizationsPage?first=many', as, 400, 'BAD_USER_INPUT'],
      ['/api/v1/organizationsPage?first=3&sort=name', as, 400, 'BAD_USER_INPUT'],
      ['/api/v1/organizationsPage?first=3&filter={', as, 400, 'BAD_USER_INPUT'],
      ['/api/v1/byKinds?kinds=OUT_OF_TOWN_CHAMBER&active=maybe', as, 400, 'BAD_USER_INPUT'],
      ['/api/v1/organization?id=00000000-0000-0000-0000-000000000000', as, 404, 'NOT_FOUND'],
      ['/api/v1/organizationsPage?first=3', undefined, 401, 'UNAUTHENTICATED'],
    ];
    for (const [path, who, status, code] of cases) {
      const answer = await call(path, who);
      expect([path, answer.status, answer.body.errors?.[0]?.extensions?.code]).toEqual([path, status, code]);
      conforms(path.split('?')[0], status, answer.body);
    }
    // The check bites: a refusal is not a valid answer of the 200 kind, nor a page with a field missing.
    const refused = await call('/api/v1/organizationsPage', as);
    const page = spec.paths['/api/v1/organizationsPage'].get.responses['200'] as {
      content: { 'application/json': { schema: object } };
    };
    const validPage = ajv.compile(page.content['application/json'].schema);
    expect(validPage(refused.body)).toBe(false);
    const ok = await call('/api/v1/organizationsPage?first=1', as);
    expect(validPage(ok.body)).toBe(true);
    delete ok.body.organizations.totalCount;
    expect(validPage(ok.body)).toBe(false);
    const unknown = await call('/api/v1/notPublished', as);
    expect([unknown.status, unknown.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const post = await call('/api/v1/organizationsPage?first=3', as, 'POST');
    expect(post.status).toBe(405);
  });
});
