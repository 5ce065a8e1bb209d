import { beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { codeOf, gql, orgId, sql, token, type GraphQLResponse } from './support/hub.js';
import { makeCreditCode } from '../services/registry/credit-code.js';
import { createRegistryOrm } from '../services/registry/orm.js';
import { Person } from '../services/registry/entities/person.js';
import { auditedUpdate } from '../services/registry/audit.js';

// The admin's mutations through the gateway: each change comes with exactly one audit entry;
// each refusal carries its code (and field) and leaves every registry table as it was; stale
// versions are refused; the change and its audit entry commit together or not at all.

const run = crypto.randomUUID().slice(0, 6);
let admin: string;
let serial = 0;
const ORG = 'id name shortName englishName kind regionCode homeRegionCode creditCode endedOn version';
const DATED = 'id validFrom validTo version';

/** Each mutation's parameters and the fields asked back. */
const SIGNATURES: Record<string, [string, string]> = {
  createOrganization: ['input: NewOrganization!', ORG],
  updateOrganization: ['id: ID!, version: Int!, input: OrganizationPatch!', ORG],
  endOrganization: ['id: ID!, version: Int!, endedOn: String!', ORG],
  createPerson: ['input: NewPerson!', 'id name englishName version'],
  updatePerson: ['id: ID!, version: Int!, input: PersonPatch!', 'id name englishName version'],
  createPosition: ['input: NewPosition!', `${DATED} role person { id } organization { id }`],
  updatePosition: ['id: ID!, version: Int!, input: PositionPatch!', `${DATED} role`],
  endPosition: ['id: ID!, version: Int!, validTo: String!', DATED],
  createRelationship: ['input: NewRelationship!', `${DATED} type attributes from { id } to { id }`],
  updateRelationship: ['id: ID!, version: Int!, input: RelationshipPatch!', `${DATED} attributes`],
  endRelationship: ['id: ID!, version: Int!, validTo: String!', DATED],
  awardRating: ['input: NewRating!', 'id grade awardedOn awardedBy revokedOn version organization { id }'],
  updateRating: ['id: ID!, version: Int!, input: RatingPatch!', 'id grade awardedOn version'],
  revokeRating: ['id: ID!, version: Int!, revokedOn: String!', 'id revokedOn version'],
  awardHonour: ['input: NewHonour!', 'id level year title version'],
  updateHonour: ['id: ID!, version: Int!, input: HonourPatch!', 'id level year title version'],
};

function mutation(name: string): string {
  const [params, fields] = SIGNATURES[name];
  const names = params.split(', ').map((p) => p.split(':')[0]);
  return `mutation(${params
    .split(', ')
    .map((p) => `$${p}`)
    .join(', ')}) { ${name}(${names.map((n) => `${n}: $${n}`).join(', ')}) { ${fields} } }`;
}

const call = (name: string, variables: Record<string, unknown>, as = admin) => gql(mutation(name), variables, as);

/** Succeeds, and gives the mutation's answer. */
async function ok(name: string, variables: Record<string, unknown>, as = admin) {
  const r = await call(name, variables, as);
  expect(r.errors, `${name} ${JSON.stringify(r.errors)}`).toBeUndefined();
  return r.data[name];
}

const TABLES = ['organization', 'person', 'position', 'relationship', 'rating', 'honour', 'audit_entry'];
/** A digest of every row of every table the mutations touch: any write changes it. */
const fingerprint = async () =>
  (
    await sql(
      `select ${TABLES.map((t) => `(select md5(coalesce(string_agg(r::text, '|' order by r.id), '')) from registry.${t} r) as ${t}`).join(', ')}`,
    )
  )[0];

/** Refused with `code` (and `field`), no data, and not one row written or changed. */
async function refused(
  name: string,
  variables: Record<string, unknown>,
  code: string,
  field?: string,
  as = admin,
): Promise<GraphQLResponse> {
  const before = await fingerprint();
  const r = await call(name, variables, as);
  expect(codeOf(r), `${name} ${JSON.stringify(variables)} → ${JSON.stringify(r.errors ?? r.data)}`).toBe(code);
  if (field) expect(r.errors![0].extensions!.field).toBe(field);
  expect(r.data).toBeNull();
  expect(await fingerprint()).toEqual(before);
  return r;
}

const creditCode = () =>
  makeCreditCode(
    '5',
    '1',
    '330400',
    `${run}${String(serial++).padStart(3, '0')}`.toUpperCase().replace(/[IOSVZ]/g, 'A'),
  );
const newOrg = (kind = 'INDUSTRY_ASSOCIATION', extra: Record<string, unknown> = {}) =>
  ok('createOrganization', {
    input: { name: `测试${run}协会${serial++}`, kind, regionCode: '330400', creditCode: creditCode(), ...extra },
  });
const newPerson = () => ok('createPerson', { input: { name: `测试${run}人${serial++}` } });
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  for (const started = Date.now(); !(await condition()); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
  }
}
const audits = (entityId: string) =>
  sql('select actor, action, entity_type, before, after from registry.audit_entry where entity_id = $1 order by id', [
    entityId,
  ]);

beforeAll(async () => {
  admin = await token(['ADMIN'], [], 'admin-clerk');
});

describe('registry admin mutations', () => {
  it('are for admins only: integrators and approvers get FORBIDDEN and nothing is written', async () => {
    const [id, version, day] = [orgId('wenzhou'), 1, '2020-01-01'];
    const samples: Record<string, Record<string, unknown>> = {
      createOrganization: { input: { name: '某协会', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } },
      updateOrganization: { id, version, input: { shortName: '某' } },
      endOrganization: { id, version, endedOn: day },
      createPerson: { input: { name: '某人' } },
      updatePerson: { id, version, input: { name: '某人' } },
      createPosition: { input: { personId: id, organizationId: id, role: 'PRESIDENT', validFrom: day } },
      updatePosition: { id, version, input: {} },
      endPosition: { id, version, validTo: day },
      createRelationship: { input: { type: 'MEMBER_OF', fromId: id, toId: orgId('federation'), validFrom: day } },
      updateRelationship: { id, version, input: {} },
      endRelationship: { id, version, validTo: day },
      awardRating: { input: { organizationId: id, grade: 'A5', awardedOn: day } },
      updateRating: { id, version, input: {} },
      revokeRating: { id, version, revokedOn: day },
      awardHonour: { input: { organizationId: id, level: 'MUNICIPAL', year: 2019 } },
      updateHonour: { id, version, input: {} },
    };
    for (const as of [await token(['INTEGRATOR']), await token(['APPROVER'], [id])]) {
      for (const [name, variables] of Object.entries(samples))
        await refused(name, variables, 'FORBIDDEN', undefined, as);
      expect(codeOf(await gql('{ auditTrail { totalCount } }', {}, as))).toBe('FORBIDDEN');
    }
  });

  it('creates, updates and ends an organization, with one audit entry per change, newest first in the trail', async () => {
    const org = await newOrg();
    expect(await audits(org.id)).toEqual([
      {
        actor: 'admin-clerk',
        action: 'CREATE',
        entity_type: 'Organization',
        before: null,
        after: expect.objectContaining({ name: org.name, version: 1 }),
      },
    ]);
    const updated = await ok('updateOrganization', {
      id: org.id,
      version: 1,
      input: { shortName: '测试会', englishName: 'Test' },
    });
    expect(updated).toMatchObject({ shortName: '测试会', englishName: 'Test', name: org.name, version: 2 });
    // Nothing to change: nothing written, not even an audit entry.
    expect(await ok('updateOrganization', { id: org.id, version: 2, input: { shortName: '测试会' } })).toMatchObject({
      version: 2,
    });
    const ended = await ok('endOrganization', { id: org.id, version: 2, endedOn: '2026-03-31' });
    expect(ended).toMatchObject({ endedOn: '2026-03-31', version: 3 });

    const entries = await audits(org.id);
    expect(entries.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'END']);
    expect(entries[1]!.before).toMatchObject({ shortName: null, version: 1 });
    expect(entries[1]!.after).toMatchObject({ shortName: '测试会', version: 2 });
    expect(entries[2]!.after).toMatchObject({ endedOn: '2026-03-31', version: 3 });

    const stale = await refused('updateOrganization', { id: org.id, version: 1, input: { name: '改名' } }, 'CONFLICT');
    expect(stale.errors![0].message).toMatch(/was changed by someone else.*reload/);
    await refused('endOrganization', { id: org.id, version: 3, endedOn: '2026-04-01' }, 'CONFLICT');

    const TRAIL =
      'query($t: String, $e: ID, $after: String) { auditTrail(entityType: $t, entityId: $e, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { action actor entityType } } } }';
    const first = (await gql(TRAIL, { t: 'Organization', e: org.id }, admin)).data.auditTrail;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.action)).toEqual(['END', 'UPDATE']);
    const second = (await gql(TRAIL, { t: 'Organization', e: org.id, after: first.pageInfo.endCursor }, admin)).data
      .auditTrail;
    expect(second.edges.map((e: any) => e.node)).toEqual([
      { action: 'CREATE', actor: 'admin-clerk', entityType: 'Organization' },
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await gql(TRAIL, { t: 'Organisation' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(TRAIL, { e: 'not-an-id' }, admin))).toBe('BAD_USER_INPUT');
  });

  it('refuses bad organization input, naming the field, and writes nothing', async () => {
    const base = { name: `测试${run}新协会`, kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' };
    const valid = creditCode();
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    await refused('createOrganization', { input: { ...base, creditCode: wrongCheck } }, 'BAD_USER_INPUT', 'creditCode');
    await refused('createOrganization', { input: { ...base, regionCode: '330499' } }, 'BAD_USER_INPUT', 'regionCode');
    await refused(
      'createOrganization',
      { input: { ...base, homeRegionCode: '330300' } },
      'BAD_USER_INPUT',
      'homeRegionCode',
    );
    await refused('createOrganization', { input: { ...base, name: '  ' } }, 'BAD_USER_INPUT', 'name');
    const org = await newOrg();
    const update = (input: Record<string, unknown>) => ({ id: org.id, version: 1, input });
    await refused('updateOrganization', update({ creditCode: wrongCheck }), 'BAD_USER_INPUT', 'creditCode');
    await refused('updateOrganization', update({ regionCode: '000000' }), 'BAD_USER_INPUT', 'regionCode');
    await refused('updateOrganization', update({ name: null }), 'BAD_USER_INPUT', 'name');
    await refused('updateOrganization', { ...update({}), id: '42' }, 'BAD_USER_INPUT', 'id');
    await refused('updateOrganization', { ...update({}), id: crypto.randomUUID() }, 'NOT_FOUND');
    await refused('endOrganization', { id: org.id, version: 1, endedOn: '2026-02-30' }, 'BAD_USER_INPUT', 'endedOn');
    // A credit code is one organization's: CONFLICT, whether on creating or on changing.
    await refused('createOrganization', { input: { ...base, creditCode: org.creditCode } }, 'CONFLICT');
    const other = await newOrg();
    await refused(
      'updateOrganization',
      { id: other.id, version: 1, input: { creditCode: org.creditCode } },
      'CONFLICT',
    );
  });

  it('adds people and positions; refuses unknown ids, malformed dates and an end before the start', async () => {
    const [person, org] = [await newPerson(), await newOrg()];
    expect(await ok('updatePerson', { id: person.id, version: 1, input: { englishName: 'Zhang San' } })).toMatchObject({
      version: 2,
    });
    await refused('updatePerson', { id: person.id, version: 2, input: { name: ' ' } }, 'BAD_USER_INPUT', 'name');
    const input = { personId: person.id, organizationId: org.id, role: 'SECRETARY_GENERAL', validFrom: '2020-01-01' };
    await refused('createPosition', { input: { ...input, validTo: '2019-12-31' } }, 'BAD_USER_INPUT', 'validTo');
    await refused('createPosition', { input: { ...input, personId: crypto.randomUUID() } }, 'NOT_FOUND');
    await refused(
      'createPosition',
      { input: { ...input, organizationId: 'wenzhou' } },
      'BAD_USER_INPUT',
      'organizationId',
    );
    for (const day of ['2020/01/01', '2023-02-29', '2020-1-1']) {
      await refused('createPosition', { input: { ...input, validFrom: day } }, 'BAD_USER_INPUT', 'validFrom');
    }
    const position = await ok('createPosition', { input });
    expect(position).toMatchObject({
      person: { id: person.id },
      organization: { id: org.id },
      validTo: null,
      version: 1,
    });
    await refused(
      'updatePosition',
      { id: position.id, version: 1, input: { validTo: '2019-01-01' } },
      'BAD_USER_INPUT',
      'validTo',
    );
    await refused('endPosition', { id: position.id, version: 1, validTo: '2019-06-30' }, 'BAD_USER_INPUT', 'validTo');
    expect(await ok('endPosition', { id: position.id, version: 1, validTo: '2024-06-30' })).toMatchObject({
      validTo: '2024-06-30',
      version: 2,
    });
    await refused('endPosition', { id: position.id, version: 2, validTo: '2025-06-30' }, 'CONFLICT');
    expect((await audits(position.id)).map((e) => e.action)).toEqual(['CREATE', 'END']);
  });

  it('refuses self edges, overlapping duplicates (both ways for pairings) and badly typed attributes', async () => {
    const [a, b] = [await newOrg(), await newOrg('BANK_BRANCH')];
    const pairing = {
      type: 'BANK_PAIRING',
      fromId: a.id,
      toId: b.id,
      validFrom: '2019-06-01',
      attributes: { agreement: '结对共建协议' },
    };
    await refused('createRelationship', { input: { ...pairing, toId: a.id } }, 'BAD_USER_INPUT', 'toId');
    await refused('createRelationship', { input: { ...pairing, validTo: '2019-05-31' } }, 'BAD_USER_INPUT', 'validTo');
    await refused(
      'createRelationship',
      { input: { ...pairing, attributes: { colour: 'red' } } },
      'BAD_USER_INPUT',
      'attributes.colour',
    );
    await refused('createRelationship', { input: { ...pairing, toId: crypto.randomUUID() } }, 'NOT_FOUND');
    const edge = await ok('createRelationship', { input: pairing });
    expect(edge).toMatchObject({
      type: 'BANK_PAIRING',
      attributes: { agreement: '结对共建协议' },
      from: { id: a.id },
      to: { id: b.id },
    });

    const reverse = { ...pairing, fromId: b.id, toId: a.id, validFrom: '2020-01-01' };
    await refused('createRelationship', { input: { ...pairing, validFrom: '2021-01-01' } }, 'CONFLICT');
    const r = await refused('createRelationship', { input: reverse }, 'CONFLICT');
    expect(r.errors![0].message).toContain(edge.id);
    await refused('endRelationship', { id: edge.id, version: 1, validTo: '2019-05-01' }, 'BAD_USER_INPUT', 'validTo');
    await ok('endRelationship', { id: edge.id, version: 1, validTo: '2020-05-31' });
    await refused('endRelationship', { id: edge.id, version: 2, validTo: '2020-06-30' }, 'CONFLICT');
    await refused('createRelationship', { input: { ...reverse, validFrom: '2020-05-31' } }, 'CONFLICT');
    const next = await ok('createRelationship', { input: { ...reverse, validFrom: '2020-06-01' } });
    await refused('updateRelationship', { id: next.id, version: 1, input: { validFrom: '2020-05-01' } }, 'CONFLICT');
    await refused(
      'updateRelationship',
      { id: next.id, version: 1, input: { attributes: { agreement: 7 } } },
      'BAD_USER_INPUT',
      'attributes.agreement',
    );
    expect(
      await ok('updateRelationship', { id: next.id, version: 1, input: { attributes: { programme: '党建+金融' } } }),
    ).toMatchObject({ attributes: { programme: '党建+金融' }, version: 2 });

    const [college, leader] = [await newOrg('COLLEGE'), await newPerson()];
    const partnership = { type: 'COLLEGE_PARTNERSHIP', fromId: a.id, toId: college.id, validFrom: '2019-09-01' };
    await refused(
      'createRelationship',
      { input: { ...partnership, attributes: { forms: '共建课堂' } } },
      'BAD_USER_INPUT',
      'attributes.forms',
    );
    await ok('createRelationship', { input: { ...partnership, attributes: { forms: ['共建课堂', '共设基地'] } } });
    const liaison = { type: 'LIAISON', fromId: orgId('federation'), toId: a.id, validFrom: '2020-01-01' };
    await refused(
      'createRelationship',
      { input: { ...liaison, attributes: { leaderId: crypto.randomUUID() } } },
      'NOT_FOUND',
    );
    await ok('createRelationship', { input: { ...liaison, attributes: { leaderId: leader.id, leader: leader.name } } });
  });

  it('grades only social organizations and checks the dates of ratings and honours', async () => {
    const [association, enterprise] = [await newOrg(), await newOrg('ENTERPRISE')];
    const award = { organizationId: association.id, grade: 'A4', awardedOn: '2019-12-01', awardedBy: '嘉兴市民政局' };
    await refused(
      'awardRating',
      { input: { ...award, organizationId: enterprise.id } },
      'BAD_USER_INPUT',
      'organizationId',
    );
    await refused('awardRating', { input: { ...award, organizationId: crypto.randomUUID() } }, 'NOT_FOUND');
    await refused('awardRating', { input: { ...award, awardedOn: '2019-12-32' } }, 'BAD_USER_INPUT', 'awardedOn');
    const rating = await ok('awardRating', { input: award });
    expect(await ok('updateRating', { id: rating.id, version: 1, input: { grade: 'A5' } })).toMatchObject({
      grade: 'A5',
      version: 2,
    });
    await refused(
      'revokeRating',
      { id: rating.id, version: 2, revokedOn: '2019-11-30' },
      'BAD_USER_INPUT',
      'revokedOn',
    );
    await refused('revokeRating', { id: rating.id, version: 1, revokedOn: '2021-01-01' }, 'CONFLICT');
    expect(await ok('revokeRating', { id: rating.id, version: 2, revokedOn: '2021-01-01' })).toMatchObject({
      revokedOn: '2021-01-01',
      version: 3,
    });
    await refused('revokeRating', { id: rating.id, version: 3, revokedOn: '2021-02-01' }, 'CONFLICT');
    expect((await audits(rating.id)).map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'END']);

    await refused(
      'awardHonour',
      { input: { organizationId: association.id, level: 'MUNICIPAL', year: 2999 } },
      'BAD_USER_INPUT',
      'year',
    );
    const honour = await ok('awardHonour', {
      input: { organizationId: association.id, level: 'MUNICIPAL', year: 2019 },
    });
    expect(honour).toMatchObject({ title: '四好商会', version: 1 });
    expect(await ok('updateHonour', { id: honour.id, version: 1, input: { level: 'PROVINCIAL' } })).toMatchObject({
      level: 'PROVINCIAL',
      version: 2,
    });
    await refused('updateHonour', { id: honour.id, version: 2, input: { title: null } }, 'BAD_USER_INPUT', 'title');
  });
});

describe('concurrent edits and atomicity', () => {
  it('lets one of several updates from the same version win; the others get CONFLICT and write nothing', async () => {
    const person = await newPerson();
    const names = Array.from({ length: 6 }, (_, i) => `并发${run}-${i}`);
    const answers = await Promise.all(
      names.map((name) => call('updatePerson', { id: person.id, version: 1, input: { name } })),
    );
    const winners = answers.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(answers.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(5);
    const [row] = await sql('select name, version from registry.person where id = $1', [person.id]);
    expect(row).toEqual({ name: winners[0].data.updatePerson.name, version: 2 });
    expect((await audits(person.id)).map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('catches an update that loses the race after both read the same version (the version check at commit)', async () => {
    const person = await newPerson();
    const orm = await createRegistryOrm(inject('databaseUrl'), { poolMax: 3 });
    try {
      let arrived = 0;
      let release!: () => void;
      const bothRead = new Promise<void>((resolve) => (release = resolve));
      // Each transaction reads version 1, then waits until the other has read it too.
      const rename = (name: string) =>
        auditedUpdate(
          orm.em.fork(),
          'race-test',
          { entity: Person, id: person.id, version: 1, action: 'UPDATE' },
          async (p) => {
            if (++arrived === 2) release();
            await bothRead;
            p.name = name;
          },
        );
      const outcomes = await Promise.allSettled([rename(`先${run}`), rename(`后${run}`)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [lost] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(lost.reason.extensions).toEqual({ code: 'CONFLICT' });
      expect(lost.reason.message).toMatch(new RegExp(`^Person ${person.id} was changed by someone else.*reload`));
    } finally {
      await orm.close();
    }
    expect((await audits(person.id)).map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('creates one of two identical edges sent at once; the other is a duplicate, even when both checked before either wrote', async () => {
    const [a, b] = [await newOrg(), await newOrg('VILLAGE')];
    const input = { type: 'ASSISTANCE_PAIRING', fromId: a.id, toId: b.id, validFrom: '2019-02-20' };
    // Hold back every INSERT into relationship (reads still pass) until both requests wait.
    const blocker = new pg.Client({ connectionString: inject('databaseUrl') });
    await blocker.connect();
    try {
      await blocker.query('begin; lock table registry.relationship in exclusive mode');
      const answers = Promise.all([
        call('createRelationship', { input }),
        call('createRelationship', { input: { ...input, fromId: b.id, toId: a.id } }),
      ]);
      await until(
        async () =>
          (
            await sql(
              "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            )
          )[0].n === 2,
      );
      await blocker.query('rollback');
      const settled = await answers;
      expect(settled.filter((r) => !r.errors)).toHaveLength(1);
      expect(settled.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
    } finally {
      await blocker.end();
    }
    expect(await sql('select 1 from registry.relationship where $1 in (from_id, to_id)', [a.id])).toHaveLength(1);
  });

  it('writes a change and its audit entry in one transaction: when the audit entry fails, the change is undone', async () => {
    const person = await newPerson();
    // PostgreSQL refuses a NUL character in text, so this actor's audit entry cannot be
    // inserted; the person's UPDATE has already been sent by then, in the same transaction.
    const unrecordable = await token(['ADMIN'], [], 'admin\u0000clerk');
    const before = await fingerprint();
    const r = await call('updatePerson', { id: person.id, version: 1, input: { name: `撤销${run}` } }, unrecordable);
    expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
    expect(await fingerprint()).toEqual(before);
    expect(codeOf(await call('createPerson', { input: { name: `撤销${run}` } }, unrecordable))).toBe(
      'INTERNAL_SERVER_ERROR',
    );
    expect(await fingerprint()).toEqual(before);
    expect(await sql('select name, version from registry.person where id = $1', [person.id])).toEqual([
      { name: person.name, version: 1 },
    ]);
  });
});
