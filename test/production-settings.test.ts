import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readConfig } from '../services/common/config.js';
import { commonServerOptions } from '../services/common/http.js';
import { startRegistry } from '../services/registry/main.js';
import { token } from './support/hub.js';
import { post } from './support/raw.js';

// docs/security.md, "Production settings": under npm start (no NODE_ENV) every service answers
// introspection and "Did you mean" suggestions; under NODE_ENV=production neither, unless
// GRAPHQL_INTROSPECTION says otherwise. The gateway's production refusal is in
// test/hardening-limits.test.ts; here the switch itself, the dev hub's services and a subgraph
// started in production mode.

const INTROSPECT = '{ __schema { queryType { name } } }';
const TYPO = '{ organisations { totalCount } }';
// Production refuses the dev-only subgraph secret; any secret of its own will do here.
const PRODUCTION = { NODE_ENV: 'production', SUBGRAPH_SECRET: 'a-production-secret-of-at-least-32-characters' };

describe('the introspection switch', () => {
  it('is on under npm start, off under NODE_ENV=production, and GRAPHQL_INTROSPECTION wins either way', () => {
    expect(readConfig({}).introspection).toBe(true);
    expect(readConfig(PRODUCTION).introspection).toBe(false);
    expect(readConfig({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(readConfig({ GRAPHQL_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(() => readConfig({ GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION/);
    expect(commonServerOptions({ introspection: false }).hideSchemaDetailsFromClientErrors).toBe(true);
    expect(commonServerOptions({ introspection: true }).hideSchemaDetailsFromClientErrors).toBe(false);
  });

  it('leaves the dev hub (as npm start runs it) answering introspection and suggestions on every service', async () => {
    const admin = await token(['ADMIN']);
    for (const url of [inject('gatewayUrl'), inject('registryUrl'), inject('processesUrl')]) {
      expect((await post(url, INTROSPECT, {}, admin)).json, url).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });
    }
    for (const url of [inject('gatewayUrl'), inject('registryUrl')])
      expect((await post(url, TYPO, {}, admin)).text, url).toMatch(/Did you mean/);
  });
});

describe('a subgraph under NODE_ENV=production', () => {
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  beforeAll(async () => {
    registry = await startRegistry(
      readConfig({
        NODE_ENV: 'production',
        SUBGRAPH_SECRET: inject('subgraphSecret'),
        REGISTRY_PORT: '0',
        DATABASE_URL: inject('databaseUrl'),
        JWT_SECRET: inject('jwtSecret'),
      }),
    );
  });
  afterAll(() => registry?.stop());

  it('refuses introspection and names no fields in suggestions', async () => {
    const admin = await token(['ADMIN']);
    const schema = await post(registry.url, INTROSPECT, {}, admin);
    expect(schema.json!.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post(registry.url, TYPO, {}, admin);
    expect(typo.json!.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean|organizations/);
    expect((await post(registry.url, '{ organizations(first: 1) { totalCount } }', {}, admin)).json).toMatchObject({
      data: { organizations: { totalCount: expect.any(Number) } },
    });
  });
});
