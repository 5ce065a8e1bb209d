import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { codeOf, federationToken, gql, orgId, sql, token } from './support/hub.js';
import { Cleanup, eventually, hubEnv, startPart } from './support/processes.js';
import { todayInChina } from '../services/common/dates.js';

// Integrators as accounts (docs/integrators.md, "Integrator accounts"): an admin registers a
// client, the client trades its id and secret for a token at POST /oauth/token of a gateway,
// and that gateway holds every request to the registration: the trusted documents it may run
// (GraphQL and REST), its quota, its data scope; every request is counted for its usage.

const cleanup = new Cleanup();
const DOCUMENTS = [
  {
    name: 'chambers',
    query:
      'query Chambers { organizations(first: 3, filter: { kind: OUT_OF_TOWN_CHAMBER }) { edges { node { name } } } }',
  },
  { name: 'orgById', rest: true, query: 'query OrgById($id: ID!) { organization(id: $id) { id name } }' },
  { name: 'notAllowed', rest: true, query: 'query NotAllowed { organizations(first: 1) { totalCount } }' },
];
const [CHAMBERS, ORG_BY_ID, NOT_ALLOWED] = DOCUMENTS.map((d) => d.query);

const CLIENT_FIELDS =
  'id clientId name enabled operations requestsPerMinute requestsPerDay federationId federationName secretVersion version';
const REGISTER = `mutation ($input: NewIntegratorClient!) { registerIntegratorClient(input: $input) { secret client { ${CLIENT_FIELDS} } } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: IntegratorClientPatch!) { updateIntegratorClient(id: $id, version: $version, patch: $patch) { ${CLIENT_FIELDS} } }`;
const ROTATE = `mutation ($id: ID!, $version: Int!) { rotateIntegratorSecret(id: $id, version: $version) { secret client { ${CLIENT_FIELDS} } } }`;
const USAGE = `query ($clientId: String!, $from: String!, $to: String!) { integratorUsage(clientId: $clientId, from: $from, to: $to) { day operation requests errors rows } }`;

interface Client {
  id: string;
  clientId: string;
  version: number;
  secretVersion: number;
  federationId: string | null;
  federationName: string | null;
}

let base: string;
let admin: string;

async function register(input: Record<string, unknown>): Promise<{ client: Client; secret: string }> {
  const r = await gql(REGISTER, { input }, admin);
  expect(r.errors).toBeUndefined();
  return r.data.registerIntegratorClient;
}

async function tokenRequest(body: string | Record<string, string>, headers: Record<string, string> = {}) {
  const form = typeof body !== 'string';
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...headers,
    },
    body: form ? new URLSearchParams(body).toString() : body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

async function accessToken(clientId: string, secret: string): Promise<string> {
  const r = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.access_token as string;
}

/** A request to the integrators' gateway, with its HTTP status and headers. */
async function call(query: string, as: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    ...(await response.json()),
  };
}

async function rest(path: string, as: string) {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${as}` } });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

/** Waits, if need be, until a clock minute has at least 15 s left (the per-minute quota counts clock minutes). */
async function startOfAMinute() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((done) => setTimeout(done, left + 100));
}

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'integrators-')), 'statistics-bureau.json');
  writeFileSync(file, JSON.stringify({ documents: DOCUMENTS }));
  const env = await hubEnv({
    DATABASE_URL: inject('databaseUrl'),
    REGISTRY_URL: inject('registryUrl'),
    PROCESSES_URL: inject('processesUrl'),
    TRUSTED_DOCUMENTS_FILES: file,
    INTEGRATOR_USAGE_FLUSH_MS: '200',
  });
  await startPart('gateway', env, cleanup, 'integrators gateway');
  base = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  admin = await federationToken(['ADMIN'], 'federation');
}, 120_000);
afterAll(() => cleanup.run());

describe('integrator clients as accounts', () => {
  it('registers a client, issues its token, runs what it may, refuses the rest, keeps its quota and counts its usage exactly', async () => {
    const { client, secret } = await register({
      name: '嘉兴市统计局',
      operations: ['chambers', 'orgById'],
      requestsPerMinute: 4,
    });
    expect(client).toMatchObject({ name: '嘉兴市统计局', enabled: true, federationId: null, secretVersion: 1 });
    expect(client.clientId).toMatch(/^ic_[0-9a-f]{24}$/);
    // Only a hash is kept, and the audit trail holds none of it.
    const [stored] = await sql('select hash from registry.integrator_secret where client_row_id = $1', [client.id]);
    expect(stored.hash).toMatch(/^scrypt\$/);
    expect(stored.hash).not.toContain(secret);
    const audits = await sql(`select after::text as after from registry.audit_entry where entity_id = $1`, [client.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0].after).not.toMatch(/scrypt|hash/);

    // The token: form or JSON or HTTP Basic; never more than the registration.
    const as = await accessToken(client.clientId, secret);
    const claims = decodeJwt(as);
    expect(claims).toMatchObject({
      sub: `integrator:${client.clientId}`,
      roles: ['INTEGRATOR'],
      cid: client.clientId,
      sv: 1,
    });
    expect(claims.fed).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(900);
    const json = await tokenRequest(
      JSON.stringify({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }),
    );
    expect(json.status).toBe(200);
    const basic = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString('base64')}` },
    );
    expect(basic.status).toBe(200);
    // Wrong secret, unknown client: the same 401, saying nothing about which.
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: `${secret}x`,
    });
    const unknown = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'ic_nobody',
      client_secret: secret,
    });
    expect([wrong.status, wrong.body.error]).toEqual([401, 'invalid_client']);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.access_token).toBeUndefined();
    const grantType = await tokenRequest({ grant_type: 'password', client_id: client.clientId, client_secret: secret });
    expect([grantType.status, grantType.body.error]).toEqual([400, 'unsupported_grant_type']);
    expect((await tokenRequest({ grant_type: 'client_credentials' })).body.error).toBe('invalid_request');

    await startOfAMinute();
    // Allowed: a trusted document by GraphQL (3 rows) and another by REST.
    const chambers = await call(CHAMBERS, as);
    expect(chambers.errors).toBeUndefined();
    expect(chambers.data.organizations.edges).toHaveLength(3);
    const one = await rest(`/api/v1/orgById?id=${orgId('wenzhou')}`, as);
    expect([one.status, one.body.organization?.name]).toEqual([200, '嘉兴市温州商会']);
    // Not allowed: a trusted document it was not given (GraphQL and REST), any other operation, an export.
    const refused = await call(NOT_ALLOWED, as);
    expect([refused.status, codeOf(refused)]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
    expect(refused.errors[0].message).toMatch(/未获准调用操作 notAllowed/);
    const refusedRest = await rest('/api/v1/notAllowed', as);
    expect([refusedRest.status, refusedRest.body.errors[0].extensions.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
    const adHoc = await call('{ organizations(first: 2) { totalCount } }', as);
    expect(codeOf(adHoc)).toBe('OPERATION_NOT_ALLOWED');
    const exported = await fetch(`${base}/export/organizations.csv`, { headers: { authorization: `Bearer ${as}` } });
    expect(exported.status).toBe(403);
    await exported.body?.cancel();

    // The quota: 4 a minute (refusals above do not count), the fifth is 429 with Retry-After.
    expect((await call(CHAMBERS, as)).errors).toBeUndefined();
    expect((await call(CHAMBERS, as)).errors).toBeUndefined();
    const over = await call(CHAMBERS, as);
    expect([over.status, codeOf(over)]).toEqual([429, 'QUOTA_EXCEEDED']);
    expect(over.errors[0].message).toMatch(/已超出每分钟 4 次的调用配额/);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(60);
    expect(over.errors[0].extensions.retryAfter).toBe(Number(over.retryAfter));

    // Usage, per operation and Asia/Shanghai day, flushed by the gateway.
    const today = todayInChina();
    const expected = [
      { day: today, operation: '(unregistered)', requests: 1, errors: 1, rows: 0 },
      { day: today, operation: 'chambers', requests: 4, errors: 1, rows: 9 },
      { day: today, operation: 'notAllowed', requests: 2, errors: 2, rows: 0 },
      { day: today, operation: 'orgById', requests: 1, errors: 0, rows: 0 },
    ];
    const usage = await eventually(
      'the usage flushed',
      async () => {
        const r = await gql(USAGE, { clientId: client.clientId, from: today, to: today }, admin);
        return JSON.stringify(r.data?.integratorUsage) === JSON.stringify(expected)
          ? r.data.integratorUsage
          : undefined;
      },
      10_000,
    ).catch(
      async () =>
        (await gql(USAGE, { clientId: client.clientId, from: today, to: today }, admin)).data?.integratorUsage,
    );
    expect(usage).toEqual(expected);

    // Disabled: no token, and the one it holds is refused (within the gateway's 5 s re-read).
    const disabled = await gql(UPDATE, { id: client.id, version: client.version, patch: { enabled: false } }, admin);
    expect(disabled.data.updateIntegratorClient.enabled).toBe(false);
    const noToken = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: secret,
    });
    expect([noToken.status, noToken.body.error]).toEqual([401, 'invalid_client']);
    const refusedNow = await eventually(
      'the disabled client refused',
      async () => {
        const r = await call(CHAMBERS, as);
        return codeOf(r) === 'UNAUTHENTICATED' ? r : undefined;
      },
      10_000,
    );
    expect(refusedNow.status).toBe(401);
  });

  it('scopes a client to a Federation, holds its daily quota, and rotates its secret (the old one and its tokens refused)', async () => {
    const { client, secret } = await register({
      name: '海宁市数据局',
      operations: ['orgById'],
      requestsPerDay: 3,
      federationId: orgId('federation-haining'),
    });
    expect([client.federationId, client.federationName]).toEqual([orgId('federation-haining'), '海宁市工商业联合会']);
    const as = await accessToken(client.clientId, secret);
    expect(decodeJwt(as).fed).toBe(orgId('federation-haining'));
    // Its county's chamber, yes; another city's Federation: as if there were none.
    const own = await call(ORG_BY_ID, as, { id: orgId('haining-warp-knitting') });
    expect(own.errors).toBeUndefined();
    expect(own.data.organization.id).toBe(orgId('haining-warp-knitting'));
    const other = await call(ORG_BY_ID, as, { id: orgId('federation-wuxing') });
    expect(codeOf(other)).toBe('NOT_FOUND');
    // A public-data client sees it (the first client's scope).
    const { client: open, secret: openSecret } = await register({ name: '公开数据接入方', operations: ['orgById'] });
    const seen = await call(ORG_BY_ID, await accessToken(open.clientId, openSecret), {
      id: orgId('federation-wuxing'),
    });
    expect(seen.data.organization.name).toBe('湖州市吴兴区工商业联合会');

    // The daily quota: 3 a day (Asia/Shanghai), the fourth is 429 until midnight in China.
    expect((await call(ORG_BY_ID, as, { id: orgId('haining-warp-knitting') })).errors).toBeUndefined();
    const over = await call(ORG_BY_ID, as, { id: orgId('haining-warp-knitting') });
    expect([over.status, codeOf(over)]).toEqual([429, 'QUOTA_EXCEEDED']);
    expect(over.errors[0].message).toMatch(/已超出每日 3 次的调用配额/);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(86_400);

    // Rotation: a new secret shown once; the old secret gets no token, its token is refused.
    const rotated = await gql(ROTATE, { id: client.id, version: client.version }, admin);
    expect(rotated.errors).toBeUndefined();
    const { secret: newSecret, client: after } = rotated.data.rotateIntegratorSecret;
    expect(newSecret).not.toBe(secret);
    expect(after.secretVersion).toBe(2);
    const old = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: secret,
    });
    expect([old.status, old.body.error]).toEqual([401, 'invalid_client']);
    const oldToken = await eventually(
      'the old token refused',
      async () => {
        const r = await call(ORG_BY_ID, as, { id: orgId('haining-warp-knitting') });
        return codeOf(r) === 'UNAUTHENTICATED' ? r : undefined;
      },
      10_000,
    );
    expect(oldToken.errors[0].message).toMatch(/旧密钥/);
    const fresh = await accessToken(client.clientId, newSecret);
    expect(decodeJwt(fresh).sv).toBe(2);
    // Accepted (not 401), and still over today's quota.
    expect(codeOf(await call(ORG_BY_ID, fresh, { id: orgId('haining-warp-knitting') }))).toBe('QUOTA_EXCEEDED');
  });

  it('refuses bad input to every admin mutation, and callers who are not admins, changing nothing', async () => {
    const { client } = await register({ name: '待改的接入方', operations: [] });
    const state = async () =>
      sql(
        `select (select count(*) from registry.integrator_client)::int as clients,
                (select count(*) from registry.audit_entry)::int as audits,
                (select json_agg(s.hash order by s.client_row_id) from registry.integrator_secret s)::text as secrets,
                (select row_to_json(c)::text from registry.integrator_client c where c.id = $1) as client`,
        [client.id],
      );
    const before = await state();
    const refusedWith = async (
      query: string,
      variables: Record<string, unknown>,
      code: string,
      field?: string,
      as = admin,
    ) => {
      const r = await gql(query, variables, as);
      expect(codeOf(r), JSON.stringify(r.errors)).toBe(code);
      if (field) expect(r.errors![0].extensions!.field).toBe(field);
      if (code === 'BAD_USER_INPUT') expect(r.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
      return r;
    };
    const good = { name: '嘉兴市统计局', operations: ['chambers'] };
    await refusedWith(REGISTER, { input: { ...good, name: '  ' } }, 'BAD_USER_INPUT', 'name');
    await refusedWith(REGISTER, { input: { ...good, name: '统'.repeat(101) } }, 'BAD_USER_INPUT', 'name');
    await refusedWith(REGISTER, { input: { ...good, operations: ['not a name!'] } }, 'BAD_USER_INPUT', 'operations');
    await refusedWith(
      REGISTER,
      { input: { ...good, operations: ['chambers', 'chambers'] } },
      'BAD_USER_INPUT',
      'operations',
    );
    await refusedWith(REGISTER, { input: { ...good, requestsPerMinute: 0 } }, 'BAD_USER_INPUT', 'requestsPerMinute');
    await refusedWith(REGISTER, { input: { ...good, requestsPerDay: -5 } }, 'BAD_USER_INPUT', 'requestsPerDay');
    await refusedWith(REGISTER, { input: { ...good, federationId: 'jiaxing' } }, 'BAD_USER_INPUT', 'federationId');
    await refusedWith(
      REGISTER,
      { input: { ...good, federationId: orgId('wenzhou') } },
      'BAD_USER_INPUT',
      'federationId',
    );
    await refusedWith(
      REGISTER,
      { input: { ...good, federationId: '00000000-0000-4000-8000-000000000000' } },
      'BAD_USER_INPUT',
      'federationId',
    );
    // Another city's Federation is not Jiaxing's admin's to give.
    await refusedWith(REGISTER, { input: { ...good, federationId: orgId('federation-huzhou') } }, 'FORBIDDEN');
    await refusedWith(REGISTER, { input: good }, 'FORBIDDEN', undefined, await token(['INTEGRATOR']));
    await refusedWith(
      REGISTER,
      { input: good },
      'FORBIDDEN',
      undefined,
      await federationToken(['FEDERATION_OFFICER'], 'federation'),
    );

    const at = { id: client.id, version: client.version };
    await refusedWith(UPDATE, { ...at, patch: { name: null } }, 'BAD_USER_INPUT', 'name');
    await refusedWith(UPDATE, { ...at, patch: { operations: null } }, 'BAD_USER_INPUT', 'operations');
    await refusedWith(UPDATE, { ...at, patch: { enabled: null } }, 'BAD_USER_INPUT', 'enabled');
    await refusedWith(UPDATE, { ...at, patch: { requestsPerMinute: 100_001 } }, 'BAD_USER_INPUT', 'requestsPerMinute');
    await refusedWith(UPDATE, { ...at, patch: { federationId: orgId('wenzhou') } }, 'BAD_USER_INPUT', 'federationId');
    await refusedWith(UPDATE, { ...at, patch: { federationId: orgId('federation-huzhou') } }, 'FORBIDDEN');
    await refusedWith(UPDATE, { ...at, id: 'x', patch: { name: '新名' } }, 'BAD_USER_INPUT', 'id');
    await refusedWith(UPDATE, { ...at, version: at.version + 1, patch: { name: '新名' } }, 'CONFLICT');
    await refusedWith(
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', version: 1, patch: { name: '新名' } },
      'NOT_FOUND',
    );
    await refusedWith(UPDATE, { ...at, patch: { name: '新名' } }, 'FORBIDDEN', undefined, await token(['INTEGRATOR']));

    await refusedWith(ROTATE, { ...at, version: at.version + 1 }, 'CONFLICT');
    await refusedWith(ROTATE, { ...at, id: 'x' }, 'BAD_USER_INPUT', 'id');
    await refusedWith(ROTATE, at, 'FORBIDDEN', undefined, await token(['APPROVER']));

    const today = todayInChina();
    await refusedWith(USAGE, { clientId: client.clientId, from: '2026-13-01', to: today }, 'BAD_USER_INPUT', 'from');
    await refusedWith(USAGE, { clientId: client.clientId, from: today, to: '2020-01-01' }, 'BAD_USER_INPUT', 'from');
    await refusedWith(USAGE, { clientId: client.clientId, from: '2020-01-01', to: today }, 'BAD_USER_INPUT', 'to');
    await refusedWith(USAGE, { clientId: 'ic_nobody', from: today, to: today }, 'NOT_FOUND');
    await refusedWith(
      USAGE,
      { clientId: client.clientId, from: today, to: today },
      'FORBIDDEN',
      undefined,
      await token(['INTEGRATOR']),
    );

    expect(await state()).toEqual(before);
  });
});
