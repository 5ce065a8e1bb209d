import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import { codeOf, gql, orgId, sql, temporalClient, token } from './support/hub.js';
import { createCourse, enrolled } from './support/training.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { createRegistryClient } from '../services/processes/registry/client.js';
import { createTrainingActivities } from '../services/processes/training/activities.js';
import { collectActivities } from '../services/processes/kit/process-catalog.js';

// Writing back to the registry: the worker's SYSTEM identity, idempotency keys, and permanent
// refusals that fail an activity for good instead of retrying it for ever.

let orm: MikroORM;
beforeAll(async () => {
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 2 });
});
afterAll(() => orm?.close());

const activities = async () =>
  createTrainingActivities({
    orm,
    registry: createRegistryClient(inject('registryUrl'), {
      jwtSecret: inject('jwtSecret'),
      subgraphSecrets: [inject('subgraphSecret')],
    }),
    temporal: await temporalClient(),
  });

const WRITE =
  'mutation ($input: CertificationWrite!, $key: String!) { recordCertification(input: $input, idempotencyKey: $key) { id name } }';

describe('registry write-back', () => {
  it('writes a certificate once however often the activity runs', async () => {
    const { id, personId } = await enrolled(await createCourse(5), orgId('wenzhou'));
    const acts = await activities();
    const issue = (input: Parameters<typeof acts.issueCertificate>[0]) => acts.issueCertificate(input);
    const input = { enrollmentId: id, personId, courseTitle: '重放测试班', issuedOn: '2026-12-10' };
    const first = await issue(input);
    const second = await issue(input);
    expect(second).toBe(first);
    const rows = await sql('select id from registry.certification where person_id = $1', [personId]);
    expect(rows).toEqual([{ id: first }]);
    const [enrollment] = await sql('select certificate_id from processes.training_enrollment where id = $1', [id]);
    expect(enrollment.certificate_id).toBe(first);
  });

  it('fails the activity for good when the registry refuses (no endless retries)', async () => {
    const { id } = await enrolled(await createCourse(5), orgId('wenzhou'));
    const acts = await activities();
    const issue = (input: Parameters<typeof acts.issueCertificate>[0]) => acts.issueCertificate(input);
    const refused = issue({
      enrollmentId: id,
      personId: '00000000-0000-4000-8000-00000000dead',
      courseTitle: '班',
      issuedOn: '2026-12-10',
    });
    await expect(refused).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(refused).rejects.toMatchObject({ nonRetryable: true, type: 'RegistryRefused' });
  });

  it('takes write-backs from SYSTEM and ADMIN only, each key once', async () => {
    const { personId } = await enrolled(await createCourse(5), orgId('hubei'));
    const input = { personId, kind: 'TRAINING_COMPLETION', name: '结业证书', issuedOn: '2026-12-10' };
    const key = `test:${personId}`;
    expect(codeOf(await gql(WRITE, { input, key }, await token(['INTEGRATOR'])))).toBe('FORBIDDEN');
    const system = await token(['SYSTEM'], [], 'system:test');
    const [a, b] = await Promise.all([gql(WRITE, { input, key }, system), gql(WRITE, { input, key }, system)]);
    expect(a.errors).toBeUndefined();
    expect(b.data.recordCertification.id).toBe(a.data.recordCertification.id);
    expect(codeOf(await gql(WRITE, { input: { ...input, issuedOn: '2026-02-30' }, key: `${key}-2` }, system))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await sql('select count(*)::int as n from registry.certification where person_id = $1', [personId])).toEqual(
      [{ n: 1 }],
    );
  });
});

describe('the worker', () => {
  it('refuses two activities of one name instead of letting the second replace the first', () => {
    const run = async () => 'x';
    expect(() => collectActivities({ 'the task kit': { openTask: run }, TRAINING: { openTask: run } })).toThrow(
      'activity "openTask" is defined by both the task kit and TRAINING',
    );
    expect(Object.keys(collectActivities({ a: { one: run }, b: { two: run } }))).toEqual(['one', 'two']);
  });
});
