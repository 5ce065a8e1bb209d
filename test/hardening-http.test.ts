import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { signToken } from '../services/common/identity.js';
import { sql, token } from './support/hub.js';
import { expectRefusal, post, raw } from './support/raw.js';

// Every malformed HTTP body, on the gateway and on both subgraphs, is a JSON GraphQL error with
// a code (never an HTML page, a stack or a file path), refused before any token check or
// resolver; and the subgraphs answer a bad or role-less token as the gateway does.

const services = () => ({
  gateway: inject('gatewayUrl'),
  registry: inject('registryUrl'),
  processes: inject('processesUrl'),
});
const deepJson = (depth: number) =>
  `{"query":"{ __typename }","variables":{"v":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
const QUERY = JSON.stringify({ query: '{ __typename }' });

const BODIES: {
  name: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
  status: number;
  code: string;
}[] = [
  { name: 'invalid JSON', body: '{"query": "{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is not an object', body: '"{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a charset other than UTF-8',
    body: QUERY,
    headers: { 'content-type': 'application/json; charset=latin1' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'bytes that are not UTF-8',
    body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a content-encoding',
    body: QUERY,
    headers: { 'content-encoding': 'gzip' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown content-encoding',
    body: QUERY,
    headers: { 'content-encoding': 'br, zstd, x-evil' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a wrong content-type',
    body: QUERY,
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'form data',
    body: 'query=%7B__typename%7D',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a body over the limit',
    body: JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` }),
    status: 413,
    code: 'BAD_REQUEST',
  },
  { name: 'a 10,000-deep JSON variable', body: deepJson(10_000), status: 400, code: 'BAD_USER_INPUT' },
];

describe('malformed HTTP bodies', () => {
  for (const service of ['gateway', 'registry', 'processes'] as const) {
    for (const c of BODIES) {
      it(`${service}: ${c.name} is ${c.status} ${c.code}`, async () => {
        const answer = await raw(services()[service], {
          body: c.body,
          headers: c.headers,
          token: await token(['ADMIN']),
        });
        expectRefusal(answer, c.code, c.status);
      });
    }
  }

  it('still serves a JSON body with an explicit UTF-8 charset and a moderately nested variable', async () => {
    const answer = await raw(inject('gatewayUrl'), {
      body: deepJson(20),
      headers: { 'content-type': 'application/json; charset=utf-8' },
      token: await token(['INTEGRATOR']),
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('tokens at the subgraphs', () => {
  const secret = () => inject('jwtSecret');
  for (const service of ['gateway', 'registry', 'processes'] as const) {
    it(`${service}: no token or a bad one is 401, a role-less one 403, a non-UUID orgs claim 401`, async () => {
      const url = services()[service];
      expectRefusal(await post(url, '{ __typename }'), 'UNAUTHENTICATED', 401);
      expectRefusal(await post(url, '{ __typename }', {}, 'not.a.jwt'), 'UNAUTHENTICATED', 401);
      const forged = await signToken(
        { subject: 'mallory', roles: ['ADMIN'], organizationIds: [] },
        'another-secret-of-enough-length',
      );
      expectRefusal(await post(url, '{ __typename }', {}, forged), 'UNAUTHENTICATED', 401);
      const roleless = await signToken({ subject: 'nobody', roles: [], organizationIds: [] }, secret());
      expectRefusal(await post(url, '{ __typename }', {}, roleless), 'FORBIDDEN', 403);
      const unknownRole = await signToken(
        { subject: 'nobody', roles: ['SUPERUSER' as never], organizationIds: [] },
        secret(),
      );
      expectRefusal(await post(url, '{ __typename }', {}, unknownRole), 'FORBIDDEN', 403);
      const badOrgs = await signToken(
        { subject: 'approver', roles: ['APPROVER'], organizationIds: ["1' or '1'='1"] },
        secret(),
      );
      expectRefusal(await post(url, '{ __typename }', {}, badOrgs), 'UNAUTHENTICATED', 401);
    });
  }

  it('a role-less token cannot apply for training', async () => {
    const before = await sql('select count(*)::int as n from processes.training_enrollment');
    const roleless = await signToken({ subject: 'nobody', roles: [], organizationIds: [] }, secret());
    const answer = await post(
      inject('gatewayUrl'),
      'mutation { enrollInTraining(courseId: "00000000-0000-4000-8000-000000000000", organizationId: "00000000-0000-4000-8000-000000000000", personId: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      roleless,
    );
    expectRefusal(answer, 'FORBIDDEN', 403);
    expect(await sql('select count(*)::int as n from processes.training_enrollment')).toEqual(before);
  });
});
