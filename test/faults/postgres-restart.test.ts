import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql, token, type GraphQLResponse } from '../support/hub.js';
import { freePort } from '../../infra/dev/ports.js';
import { Cleanup, eventually, hubEnv, startParts } from '../support/processes.js';
import { startDevPostgres, type DevPostgres } from '../../infra/dev/postgres.js';
import { migrate } from '../../infra/db/migrate.js';
import { seed } from '../../infra/seed/run.js';

// PostgreSQL restarted under load. The test's own embedded PostgreSQL (a temp folder, a free
// port: the machine's PostgreSQL on 5432 serves the other tests), the registry and the gateway
// as child processes, and clients that keep reading and creating organizations through the
// gateway while the database stops and starts again. Every answer must be JSON with coded
// errors and no stack; the hub must recover on its own; and every organization in the
// database must have its audit entry (both are written in one transaction), none half written.

const cleanup = new Cleanup();
let dataDir: string;
let port: number;
let postgres: DevPostgres;
let databaseUrl: string;
let gatewayUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hub-faults-pg-'));
  cleanup.add('data folder', async () => rmSync(dataDir, { recursive: true, force: true }));
  port = await freePort();
  postgres = await startDevPostgres({ dataDir, port });
  cleanup.add('postgres', () => postgres.stop());
  databaseUrl = postgres.url;
  await migrate(databaseUrl);
  await seed(databaseUrl);
  // Only the registry: organizations are its; processes is not asked by these queries.
  const env = await hubEnv({ DATABASE_URL: databaseUrl });
  await startParts(['registry', 'gateway'], env, cleanup);
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
}, 180_000);
afterAll(() => cleanup.run());

const CREATE = 'mutation ($input: NewOrganization!) { createOrganization(input: $input) { id name } }';
const READ =
  '{ organizations(first: 5, filter: { nameContains: "故障演练" }) { totalCount edges { node { id name } } } }';
type Phase = 'up' | 'down' | 'back';
interface Sent {
  phase: Phase;
  write: boolean;
  name?: string;
  response: GraphQLResponse;
}

/** Clients reading and writing in turn until stopped; every answer kept with the phase it was sent in. */
function load(clients: number, phase: () => Phase) {
  const sent: Sent[] = [];
  let running = true;
  let n = 0;
  const client = async (admin: string) => {
    for (let i = 0; running; i++) {
      const at = phase();
      const write = i % 2 === 0;
      const name = `故障演练协会${n++}`;
      const response = write
        ? await gql(CREATE, { input: { name, kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } }, admin, gatewayUrl)
        : await gql(READ, {}, admin, gatewayUrl);
      sent.push({ phase: at, write, name: write ? name : undefined, response });
      await new Promise((done) => setTimeout(done, 20));
    }
  };
  const done = token(['ADMIN']).then((admin) => Promise.all(Array.from({ length: clients }, () => client(admin))));
  return { sent, stop: async () => ((running = false), await done) };
}

describe('PostgreSQL restarted under load', () => {
  it('answers clean errors while it is down, recovers by itself, and leaves nothing half written', async () => {
    let phase: Phase = 'up';
    const traffic = load(4, () => phase);
    await new Promise((done) => setTimeout(done, 1_500));
    phase = 'down';
    await postgres.stop();
    await new Promise((done) => setTimeout(done, 2_000));
    postgres = await startDevPostgres({ dataDir, port });
    phase = 'back';
    // Recovery: a write succeeds again within seconds, without restarting the registry.
    await eventually(
      'a write after the restart',
      async () => {
        const last = traffic.sent.filter((s) => s.phase === 'back' && s.write).at(-1);
        return last && !last.response.errors ? true : undefined;
      },
      20_000,
    );
    await new Promise((done) => setTimeout(done, 1_000));
    await traffic.stop();

    const { sent } = traffic;
    for (const { response } of sent) {
      for (const error of response.errors ?? []) {
        expect(typeof error.extensions?.code, JSON.stringify(error)).toBe('string');
        expect(JSON.stringify(error)).not.toMatch(
          /stacktrace|\/work\/|node_modules|\.ts:\d+|ECONNREFUSED|terminating connection/,
        );
      }
    }
    const failed = (p: Phase) => sent.filter((s) => s.phase === p && s.response.errors);
    expect(sent.filter((s) => s.phase === 'up' && !s.response.errors).length).toBeGreaterThan(0);
    expect(failed('down').length).toBeGreaterThan(0);
    // Once writes work again, everything does: the pool holds no dead connections.
    const back = sent.filter((s) => s.phase === 'back');
    const firstOk = back.findIndex((s) => s.write && !s.response.errors);
    expect(
      back
        .slice(firstOk)
        .filter((s) => s.response.errors)
        .map((s) => s.response.errors),
    ).toEqual([]);

    // Nothing half written: each organization of the run has exactly its one audit entry, and
    // each create that answered with an id is there.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string; name: string; audits: number }>(
        `select o.id, o.name, (select count(*)::int from registry.audit_entry a where a.entity_id = o.id) as audits
           from registry.organization o where o.name like '故障演练协会%'`,
      );
      expect(rows.filter((r) => r.audits !== 1)).toEqual([]);
      const stored = new Set(rows.map((r) => r.id));
      const answered = sent
        .filter((s) => s.write && !s.response.errors)
        .map((s) => s.response.data.createOrganization.id as string);
      expect(answered.filter((id) => !stored.has(id))).toEqual([]);
      const orphanAudits = await db.query(
        `select a.entity_id from registry.audit_entry a left join registry.organization o on o.id = a.entity_id
          where a.entity_type = 'Organization' and o.id is null`,
      );
      expect(orphanAudits.rows).toEqual([]);
      const codes = [
        ...new Set(
          failed('down').flatMap((s) => s.response.errors!.map((e) => `${s.response.status} ${e.extensions?.code}`)),
        ),
      ];
      console.log(
        `[faults] ${sent.length} requests: ${failed('down').length} failed while PostgreSQL was down (${codes.join(', ')}), ${rows.length} organizations written`,
      );
    } finally {
      await db.end();
    }
  }, 90_000);
});
