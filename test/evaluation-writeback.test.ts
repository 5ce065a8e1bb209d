import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, sql, token } from './support/hub.js';

// The evaluation's write-back (issue 8, §3) through the gateway: SYSTEM or ADMIN only, each
// write once per idempotency key (again, and at the same time), refusals naming their field,
// every write audited, and statistics for the campaign's year showing the result.

const tag = crypto.randomUUID().slice(0, 8);
const CAMPAIGN = `evaluation-test-${tag}`;
let system: string;
let reader: string;
let organizationId: string;

const RATING = `mutation ($input: RatingWrite!, $key: String!) { recordRating(input: $input, idempotencyKey: $key) {
  id grade awardedOn awardedBy campaign validUntil organization { id } } }`;
const HONOUR = `mutation ($input: HonourWrite!, $key: String!) { recordHonour(input: $input, idempotencyKey: $key) {
  id level year title validUntil campaign a: inForce(asOf: "2025-12-31") b: inForce(asOf: "2026-01-01") } }`;
const CREDIT =
  'mutation ($input: CreditEntryWrite!, $key: String!) { recordCreditEntry(input: $input, idempotencyKey: $key) { id kind summary recordedOn source } }';
const GRANT =
  'mutation ($input: RewardGrantWrite!, $key: String!) { recordRewardGrant(input: $input, idempotencyKey: $key) { id year amountFen reason campaign } }';
const STATISTICS = `query ($asOf: String!) { statistics(asOf: $asOf) { fourGoodChambers { byLevel { level count } }
  ratings { byGrade { grade count } } rewardFund { grants granted { fen } } } }`;

const rows = async (table: string, key: string) =>
  (await sql(`select count(*)::int as n from registry.${table} where idempotency_key = $1`, [key]))[0].n;
const audits = async (id: string) =>
  await sql('select actor, action from registry.audit_entry where entity_id = $1', [id]);
async function statistics(asOf: string) {
  const r = await gql(STATISTICS, { asOf }, reader);
  expect(r.errors).toBeUndefined();
  return r.data.statistics;
}
const countOf = (list: { count: number; [k: string]: unknown }[], key: string, value: string) =>
  list.find((x) => x[key] === value)!.count;

/** Twice in a row and twice at once: always the first write's id, and one row. */
async function onceOnly(mutation: string, field: string, input: object, table: string) {
  const key = `${field}:${tag}:${crypto.randomUUID().slice(0, 6)}`;
  const [a, b] = await Promise.all([gql(mutation, { input, key }, system), gql(mutation, { input, key }, system)]);
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  const again = await gql(mutation, { input, key }, system);
  expect(new Set([a, b, again].map((r) => r.data[field].id)).size).toBe(1);
  expect(await rows(table, key)).toBe(1);
  expect(await audits(a.data[field].id)).toEqual([{ actor: 'system:evaluation-test', action: 'CREATE' }]);
  return a.data[field];
}

beforeAll(async () => {
  system = await token(['SYSTEM'], [], 'system:evaluation-test');
  reader = await token(['INTEGRATOR']);
  const admin = await token(['ADMIN']);
  // A city-level association of its own, so the statistics' differences are this test's alone.
  const created = await gql(
    'mutation ($input: NewOrganization!) { createOrganization(input: $input) { id registeredOn } }',
    {
      input: {
        name: `嘉兴市写回测试协会${tag}`,
        kind: 'INDUSTRY_ASSOCIATION',
        regionCode: '330400',
        registeredOn: '2015-04-01',
      },
    },
    admin,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.createOrganization.registeredOn).toBe('2015-04-01');
  organizationId = created.data.createOrganization.id;
});

describe('evaluation write-back', () => {
  it('records a grade once per key, with its campaign, and statistics for its year count it', async () => {
    const before = await statistics('2023-12-31');
    const rating = await onceOnly(
      RATING,
      'recordRating',
      { organizationId, grade: 'A4', awardedOn: '2023-03-15', awardedBy: '嘉兴市工商联', campaign: CAMPAIGN },
      'rating',
    );
    expect(rating).toMatchObject({
      grade: 'A4',
      campaign: CAMPAIGN,
      validUntil: '2028-03-15',
      organization: { id: organizationId },
    });
    const after = await statistics('2023-12-31');
    expect(countOf(after.ratings.byGrade, 'grade', 'A4') - countOf(before.ratings.byGrade, 'grade', 'A4')).toBe(1);
  });

  it('records an honour once per key, valid through 31 December of year + 2', async () => {
    const before = await statistics('2023-12-31');
    const honour = await onceOnly(
      HONOUR,
      'recordHonour',
      { organizationId, level: 'MUNICIPAL', year: 2023, campaign: CAMPAIGN },
      'honour',
    );
    expect(honour).toMatchObject({
      title: '四好商会',
      validUntil: '2025-12-31',
      campaign: CAMPAIGN,
      a: true,
      b: false,
    });
    const after = await statistics('2023-12-31');
    expect(
      countOf(after.fourGoodChambers.byLevel, 'level', 'MUNICIPAL') -
        countOf(before.fourGoodChambers.byLevel, 'level', 'MUNICIPAL'),
    ).toBe(1);
    const found = async (asOf: string) =>
      (
        await gql(
          `query ($asOf: String!) { organizations(filter: { nameContains: "写回测试协会${tag}", honourLevel: MUNICIPAL, asOf: $asOf }) { totalCount } }`,
          { asOf },
          reader,
        )
      ).data.organizations.totalCount;
    expect([await found('2022-12-31'), await found('2025-12-31'), await found('2026-01-01')]).toEqual([0, 1, 0]);
  });

  it("records credit entries and reward grants once per key; the grants show in the fund's year", async () => {
    await onceOnly(
      CREDIT,
      'recordCreditEntry',
      {
        organizationId,
        kind: 'RATING',
        summary: '2023年度社会组织评估 4A',
        recordedOn: '2023-03-20',
        source: CAMPAIGN,
      },
      'credit_entry',
    );
    await onceOnly(
      CREDIT,
      'recordCreditEntry',
      { organizationId, kind: 'HONOUR', summary: '2023年度市级四好商会', recordedOn: '2023-04-02', source: CAMPAIGN },
      'credit_entry',
    );
    const before = (await statistics('2023-12-31')).rewardFund;
    await onceOnly(
      GRANT,
      'recordRewardGrant',
      { organizationId, year: 2023, amountFen: 5_000_000, reason: '评估等级4A奖励', campaign: CAMPAIGN },
      'reward_grant',
    );
    const after = (await statistics('2023-12-31')).rewardFund;
    expect([after.grants - before.grants, after.granted.fen - before.granted.fen]).toEqual([1, 5_000_000]);
    const r = await gql(
      `{ organization(id: "${organizationId}") { creditRecord { kind recordedOn } rewardGrants { amountFen campaign } ratings { campaign } } }`,
      {},
      reader,
    );
    expect(r.data.organization.creditRecord).toEqual([
      { kind: 'HONOUR', recordedOn: '2023-04-02' },
      { kind: 'RATING', recordedOn: '2023-03-20' },
    ]);
    expect(r.data.organization.rewardGrants).toEqual([{ amountFen: 5_000_000, campaign: CAMPAIGN }]);
  });

  it('refuses bad input with its field, writing nothing', async () => {
    const rating = {
      organizationId,
      grade: 'A3',
      awardedOn: '2023-03-15',
      awardedBy: '嘉兴市工商联',
      campaign: CAMPAIGN,
    };
    const cases: [string, object, string, string][] = [
      [RATING, { ...rating, organizationId: orgId('bank') }, 'organizationId', 'a bank is not a social organization'],
      [RATING, { ...rating, awardedOn: '2023-02-30' }, 'awardedOn', 'not a day'],
      [RATING, { ...rating, campaign: ' ' }, 'campaign', 'empty'],
      [HONOUR, { organizationId, level: 'MUNICIPAL', year: 2099, campaign: CAMPAIGN }, 'year', 'a year to come'],
      [
        CREDIT,
        { organizationId, kind: 'PENALTY', summary: 'x\u0000', recordedOn: '2023-01-01', source: 's' },
        'summary',
        'control character',
      ],
      [
        GRANT,
        { organizationId, year: 2023, amountFen: 0, reason: 'r', campaign: CAMPAIGN },
        'amountFen',
        'nothing to pay',
      ],
      [
        GRANT,
        { organizationId: 'not-a-uuid', year: 2023, amountFen: 1, reason: 'r', campaign: CAMPAIGN },
        'organizationId',
        'malformed id',
      ],
    ];
    for (const [mutation, input, field, why] of cases) {
      const key = `refused:${tag}:${field}:${crypto.randomUUID().slice(0, 6)}`;
      const r = await gql(mutation, { input, key }, system);
      expect([codeOf(r), r.errors?.[0]?.extensions?.field], why).toEqual(['BAD_USER_INPUT', field]);
    }
    const badKey = await gql(RATING, { input: rating, key: 'has spaces' }, system);
    expect([codeOf(badKey), badKey.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
    const missing = await gql(
      RATING,
      { input: { ...rating, organizationId: '00000000-0000-4000-8000-00000000dead' }, key: `missing:${tag}` },
      system,
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(
      (
        await sql(`select count(*)::int as n from registry.audit_entry where after ->> 'idempotencyKey' like $1`, [
          `refused:${tag}%`,
        ])
      )[0].n,
    ).toBe(0);
  });

  it('takes write-backs from SYSTEM and ADMIN only', async () => {
    const input = {
      organizationId,
      kind: 'CONTRACT',
      summary: '政府购买服务合同',
      recordedOn: '2023-05-01',
      source: 'test',
    };
    for (const roles of [['INTEGRATOR'], ['APPROVER']] as const) {
      const key = `forbidden:${tag}:${roles[0]}`;
      expect(codeOf(await gql(CREDIT, { input, key }, await token([...roles], [organizationId]))), roles[0]).toBe(
        'FORBIDDEN',
      );
      expect(await rows('credit_entry', key)).toBe(0);
    }
    const byAdmin = await gql(CREDIT, { input, key: `admin:${tag}` }, await token(['ADMIN']));
    expect(byAdmin.errors).toBeUndefined();
  });
});
