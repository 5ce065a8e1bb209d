import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, orgId, sql, token } from './support/hub.js';
import { AGENCY_LIST, SERVICE_CATEGORIES } from '../infra/seed/data/agencies.js';

// What government procurement (issue 9, §1) reads and writes in the registry, through the
// gateway: the seeded agencies with their head and officers, the guidance catalogue, and a
// contract and its performance written back to the provider's credit record once per key.

const tag = crypto.randomUUID().slice(0, 8);
let reader: string;
let system: string;

const AGENCY = `query ($id: ID!) { organization(id: $id) { name kind regionCode creditCode
  heads: positions(role: AGENCY_HEAD) { person { name } } officers: positions(role: AGENCY_OFFICER) { person { name } } } }`;
const CREDIT =
  'mutation ($input: CreditEntryWrite!, $key: String!) { recordCreditEntry(input: $input, idempotencyKey: $key) { id kind summary recordedOn source } }';
const RECORD = 'query ($id: ID!) { organization(id: $id) { creditRecord { id kind summary recordedOn source } } }';

beforeAll(async () => {
  reader = await token(['INTEGRATOR']);
  system = await token(['SYSTEM'], [], 'system:procurement-test');
});

describe('procurement facts in the registry', () => {
  it('lists the guidance catalogue by code for any role', async () => {
    for (const roles of [['INTEGRATOR'], ['APPROVER'], ['SYSTEM']] as const) {
      const r = await gql('{ serviceCategories { id code name description } }', {}, await token([...roles]));
      expect(r.errors).toBeUndefined();
      expect(r.data.serviceCategories.map((c: { code: string; name: string }) => [c.code, c.name])).toEqual(
        SERVICE_CATEGORIES.map((c) => [c.code, c.name]).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    const names = (await gql('{ serviceCategories { name } }', {}, reader)).data.serviceCategories.map(
      (c: { name: string }) => c.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        '行业调查与统计分析',
        '行业标准制定',
        '职业技能培训',
        '法律咨询与纠纷调解',
        '会展与招商服务',
        '政策宣传与评估',
      ]),
    );
  });

  it("holds the city's agencies, each with one head and one or two officers", async () => {
    expect(AGENCY_LIST.map((a) => a.name)).toEqual([
      '嘉兴市民政局',
      '嘉兴市商务局',
      '嘉兴市人力资源和社会保障局',
      '嘉兴市经济和信息化局',
      '嘉兴市市场监督管理局',
    ]);
    for (const agency of AGENCY_LIST) {
      const r = await gql(AGENCY, { id: orgId(agency.key) }, reader);
      expect(r.errors).toBeUndefined();
      const o = r.data.organization;
      expect(o).toMatchObject({ name: agency.name, kind: 'GOVERNMENT_AGENCY', regionCode: '330400' });
      expect(o.creditCode).toMatch(/^11330400/);
      expect(o.heads.map((p: { person: { name: string } }) => p.person.name)).toEqual([agency.head.name]);
      expect(o.officers.map((p: { person: { name: string } }) => p.person.name).sort()).toEqual(
        agency.officers.map((p) => p.name).sort(),
      );
      expect(o.officers.length).toBeGreaterThanOrEqual(1);
      expect(o.officers.length).toBeLessThanOrEqual(2);
    }
    // The kind filter finds them (other test files may add agencies of their own).
    const listed = await gql(
      '{ organizations(first: 100, filter: { kind: GOVERNMENT_AGENCY, region: "330400" }) { edges { node { id } } } }',
      {},
      reader,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.organizations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      expect.arrayContaining(AGENCY_LIST.map((a) => orgId(a.key))),
    );
  });

  it("writes a contract and its performance to the provider's credit record once per key", async () => {
    const admin = await token(['ADMIN']);
    // A provider of its own, so its credit record holds only this test's entries.
    const created = await gql(
      'mutation ($input: NewOrganization!) { createOrganization(input: $input) { id } }',
      {
        input: {
          name: `嘉兴市采购测试协会${tag}`,
          kind: 'INDUSTRY_ASSOCIATION',
          regionCode: '330400',
          registeredOn: '2015-04-01',
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const provider = created.data.createOrganization.id;
    const source = `procurement-test-${tag}`;
    const entries = [
      { kind: 'CONTRACT', summary: '嘉兴市民政局 行业调查与统计分析 合同 12.5万元', recordedOn: '2026-03-02' },
      { kind: 'PERFORMANCE', summary: '履约评价：优秀（92分）', recordedOn: '2026-12-20' },
    ];
    const ids: string[] = [];
    for (const entry of entries) {
      const key = `procurement:${tag}:${entry.kind}`;
      const input = { organizationId: provider, source, ...entry };
      // Twice at once and once more: a retried activity finds its first write.
      const answers = [
        ...(await Promise.all([gql(CREDIT, { input, key }, system), gql(CREDIT, { input, key }, system)])),
        await gql(CREDIT, { input, key }, system),
      ];
      for (const a of answers) expect(a.errors).toBeUndefined();
      expect(new Set(answers.map((a) => a.data.recordCreditEntry.id)).size).toBe(1);
      expect(
        (await sql('select count(*)::int as n from registry.credit_entry where idempotency_key = $1', [key]))[0].n,
      ).toBe(1);
      ids.push(answers[0].data.recordCreditEntry.id);
    }
    const record = await gql(RECORD, { id: provider }, reader);
    expect(record.errors).toBeUndefined();
    // Newest first.
    expect(record.data.organization.creditRecord).toEqual([
      { id: ids[1], source, ...entries[1] },
      { id: ids[0], source, ...entries[0] },
    ]);
    // Readers may not write it.
    const refused = await gql(
      CREDIT,
      { input: { organizationId: provider, source, ...entries[0] }, key: `procurement:${tag}:reader` },
      reader,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});
