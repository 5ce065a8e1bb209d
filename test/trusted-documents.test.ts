import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeOf, gql, sql, token } from './support/hub.js';
import { Cleanup, hubEnv, startPart } from './support/processes.js';
import { readConfig } from '../services/common/config.js';

// A gateway told to run registered operations only (TRUSTED_DOCUMENTS=enforce) in front of the
// global hub's subgraphs: an integrator's registered document runs however it is spaced, the
// console's own operations (registered by its build) run, anything else is refused with
// OPERATION_NOT_TRUSTED before it reaches a subgraph; the development gateway runs anything.

const cleanup = new Cleanup();
const REGISTERED = `query BankOrganizations($first: Int!) {
  organizations(first: $first) { edges { node { id name } } }
}`;
let trustedGateway: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
  const file = join(dir, 'bank.json');
  writeFileSync(file, JSON.stringify([{ name: 'BankOrganizations', query: REGISTERED }]));
  const env = await hubEnv({
    DATABASE_URL: inject('databaseUrl'),
    REGISTRY_URL: inject('registryUrl'),
    PROCESSES_URL: inject('processesUrl'),
    TRUSTED_DOCUMENTS: 'enforce',
    TRUSTED_DOCUMENTS_FILES: file,
    CONSOLE_DIR: readConfig({}).consoleDir,
  });
  await startPart('gateway', env, cleanup, 'trusted gateway');
  trustedGateway = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
}, 120_000);
afterAll(() => cleanup.run());

describe('a gateway that runs trusted documents only', () => {
  it("runs an integrator's registered operation, however it is spaced and whatever __typename it adds", async () => {
    const as = await token(['INTEGRATOR']);
    const sent = REGISTERED.replace('edges { node {', 'edges { __typename node { __typename').replace(/\n\s*/g, ' ');
    const answer = await gql(sent, { first: 2 }, as, trustedGateway);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organizations.edges).toHaveLength(2);
  });

  it("runs the console's own operations, registered by its build", async () => {
    const { documents } = JSON.parse(
      readFileSync(join(readConfig({}).consoleDir, 'trusted-documents.json'), 'utf8'),
    ) as { documents: { name: string; query: string }[] };
    expect(documents.length).toBeGreaterThan(20);
    const words = documents.find((d) => /processCatalog/.test(d.query) && !/\$/.test(d.query));
    expect(words, 'a console operation without variables').toBeDefined();
    const answer = await gql(words!.query, {}, await token(['APPROVER']), trustedGateway);
    expect(answer.errors).toBeUndefined();
  });

  it('refuses any other operation with OPERATION_NOT_TRUSTED (HTTP 400) before a subgraph sees it, changing nothing', async () => {
    const admin = await token(['ADMIN']);
    const before = await sql(
      'select (select count(*) from registry.audit_entry)::int as audits, (select count(*) from registry.person)::int as people',
    );
    const other = await gql(
      'query { organizations(first: 2) { edges { node { id name kind } } } }',
      {},
      admin,
      trustedGateway,
    );
    expect([other.status, codeOf(other)]).toEqual([400, 'OPERATION_NOT_TRUSTED']);
    expect(other.errors![0].message).toMatch(/已登记/);
    expect(other.data ?? null).toBeNull();
    const mutation = await gql(
      'mutation { createPerson(input: { name: "未登记" }) { id } }',
      {},
      admin,
      trustedGateway,
    );
    expect(codeOf(mutation)).toBe('OPERATION_NOT_TRUSTED');
    expect(
      await sql(
        'select (select count(*) from registry.audit_entry)::int as audits, (select count(*) from registry.person)::int as people',
      ),
    ).toEqual(before);
  });

  it('while the development gateway still runs any operation', async () => {
    const answer = await gql(
      'query { organizations(first: 2) { edges { node { id name kind } } } }',
      {},
      await token(['ADMIN']),
    );
    expect(answer.errors).toBeUndefined();
  });
});
