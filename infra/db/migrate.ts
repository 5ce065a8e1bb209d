import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import pg from 'pg';
import { MIGRATING_ORMS } from './orms.js';
import { isEntryPoint } from '../../services/common/entry.js';
import { parseCli } from '../../services/common/cli.js';

/** Creates the database when it is missing (a new machine), so the first start needs no psql. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      console.log(`[migrate] created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Applies the committed migrations of both schemas; returns how many ran. */
export async function migrate(databaseUrl: string): Promise<number> {
  await ensureDatabase(databaseUrl);
  let applied = 0;
  for (const [name, create] of Object.entries(MIGRATING_ORMS)) {
    const orm = await create(databaseUrl);
    try {
      const ran = await orm.migrator.up();
      applied += ran.length;
      console.log(`[migrate] ${name}: ${ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'up to date'}`);
    } finally {
      await orm.close();
    }
  }
  return applied;
}

if (isEntryPoint(import.meta.url)) {
  parseCli({
    usage: 'npm run migrate',
    about:
      'Applies the committed migrations of the registry and processes schemas to DATABASE_URL (creating the database when missing).',
  });
  const { config } = await import('../../services/common/config.js');
  await migrate(config().databaseUrl);
}
