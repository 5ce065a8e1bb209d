import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { encodeCursor } from '../services/common/connection.js';
import { orgId, sql, token } from './support/hub.js';
import { expectRefusal, post } from './support/raw.js';

// Malformed inputs that once gave INTERNAL_SERVER_ERROR (issue 7) are BAD_USER_INPUT, through
// the gateway and straight at the subgraph, and write nothing.

const wenzhou = orgId('wenzhou');
const counts = async () =>
  (
    await sql(`select
  (select count(*) from registry.organization)::int as organizations,
  (select count(*) from registry.person)::int as people,
  (select count(*) from registry.audit_entry)::int as audit,
  (select count(*) from processes.training_enrollment)::int as enrollments`)
  )[0];

const ORGS =
  'query ($after: String, $name: String) { organizations(first: 2, after: $after, filter: { nameContains: $name }) { totalCount } }';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

// [name, query, variables, role]: every one must be BAD_USER_INPUT.
const CASES: [string, string, Record<string, unknown>, 'INTEGRATOR' | 'ADMIN'][] = [
  ['NUL in a text argument (variable)', ORGS, { name: '温州\u0000' }, 'INTEGRATOR'],
  [
    'NUL in a text argument (literal)',
    '{ organizations(filter: { nameContains: "温州\\u0000" }) { totalCount } }',
    {},
    'INTEGRATOR',
  ],
  ['NUL in a cursor', ORGS, { after: '\u0000' }, 'INTEGRATOR'],
  ['NUL in a person search', '{ people(nameContains: "\\u0000") { totalCount } }', {}, 'INTEGRATOR'],
  ['NUL in an id', '{ organization(id: "\\u0000") { id } }', {}, 'INTEGRATOR'],
  [
    'NUL in a nested input field',
    'mutation ($i: NewOrganization!) { createOrganization(input: $i) { id } }',
    { i: { name: '某\u0000协会', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } },
    'ADMIN',
  ],
  [
    'a lone surrogate in an admin create',
    'mutation ($i: NewOrganization!) { createOrganization(input: $i) { id } }',
    { i: { name: '\ud800协会', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } },
    'ADMIN',
  ],
  [
    'a lone low surrogate in an admin create',
    'mutation ($i: NewPerson!) { createPerson(input: $i) { id } }',
    { i: { name: '张\udc00' } },
    'ADMIN',
  ],
  ['the date 0000-01-01', '{ statistics(asOf: "0000-01-01") { year } }', {}, 'INTEGRATOR'],
  [
    'the date 0000-01-01 in a filter',
    '{ organizations(filter: { asOf: "0000-01-01" }) { totalCount } }',
    {},
    'INTEGRATOR',
  ],
  ['a cursor of numbers', ORGS, { after: encodeCursor([1, 2]) }, 'INTEGRATOR'],
  ['a cursor with a non-UUID id', ORGS, { after: encodeCursor(['温州', 5]) }, 'INTEGRATOR'],
  ['a cursor of booleans', ORGS, { after: encodeCursor([true, false]) }, 'INTEGRATOR'],
  ['a cursor holding an object', ORGS, { after: encodeCursor([{ $gt: '' }, 'x']) }, 'INTEGRATOR'],
  ['a cursor that is a string', ORGS, { after: b64('"x"') }, 'INTEGRATOR'],
  ['a cursor that is not JSON', ORGS, { after: b64('[1,') }, 'INTEGRATOR'],
  [
    'a traversal cursor of the wrong types',
    'query ($id: ID!, $a: String) { organization(id: $id) { neighbors(after: $a) { totalCount } } }',
    { id: wenzhou, a: encodeCursor([{}, [], 'x']) },
    'INTEGRATOR',
  ],
  [
    'a nested connection cursor of the wrong types',
    'query ($id: ID!, $a: String) { organization(id: $id) { relationshipsConnection(after: $a) { totalCount } } }',
    { id: wenzhou, a: encodeCursor(['x', 1, true]) },
    'INTEGRATOR',
  ],
  [
    'an inbox cursor of the wrong types',
    'query ($a: String) { myTasks(after: $a) { totalCount } }',
    { a: encodeCursor([1, { a: 1 }]) },
    'INTEGRATOR',
  ],
  ['a subscription', 'subscription { __typename }', {}, 'INTEGRATOR'],
];

describe('malformed inputs are BAD_USER_INPUT', () => {
  for (const [name, query, variables, role] of CASES) {
    it(name, async () => {
      const before = await counts();
      const answer = await post(inject('gatewayUrl'), query, variables, await token([role]));
      expectRefusal(answer, 'BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  }

  it('names the argument, also when sent straight to the subgraph', async () => {
    const admin = await token(['ADMIN']);
    const query = 'mutation ($i: NewOrganization!) { createOrganization(input: $i) { id } }';
    const variables = { i: { name: '\ud800', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } };
    for (const url of [inject('gatewayUrl'), inject('registryUrl')]) {
      const answer = await post(url, query, variables, admin);
      expectRefusal(answer, 'BAD_USER_INPUT', 400);
      expect(answer.json!.errors![0].extensions!.field).toBe('name');
    }
    const nul = await post(
      inject('processesUrl'),
      '{ myTasks(kind: "\\u0000") { totalCount } }',
      {},
      await token(['INTEGRATOR']),
    );
    expectRefusal(nul, 'BAD_USER_INPUT', 400);
    expect(nul.json!.errors![0].extensions!.field).toBe('kind');
  });

  it('still accepts surrogate pairs and ordinary Chinese text', async () => {
    const answer = await post(inject('gatewayUrl'), ORGS, { name: '温州😀' }, await token(['INTEGRATOR']));
    expect(answer.json).toEqual({ data: { organizations: { totalCount: 0 } } });
  });
});
