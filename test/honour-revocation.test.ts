import { describe, expect, it } from 'vitest';
import { codeOf, gql, sql, token } from './support/hub.js';

// An honour is "ended" by revoking it: it stops counting from revokedOn, the change is audited,
// and a stale version or an impossible date is refused without writing anything.

const name = `嘉兴市撤销测试协会${crypto.randomUUID().slice(0, 6)}`;
const FIND = `query ($name: String!, $asOf: String!) { organizations(filter: { nameContains: $name, honourLevel: PROVINCIAL, asOf: $asOf }) { totalCount } }`;

describe('revoking an honour', () => {
  it('stops the honour counting from revokedOn and audits the change', async () => {
    const admin = await token(['ADMIN'], [], 'admin-honours');
    const created = await gql(
      'mutation ($input: NewOrganization!) { createOrganization(input: $input) { id } }',
      { input: { name, kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } },
      admin,
    );
    const organizationId = created.data.createOrganization.id;
    const awarded = await gql(
      'mutation ($input: NewHonour!) { awardHonour(input: $input) { id version revokedOn } }',
      { input: { organizationId, level: 'PROVINCIAL', year: 2021 } },
      admin,
    );
    expect(awarded.errors).toBeUndefined();
    const { id, version } = awarded.data.awardHonour;
    const found = async (asOf: string) => (await gql(FIND, { name, asOf }, admin)).data.organizations.totalCount;
    expect(await found('2024-01-01')).toBe(1);

    const REVOKE =
      'mutation ($id: ID!, $version: Int!, $on: String!) { revokeHonour(id: $id, version: $version, revokedOn: $on) { revokedOn version } }';
    const audits = async () =>
      (await sql('select count(*)::int as n from registry.audit_entry where entity_id = $1', [id]))[0].n;
    const before = await audits();
    expect(codeOf(await gql(REVOKE, { id, version: version + 1, on: '2024-06-01' }, admin))).toBe('CONFLICT');
    expect(codeOf(await gql(REVOKE, { id, version, on: '2020-12-31' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(REVOKE, { id, version, on: '2024-02-30' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(REVOKE, { id, version, on: '2024-06-01' }, await token(['INTEGRATOR'])))).toBe('FORBIDDEN');
    expect(await audits()).toBe(before);
    expect((await sql('select revoked_on from registry.honour where id = $1', [id]))[0].revoked_on).toBeNull();

    const revoked = await gql(REVOKE, { id, version, on: '2024-06-01' }, admin);
    expect(revoked.data.revokeHonour).toEqual({ revokedOn: '2024-06-01', version: version + 1 });
    expect(await found('2024-05-31')).toBe(1);
    expect(await found('2024-06-01')).toBe(0);
    const [entry] = await sql(
      'select actor, action from registry.audit_entry where entity_id = $1 order by id desc limit 1',
      [id],
    );
    expect(entry).toEqual({ actor: 'admin-honours', action: 'END' });
    expect(codeOf(await gql(REVOKE, { id, version: version + 1, on: '2024-07-01' }, admin))).toBe('CONFLICT');
  });
});
