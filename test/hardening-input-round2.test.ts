import { describe, expect, it, inject } from 'vitest';
import { SignJWT } from 'jose';
import { encodeCursor } from '../services/common/connection.js';
import { HUB_ISSUER } from '../services/common/identity.js';
import { orgId, sql, token } from './support/hub.js';
import { expectRefusal, post } from './support/raw.js';

// Issue 19's inputs that came back INTERNAL_SERVER_ERROR: malformed custom-scalar values (the
// gateway now checks them itself), cursors no list gave out (one decoder checks each value
// against its column), a run id that is not a UUID, and tokens without an end or from the
// future. Each is refused with a code that tells the client what to fix, and writes nothing.

const gateway = () => inject('gatewayUrl');
const wenzhou = orgId('wenzhou');
const SOME_ID = '5f1c7e9a-0000-4000-8000-000000000001';
const rows = async () =>
  (
    await sql(`select (select count(*) from processes.procurement_bid)::int as bids,
      (select count(*) from processes.procurement)::int as procurements,
      (select count(*) from processes.human_task)::int as tasks,
      (select count(*) from processes.run_audit)::int as audits`)
  )[0];

const NEED = {
  agencyId: orgId('agency-civil-affairs'),
  categoryCode: 'LEGAL_MEDIATION',
  title: '调解服务',
  description: '为会员企业提供纠纷调解',
  budgetFen: 50_000_000,
  method: 'COMPETITIVE_CONSULTATION',
  priceWeight: 20,
  technicalWeight: 80,
  closesAt: '2030-01-01T00:00:00Z',
  committee: [SOME_ID, SOME_ID, SOME_ID],
  noticeDays: 7,
};
const BID = (priceFen: unknown) => ({ organizationId: wenzhou, priceFen, proposal: '方案' });
const SUBMIT = 'mutation ($b: BidInput!) { submitBid(procurementId: "' + SOME_ID + '", bid: $b) { id } }';
const PUBLISH = 'mutation ($n: ProcurementNeedInput!) { publishProcurement(need: $n) { id } }';
const DECIDE =
  'mutation ($v: JSONObject) { decideTask(id: "' +
  SOME_ID +
  '", input: { outcome: APPROVE, values: $v }) { task { id } } }';

// [name, query, variables, the field a literal names]: the issue's seven, as variables and as literals.
const SCALARS: [string, string, Record<string, unknown>, string?][] = [
  ['myTasks(dueBefore: "garbage")', '{ myTasks(dueBefore: "garbage") { totalCount } }', {}, 'dueBefore'],
  ['dueBefore as a variable', 'query ($d: DateTimeISO) { myTasks(dueBefore: $d) { totalCount } }', { d: 'garbage' }],
  ['submitBid priceFen 2^53', SUBMIT, { b: BID(2 ** 53) }],
  ['submitBid priceFen 1.5', SUBMIT, { b: BID(1.5) }],
  ['submitBid priceFen "100"', SUBMIT, { b: BID('100') }],
  [
    'submitBid priceFen 2^53 literal',
    `mutation { submitBid(procurementId: "${SOME_ID}", bid: { organizationId: "${wenzhou}", priceFen: 9007199254740992, proposal: "x" }) { id } }`,
    {},
    'priceFen',
  ],
  ['publishProcurement budgetFen 2^53', PUBLISH, { n: { ...NEED, budgetFen: 2 ** 53 } }],
  ['publishProcurement closesAt 0000-00-00', PUBLISH, { n: { ...NEED, closesAt: '0000-00-00T00:00:00Z' } }],
  ['decideTask values "str"', DECIDE, { v: 'str' }],
  ['decideTask values [1,2]', DECIDE, { v: [1, 2] }],
  [
    'decideTask values [1,2] literal',
    `mutation { decideTask(id: "${SOME_ID}", input: { outcome: APPROVE, values: [1, 2] }) { task { id } } }`,
    {},
    'values',
  ],
  ['processRuns startedAfter "x"', '{ processRuns(filter: { startedAfter: "x" }) { totalCount } }', {}, 'startedAfter'],
  [
    'extendTaskDue dueAt "x"',
    `mutation { extendTaskDue(taskId: "${SOME_ID}", dueAt: "x", reason: "延期") { id } }`,
    {},
    'dueAt',
  ],
];

describe('malformed custom-scalar values keep their code through the gateway', () => {
  for (const role of ['ADMIN', 'APPROVER'] as const) {
    for (const [name, query, variables, field] of SCALARS) {
      it(`${name} (${role})`, async () => {
        const before = await rows();
        const answer = await post(gateway(), query, variables, await token([role], [wenzhou]));
        // A literal fails validation, naming the argument; a variable fails coercion, naming the variable.
        expectRefusal(answer, field ? 'GRAPHQL_VALIDATION_FAILED' : 'BAD_USER_INPUT', 400);
        const error = answer.json!.errors![0];
        if (field) expect(error.extensions!.field).toBe(field);
        else expect(error.message).toMatch(/^Variable "\$\w+" got invalid value/);
        expect(await rows()).toEqual(before);
      });
    }
  }

  it('still takes good values of those scalars', async () => {
    const answer = await post(
      gateway(),
      'query ($d: DateTimeISO) { myTasks(dueBefore: $d) { totalCount } }',
      { d: '2030-01-01T00:00:00Z' },
      await token(['APPROVER'], [wenzhou]),
    );
    expect(answer.json).toMatchObject({ data: { myTasks: { totalCount: expect.any(Number) } } });
  });
});

const XY = 'WyJ4IiwieSJd'; // ["x","y"], the issue's
const NUL = encodeCursor(['温州\u0000', SOME_ID]);
const LISTS = [
  'organizations',
  'people',
  'auditTrail',
  'platformActivities',
  'liaisonVisits',
  'deliberationSessions',
  'jointMeetings',
  'loans',
  'mediationCases',
  'charityRecords',
  'investmentProjects',
];

describe('cursors no list gave out are BAD_USER_INPUT naming `after`', () => {
  const refused = async (list: string, cursor: string) => {
    const answer = await post(
      gateway(),
      `query ($a: String) { ${list}(after: $a) { totalCount } }`,
      { a: cursor },
      await token(['ADMIN']),
    );
    expectRefusal(answer, 'BAD_USER_INPUT');
    expect(answer.json!.errors![0].extensions!.field, list).toBe('after');
  };
  for (const list of ['myTasks', 'myNotifications', 'procurements', ...LISTS])
    it(`${list}: ["x","y"]`, () => refused(list, XY));
  for (const list of ['myTasks', 'myNotifications', 'procurements', ...LISTS])
    it(`${list}: a NUL inside a value`, () => refused(list, NUL));
  it('a nested list and a traversal: a NUL inside a value', async () => {
    for (const nested of ['relationshipsConnection', 'neighbors']) {
      const answer = await post(
        gateway(),
        `query ($id: ID!, $a: String) { organization(id: $id) { ${nested}(after: $a) { totalCount } } }`,
        { id: wenzhou, a: encodeCursor([1, 'a\u0000', SOME_ID]) },
        await token(['INTEGRATOR']),
      );
      expectRefusal(answer, 'BAD_USER_INPUT');
    }
  });
});

describe('_entities at a subgraph', () => {
  it('refuses representations that are not an entity of the subgraph with a UUID id', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    const admin = await token(['ADMIN']);
    for (const url of [inject('registryUrl'), inject('processesUrl')]) {
      for (const bad of [
        'x',
        [1, 2],
        { __typename: 'NoSuchType', id: SOME_ID },
        { __typename: 'Organization' },
        { __typename: 'Organization', id: 'not-a-uuid' },
        { __typename: 'Organization', id: 5 },
      ]) {
        const answer = await post(url, query, { r: [bad] }, admin);
        expectRefusal(answer, 'BAD_USER_INPUT');
        expect(answer.json!.errors![0].extensions!.field, JSON.stringify(bad)).toBe('representations');
      }
      const good = await post(url, query, { r: [{ __typename: 'Organization', id: wenzhou }] }, admin);
      expect(good.json, url).toEqual({ data: { _entities: [{ __typename: 'Organization' }] } });
    }
  });
});

describe('run ids', () => {
  it('processRun(id: "__main__", runId: "__main__") is BAD_USER_INPUT naming runId', async () => {
    const answer = await post(
      gateway(),
      '{ processRun(id: "__main__", runId: "__main__") { id } }',
      {},
      await token(['ADMIN']),
    );
    expectRefusal(answer, 'BAD_USER_INPUT');
    expect(answer.json!.errors![0].extensions!.field).toBe('runId');
  });
});

describe('tokens', () => {
  const secret = () => new TextEncoder().encode(inject('jwtSecret'));
  const now = () => Math.floor(Date.now() / 1000);
  const mint = (claims: { iat?: number; exp?: number }) => {
    const jwt = new SignJWT({ roles: ['ADMIN'], fed: orgId('federation') })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(HUB_ISSUER);
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(secret());
  };
  it('without exp, issued a day ahead, or living past TOKEN_MAX_LIFETIME_HOURS: 401 at the gateway and each subgraph', async () => {
    const tokens = [
      await mint({ iat: now() }),
      await mint({ iat: now() + 86_400, exp: now() + 90_000 }),
      await mint({ iat: now(), exp: now() + 30 * 86_400 }),
    ];
    for (const url of [gateway(), inject('registryUrl'), inject('processesUrl')])
      for (const bad of tokens) expectRefusal(await post(url, '{ __typename }', {}, bad), 'UNAUTHENTICATED', 401);
    expect((await post(gateway(), '{ __typename }', {}, await mint({ iat: now(), exp: now() + 3600 }))).status).toBe(
      200,
    );
  });
});
