import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, token } from './support/hub.js';
import { createRegistryClient } from '../services/processes/registry/client.js';
import { applicantFacts } from '../services/processes/evaluation/registry-facts.js';
import { eligibility } from '../services/processes/evaluation/eligibility.js';
import { bidderFacts } from '../services/processes/procurement/registry-facts.js';
import { bidderReasons } from '../services/processes/procurement/screening.js';

// What officers record through the API is what the processes decide on: the evaluation's
// eligibility and the procurement's screening read the facts through the registry's GraphQL
// (the worker's own client and functions), as they read the seeded ones.

const run = crypto.randomUUID().slice(0, 6);
const CAMPAIGN = { year: 2025, track: 'RATING' as const, asOf: '2025-01-01', rerateAfterTwoYears: false };
const CLOSING_DAY = '2025-06-30';
const BIDDING = { minimumGrade: null, minimumYearsRegistered: 2, kinds: ['INDUSTRY_ASSOCIATION'] };
let officer: string;
let organizationId: string;
const registry = () =>
  createRegistryClient(inject('registryUrl'), {
    jwtSecret: inject('jwtSecret'),
    subgraphSecrets: [inject('subgraphSecret')],
  });

async function write(query: string, variables: Record<string, unknown>) {
  const r = await gql(query, variables, officer);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data as Record<string, { id: string; version: number }>)[0];
}

/** The 2025 campaign's answer for the organisation, from the facts the campaign's activity reads. */
async function campaignAnswer() {
  const facts = (await applicantFacts(registry(), ['INDUSTRY_ASSOCIATION'], CAMPAIGN.asOf)).find(
    (o) => o.id === organizationId,
  )!;
  const verdict = eligibility(facts, CAMPAIGN);
  return verdict.eligible ? 'eligible' : verdict.reasons;
}

/** The screening's reasons for the organisation as a bidder on the closing day. */
async function screeningReasons() {
  const [{ bidder }] = await bidderFacts(registry(), [organizationId], CLOSING_DAY);
  return bidderReasons(bidder, BIDDING, CLOSING_DAY);
}

beforeAll(async () => {
  officer = await token(['FEDERATION_OFFICER'], [], 'officer-li');
  const created = await gql(
    'mutation($input: NewOrganization!) { createOrganization(input: $input) { id } }',
    {
      input: {
        name: `测试${run}行业协会`,
        kind: 'INDUSTRY_ASSOCIATION',
        regionCode: '330400',
        registeredOn: '2016-04-01',
      },
    },
    await token(['ADMIN']),
  );
  organizationId = created.data.createOrganization.id;
});

describe('facts recorded through the API', () => {
  it("change the evaluation's eligibility answer: inspections, list entries, penalties and their revocation", async () => {
    expect(await campaignAnswer()).toEqual(['2024 年度未参加年检']);

    const inspection = await write(
      'mutation($input: NewAnnualInspection!) { recordAnnualInspection(input: $input) { id version } }',
      { input: { organizationId, year: 2024, result: 'PASS' } },
    );
    expect(await campaignAnswer()).toBe('eligible');

    const failed = await write(
      'mutation($id: ID!, $v: Int!) { correctAnnualInspection(id: $id, version: $v, result: FAIL, reason: "复核不合格") { id version } }',
      { id: inspection.id, v: inspection.version },
    );
    expect(await campaignAnswer()).toEqual(['2024 年度年检不合格']);
    await write(
      'mutation($id: ID!, $v: Int!) { correctAnnualInspection(id: $id, version: $v, result: PASS, reason: "复核撤回") { id version } }',
      { id: failed.id, v: failed.version },
    );

    const listed = await write('mutation($input: NewListEntry!) { recordListEntry(input: $input) { id version } }', {
      input: { organizationId, list: 'ABNORMAL_ACTIVITY', listedOn: '2024-11-20', reason: '通过登记的住所无法联系' },
    });
    expect(await campaignAnswer()).toEqual(['列入活动异常名录（2024-11-20）']);
    await write(
      'mutation($id: ID!, $v: Int!) { removeListEntry(id: $id, version: $v, removedOn: "2024-12-20", reason: "已恢复联系") { id version } }',
      { id: listed.id, v: listed.version },
    );
    expect(await campaignAnswer()).toBe('eligible');

    const penalty = await write('mutation($input: NewPenalty!) { recordPenalty(input: $input) { id version } }', {
      input: {
        organizationId,
        decidedOn: '2024-08-15',
        authority: '嘉兴市民政局',
        kind: 'WARNING',
        documentNumber: `嘉民罚字〔2024〕${run}号`,
        description: '超出章程规定的宗旨和业务范围开展活动，予以警告',
      },
    });
    expect(await campaignAnswer()).toEqual(['2024 年受到行政处罚（2024-08-15）']);
    // The procurement's screening reads the same penalty on its closing day ...
    expect(await screeningReasons()).toEqual(['近三年内有重大违法记录：2024-08-15 受到嘉兴市民政局行政处罚']);

    await write(
      'mutation($id: ID!, $v: Int!) { revokePenalty(id: $id, version: $v, revokedOn: "2024-11-01", reason: "行政复议决定撤销") { id version } }',
      { id: penalty.id, v: penalty.version },
    );
    // ... and neither counts a revoked decision.
    expect(await campaignAnswer()).toBe('eligible');
    expect(await screeningReasons()).toEqual([]);
  });
});
