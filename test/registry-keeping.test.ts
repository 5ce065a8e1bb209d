import { beforeAll, describe, expect, it } from 'vitest';
import { gql, orgId, sql, token } from './support/hub.js';
import { keepingCalls } from './support/keeping.js';
import { todayInChina } from '../services/common/dates.js';

// Keeping the registry's facts through the gateway, as a Federation officer does: annual
// inspections, penalties, list entries, credit corrections. Each change has one audit entry
// with who and why; each refusal has its code, its field and a Chinese message, and writes
// nothing; a stale version is a CONFLICT.

const run = crypto.randomUUID().slice(0, 6);
let officer: string;
let admin: string;
let serial = 0;
const thisYear = Number(todayInChina().slice(0, 4));

const { ok, refused } = keepingCalls(() => officer);

const newAssociation = async (kind = 'INDUSTRY_ASSOCIATION') => {
  const r = await gql(
    'mutation($input: NewOrganization!) { createOrganization(input: $input) { id name } }',
    { input: { name: `测试${run}协会${serial++}`, kind, regionCode: '330400', registeredOn: '2012-05-01' } },
    admin,
  );
  return r.data.createOrganization as { id: string; name: string };
};
const audits = (entityId: string) =>
  sql('select actor, action, reason, before, after from registry.audit_entry where entity_id = $1 order by id', [
    entityId,
  ]);

beforeAll(async () => {
  officer = await token(['FEDERATION_OFFICER'], [], 'officer-li');
  admin = await token(['ADMIN'], [], 'admin-clerk');
});

describe("keeping the registry's facts", () => {
  it('is for Federation officers and admins: integrators and approvers get FORBIDDEN and nothing is written', async () => {
    const [id, version, day] = [orgId('wenzhou'), 1, '2024-01-01'];
    const samples: Record<string, Record<string, unknown>> = {
      recordAnnualInspection: { input: { organizationId: id, year: 2024, result: 'PASS' } },
      correctAnnualInspection: { id, version, result: 'PASS', reason: '更正' },
      recordPenalty: {
        input: {
          organizationId: id,
          decidedOn: day,
          authority: '嘉兴市民政局',
          kind: 'WARNING',
          documentNumber: 'X',
          description: 'X',
        },
      },
      correctPenalty: { id, version, input: {}, reason: '更正' },
      revokePenalty: { id, version, revokedOn: day, reason: '撤销' },
      recordListEntry: { input: { organizationId: id, list: 'ABNORMAL_ACTIVITY', listedOn: day, reason: '未年检' } },
      removeListEntry: { id, version, removedOn: day, reason: '移出' },
      correctListEntry: { id, version, input: {}, reason: '更正' },
      correctCreditEntry: { id, version, input: {}, reason: '更正' },
    };
    for (const as of [await token(['INTEGRATOR']), await token(['APPROVER'], [id])])
      for (const [name, variables] of Object.entries(samples))
        await refused(name, variables, 'FORBIDDEN', undefined, as);
  });

  it('records an inspection once per year, corrects it with a reason, and refuses a stale version', async () => {
    const org = await newAssociation();
    const recorded = await ok('recordAnnualInspection', {
      input: { organizationId: org.id, year: 2023, result: 'BASIC_PASS' },
      reason: '2023 年度年检结论公告',
    });
    expect(recorded).toMatchObject({ year: 2023, result: 'BASIC_PASS', version: 1, organization: org });
    const taken = await refused(
      'recordAnnualInspection',
      { input: { organizationId: org.id, year: 2023, result: 'PASS' } },
      'CONFLICT',
    );
    expect(taken.message).toContain('correctAnnualInspection');
    const corrected = await ok('correctAnnualInspection', {
      id: recorded.id,
      version: 1,
      result: 'PASS',
      reason: '民政局复核更正',
    });
    expect(corrected).toMatchObject({ result: 'PASS', version: 2 });
    await refused(
      'correctAnnualInspection',
      { id: recorded.id, version: 1, result: 'FAIL', reason: '再改' },
      'CONFLICT',
    );
    expect(await audits(recorded.id)).toEqual([
      expect.objectContaining({ actor: 'officer-li', action: 'CREATE', reason: '2023 年度年检结论公告', before: null }),
      expect.objectContaining({
        action: 'UPDATE',
        reason: '民政局复核更正',
        before: expect.objectContaining({ result: 'BASIC_PASS', version: 1 }),
        after: expect.objectContaining({ result: 'PASS', version: 2 }),
      }),
    ]);
    // Bad input, each naming its field in Chinese.
    await refused(
      'recordAnnualInspection',
      { input: { organizationId: org.id, year: thisYear, result: 'PASS' } },
      'BAD_USER_INPUT',
      'year',
    );
    await refused(
      'recordAnnualInspection',
      { input: { organizationId: org.id, year: 2011, result: 'PASS' } },
      'BAD_USER_INPUT',
      'year',
    );
    await refused(
      'recordAnnualInspection',
      { input: { organizationId: orgId('bank'), year: 2023, result: 'PASS' } },
      'BAD_USER_INPUT',
      'organizationId',
    );
    await refused(
      'correctAnnualInspection',
      { id: recorded.id, version: 2, result: 'FAIL', reason: ' ' },
      'BAD_USER_INPUT',
      'reason',
    );
    await refused(
      'correctAnnualInspection',
      { id: crypto.randomUUID(), version: 1, result: 'FAIL', reason: '更正' },
      'NOT_FOUND',
    );
  });

  it('records, corrects and revokes a penalty; a revoked one leaves the organisation’s list of penalties', async () => {
    const org = await newAssociation();
    const input = {
      organizationId: org.id,
      decidedOn: '2025-03-10',
      authority: '嘉兴市民政局',
      kind: 'FINE',
      documentNumber: `嘉民罚字〔2025〕${run}号`,
      description: '未按规定报送年度工作报告，罚款二千元',
    };
    const penalty = await ok('recordPenalty', { input, reason: '处罚决定书' });
    expect(penalty).toMatchObject({ kind: 'FINE', version: 1, revokedOn: null });
    await refused('recordPenalty', { input }, 'CONFLICT');
    await refused(
      'recordPenalty',
      { input: { ...input, documentNumber: 'A1', decidedOn: '2999-01-01' } },
      'BAD_USER_INPUT',
      'decidedOn',
    );
    await refused(
      'recordPenalty',
      { input: { ...input, documentNumber: 'A1', servedUntil: '2025-03-01' } },
      'BAD_USER_INPUT',
      'servedUntil',
    );
    await refused(
      'recordPenalty',
      { input: { ...input, documentNumber: 'A1', authority: '' } },
      'BAD_USER_INPUT',
      'authority',
    );
    const corrected = await ok('correctPenalty', {
      id: penalty.id,
      version: 1,
      input: { kind: 'SUSPENSION', servedUntil: '2025-09-09' },
      reason: '文书录入有误',
    });
    expect(corrected).toMatchObject({ kind: 'SUSPENSION', servedUntil: '2025-09-09', version: 2 });
    await refused(
      'revokePenalty',
      { id: penalty.id, version: 2, revokedOn: '2025-01-01', reason: '复议' },
      'BAD_USER_INPUT',
      'revokedOn',
    );
    const revoked = await ok('revokePenalty', {
      id: penalty.id,
      version: 2,
      revokedOn: '2025-06-01',
      reason: '行政复议决定撤销',
    });
    expect(revoked).toMatchObject({ revokedOn: '2025-06-01', version: 3 });
    await refused(
      'revokePenalty',
      { id: penalty.id, version: 3, revokedOn: '2025-06-02', reason: '再撤销' },
      'CONFLICT',
    );
    const lists = await gql(
      `query($id: ID!) { organization(id: $id) { penalties { id } all: penalties(includeRevoked: true) { id revokedOn } } }`,
      { id: org.id },
      officer,
    );
    expect(lists.data.organization).toEqual({ penalties: [], all: [{ id: penalty.id, revokedOn: '2025-06-01' }] });
    expect((await audits(penalty.id)).map((a) => [a.action, a.reason])).toEqual([
      ['CREATE', '处罚决定书'],
      ['UPDATE', '文书录入有误'],
      ['END', '行政复议决定撤销'],
    ]);
  });

  it('puts an organisation on a list once at a time, takes it off, and corrects an entry', async () => {
    const org = await newAssociation('GRASSROOTS_CHAMBER');
    const entry = await ok('recordListEntry', {
      input: {
        organizationId: org.id,
        list: 'ABNORMAL_ACTIVITY',
        listedOn: '2024-04-01',
        reason: '未按规定报送年度工作报告',
      },
    });
    expect(entry).toMatchObject({ listedOn: '2024-04-01', removedOn: null, version: 1 });
    const overlap = await refused(
      'recordListEntry',
      { input: { organizationId: org.id, list: 'ABNORMAL_ACTIVITY', listedOn: '2025-01-01', reason: '再次列入' } },
      'CONFLICT',
    );
    expect(overlap.message).toContain('尚未移出');
    await refused(
      'removeListEntry',
      { id: entry.id, version: 1, removedOn: '2024-04-01', reason: '已补报' },
      'BAD_USER_INPUT',
      'removedOn',
    );
    const removed = await ok('removeListEntry', {
      id: entry.id,
      version: 1,
      removedOn: '2024-10-08',
      reason: '已补报年度工作报告',
    });
    expect(removed).toMatchObject({ removedOn: '2024-10-08', removalReason: '已补报年度工作报告', version: 2 });
    // After the stay, another may begin; the first cannot then be stretched over it.
    const again = await ok('recordListEntry', {
      input: { organizationId: org.id, list: 'ABNORMAL_ACTIVITY', listedOn: '2025-02-01', reason: '再次未报送' },
    });
    await refused(
      'correctListEntry',
      { id: entry.id, version: 2, input: { removedOn: null }, reason: '误移出' },
      'CONFLICT',
    );
    const corrected = await ok('correctListEntry', {
      id: again.id,
      version: 1,
      input: { listedOn: '2025-02-03', reason: '未按规定报送 2024 年度工作报告' },
      reason: '列入日期以决定书为准',
    });
    expect(corrected).toMatchObject({ listedOn: '2025-02-03', version: 2 });
    await refused(
      'recordListEntry',
      { input: { organizationId: orgId('bank'), list: 'SERIOUS_VIOLATION', listedOn: '2025-01-01', reason: 'x' } },
      'BAD_USER_INPUT',
      'organizationId',
    );
    const listed = await gql(
      `query($id: ID!) { listEntries(organizationId: $id, activeOn: "2025-06-01") { totalCount edges { node { id organization { id } } } } }`,
      { id: org.id },
      officer,
    );
    expect(listed.data.listEntries.edges.map((e: any) => e.node)).toEqual([
      { id: again.id, organization: { id: org.id } },
    ]);
  });

  it('corrects a credit-record entry written by a process, saying why', async () => {
    const org = await newAssociation();
    const written = await gql(
      `mutation($input: CreditEntryWrite!, $key: String!) { recordCreditEntry(input: $input, idempotencyKey: $key) { id version } }`,
      {
        input: {
          organizationId: org.id,
          kind: 'CONTRACT',
          summary: '签订政府购买服务合同',
          recordedOn: '2025-05-06',
          source: 'procurement-x',
        },
        key: `test-${run}-credit`,
      },
      admin,
    );
    const { id } = written.data.recordCreditEntry;
    const corrected = await ok('correctCreditEntry', {
      id,
      version: 1,
      input: { summary: '签订政府购买服务合同（人民调解）' },
      reason: '摘要补全',
    });
    expect(corrected).toMatchObject({ summary: '签订政府购买服务合同（人民调解）', version: 2 });
    await refused(
      'correctCreditEntry',
      { id, version: 2, input: { outcome: 'FAIL' }, reason: '更正' },
      'BAD_USER_INPUT',
      'outcome',
    );
    await refused('correctCreditEntry', { id, version: 1, input: { summary: '再改' }, reason: '更正' }, 'CONFLICT');
    const trail = await gql(
      `query($id: ID!) { auditTrail(entityType: "CreditEntry", entityId: $id) { edges { node { action reason actor } } } }`,
      { id },
      officer,
    );
    expect(trail.data.auditTrail.edges.map((e: any) => e.node)).toEqual([
      { action: 'UPDATE', reason: '摘要补全', actor: 'officer-li' },
      { action: 'CREATE', reason: null, actor: 'admin-clerk' },
    ]);
  });

  it("answers an organisation's history: its own changes and those of its facts, newest first, and no other's", async () => {
    const org = await newAssociation();
    const other = await newAssociation();
    const inspection = await ok('recordAnnualInspection', {
      input: { organizationId: org.id, year: 2022, result: 'PASS' },
      reason: '2022 年度年检结论公告',
    });
    await ok('correctAnnualInspection', { id: inspection.id, version: 1, result: 'FAIL', reason: '民政局复核更正' });
    await ok('recordAnnualInspection', { input: { organizationId: other.id, year: 2022, result: 'PASS' } });
    const history = await gql(
      `query($id: ID!) { auditTrail(organizationId: $id) { totalCount edges { node { entityType entityId action reason before after } } } }`,
      { id: org.id },
      officer,
    );
    expect(history.errors).toBeUndefined();
    expect(history.data.auditTrail.totalCount).toBe(3);
    expect(history.data.auditTrail.edges.map((e: any) => [e.node.entityType, e.node.action, e.node.reason])).toEqual([
      ['AnnualInspection', 'UPDATE', '民政局复核更正'],
      ['AnnualInspection', 'CREATE', '2022 年度年检结论公告'],
      ['Organization', 'CREATE', null],
    ]);
    expect(history.data.auditTrail.edges[0].node).toMatchObject({
      before: { result: 'PASS' },
      after: { result: 'FAIL' },
    });
    const bad = await gql('{ auditTrail(organizationId: "x") { totalCount } }', {}, officer);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
