import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevPostgres } from '../../infra/dev/postgres.js';
import { freePort } from '../../infra/dev/ports.js';

/**
 * A fresh, empty test database on a real PostgreSQL: TEST_DATABASE_URL's server, else the
 * machine's PostgreSQL on 127.0.0.1:5432, else an embedded one started for this run.
 */
export async function freshTestDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const candidates = [process.env.TEST_DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(
    Boolean,
  ) as string[];
  for (const candidate of candidates) {
    if (await reachable(candidate)) return { url: await recreate(candidate, name), stop: async () => {} };
  }
  const embedded = await startDevPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'hub-test-pg-')),
    port: await freePort(),
  });
  return { url: await recreate(embedded.url, name), stop: embedded.stop };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function recreate(serverUrl: string, name: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
