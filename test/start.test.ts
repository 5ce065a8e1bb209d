import { describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// `npm start` on embedded defaults, as a new user runs it: no DATABASE_URL, no TEMPORAL_ADDRESS.
// Started twice on one data folder, stopped with Ctrl-C (SIGINT to the process group) each time.
// The data folder is private (0700 under a 0700 parent, like a clone under /root or in
// `mktemp -d`): as root, the `postgres` user cannot reach it, so the cluster lives elsewhere.

interface Started {
  output: () => string;
  gatewayUrl: string;
  adminToken: string;
  /** Ctrl-C; resolves when every process holding the output has exited. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function npmStart(dataDir: string, databaseUrl?: string, consoleDir?: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ...(consoleDir ? { CONSOLE_DIR: consoleDir } : {}),
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // 'close' waits for the output pipes, which every process of the tree holds: npm itself may
  // exit on the signal before the stack has finished stopping its children.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 150_000;
  while (!output.includes('The hub is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    output: () => output,
    gatewayUrl: output.match(/GraphQL gateway\s+(\S+)/)![1],
    adminToken: output.match(/Dev token \(ADMIN\):\s+(\S+)/)![1],
    async stop() {
      process.kill(-child.pid!, 'SIGINT');
      return closed;
    },
  };
}

async function query(hub: Started, body: object) {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** npm passes Ctrl-C on and exits by the signal itself; the stack below it exits with 0. */
function stoppedByCtrlC(exit: { code: number | null; signal: NodeJS.Signals | null }): boolean {
  return exit.code === 0 || exit.signal === 'SIGINT';
}

function processesUsing(dataDir: string): string {
  try {
    return execFileSync('pgrep', ['-af', dataDir], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

/** Where PostgreSQL keeps the cluster: in the data folder, or where its recorded id says (as root). */
function clusterOf(dataDir: string): string {
  const idFile = join(dataDir, 'postgres-cluster-id');
  return existsSync(idFile)
    ? join('/var/lib/chamber-hub/clusters', readFileSync(idFile, 'utf8').trim())
    : join(dataDir, 'postgres');
}

describe('npm start', () => {
  it('runs the whole hub on embedded defaults, keeps data across starts and stops cleanly', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'hub-start-')); // 0700
    const dataDir = join(parent, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    // A console folder with no build yet, as in a fresh clone: npm start builds it and says where.
    const consoleDir = join(parent, 'console-dist');
    try {
      const first = await npmStart(dataDir, undefined, consoleDir);
      expect(first.output()).toContain(`[stack] building the console into ${consoleDir}`);
      expect(first.output()).toMatch(/Console\s+http:\/\/127\.0\.0\.1:4000\/console\//);
      const page = await fetch(new URL('/console/', first.gatewayUrl));
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<div id="root">');
      if (process.getuid?.() === 0) expect(first.output()).toContain('the user postgres cannot reach');
      const cluster = clusterOf(dataDir);
      expect(existsSync(join(cluster, 'PG_VERSION'))).toBe(true);
      expect(first.output()).toMatch(/Temporal Web UI\s+http:\/\/127\.0\.0\.1:8233/);
      const listed = await query(first, { query: '{ organizations(first: 100) { totalCount } }' });
      expect(listed.data.organizations.totalCount).toBeGreaterThanOrEqual(10);
      const created = await query(first, {
        query: 'mutation ($input: NewOrganization!) { createOrganization(input: $input) { id } }',
        variables: { input: { name: '嘉兴市冒烟测试协会', kind: 'INDUSTRY_ASSOCIATION', regionCode: '330400' } },
      });
      expect(created.errors).toBeUndefined();
      expect(stoppedByCtrlC(await first.stop())).toBe(true);
      expect(first.output(), first.output()).toContain('[stack] stopped');
      expect(processesUsing(dataDir)).toBe('');
      expect(processesUsing(cluster)).toBe('');

      const second = await npmStart(dataDir, undefined, consoleDir);
      expect(second.output()).toContain('already seeded; nothing to do');
      expect(second.output()).not.toContain('building the console'); // built once, kept
      const found = await query(second, {
        query: '{ organizations(filter: { nameContains: "冒烟测试" }) { totalCount } }',
      });
      expect(found.data.organizations.totalCount).toBe(1);
      expect(stoppedByCtrlC(await second.stop())).toBe(true);
      expect(second.output()).toContain('[stack] stopped');
      expect(clusterOf(dataDir)).toBe(cluster);
      expect(processesUsing(dataDir)).toBe('');
      expect(processesUsing(cluster)).toBe('');
      await expect(fetch(second.gatewayUrl)).rejects.toThrow();
      for (const path of [cluster, `${cluster}.owner`])
        if (path.startsWith('/var/lib/chamber-hub/')) rmSync(path, { recursive: true, force: true });
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 400_000);

  // With an external DATABASE_URL the embedded PostgreSQL, which used to create the data
  // folder, never runs: the Temporal dev server must still find a folder for its database file.
  it('starts with DATABASE_URL on a data folder that does not exist yet', async (context) => {
    const server = 'postgres://postgres@127.0.0.1:5432';
    const admin = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 2000 });
    try {
      await admin.connect();
    } catch {
      context.skip('no PostgreSQL on 127.0.0.1:5432');
    }
    await admin.query('drop database if exists hub_start_test with (force)').finally(() => admin.end());
    const parent = mkdtempSync(join(tmpdir(), 'hub-start-url-'));
    const dataDir = join(parent, 'not-yet', 'data');
    try {
      const hub = await npmStart(dataDir, `${server}/hub_start_test`);
      const listed = await query(hub, { query: '{ organizations(first: 1) { totalCount } }' });
      expect(listed.data.organizations.totalCount).toBeGreaterThanOrEqual(10);
      expect(existsSync(join(dataDir, 'temporal.db'))).toBe(true);
      expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
      expect(stoppedByCtrlC(await hub.stop())).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 200_000);
});
