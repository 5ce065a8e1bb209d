import type pg from 'pg';

// The changes the feed benchmark reads: organisations created, then each changed once, written
// straight into PostgreSQL in transactions of `batch` rows (the registry's triggers record each
// change, as for any write path), timed beside the same statements on a scratch table without
// triggers (the floor), so the figure says what recording the feed costs a writer.

export interface WriteFigures {
  rows: number;
  batch: number;
  seconds: number;
  floorSeconds: number;
}

async function inBatches(pool: pg.Pool, total: number, batch: number, statement: (from: number, to: number) => string) {
  const started = performance.now();
  for (let from = 1; from <= total; from += batch) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('hub.actor', 'bench-writer', true)`);
      await client.query(statement(from, Math.min(total, from + batch - 1)));
      await client.query('commit');
    } finally {
      client.release();
    }
  }
  return (performance.now() - started) / 1000;
}

const create = (table: string) => (from: number, to: number) =>
  `insert into ${table} (id, name, kind, region_code, created_at, version)
   select gen_random_uuid(), '压测企业' || g, 'ENTERPRISE', '330400', now(), 1 from generate_series(${from}, ${to}) g`;
const change = (table: string) => (from: number, to: number) =>
  `update ${table} set short_name = '压测' || substr(name, 5), version = version + 1
   where name in (select '压测企业' || g from generate_series(${from}, ${to}) g)`;

/** `organizations` created and then changed once each: 2 × organizations changes. */
export async function writeChanges(pool: pg.Pool, organizations: number, batch: number): Promise<WriteFigures> {
  await pool.query('create table if not exists public.bench_feed_floor (like registry.organization including all)');
  await pool.query('truncate public.bench_feed_floor');
  await pool.query('create index if not exists bench_feed_floor_name on public.bench_feed_floor (name)');
  const floorSeconds =
    (await inBatches(pool, organizations, batch, create('public.bench_feed_floor'))) +
    (await inBatches(pool, organizations, batch, change('public.bench_feed_floor')));
  const seconds =
    (await inBatches(pool, organizations, batch, create('registry.organization'))) +
    (await inBatches(pool, organizations, batch, change('registry.organization')));
  await pool.query('drop table public.bench_feed_floor');
  return { rows: 2 * organizations, batch, seconds, floorSeconds };
}
