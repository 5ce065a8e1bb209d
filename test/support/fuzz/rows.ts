import pg from 'pg';

// Rows of every table of the hub's two schemas, counted in one statement: the fuzzer's proof
// that a refused request wrote nothing (before and after each mutation, around each batch of
// queries). The migrator's own table is not the hub's data.

export type RowCounts = Record<string, number>;

export async function rowCounter(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows: tables } = await client.query<{ name: string }>(
    `select table_schema || '.' || table_name as name from information_schema.tables
      where table_schema in ('registry', 'processes') and table_type = 'BASE TABLE'
        and table_name <> 'mikro_orm_migrations' order by 1`,
  );
  // PostgreSQL takes at most 100 arguments a function: 50 tables an object, the objects joined.
  const objects: string[] = [];
  for (let i = 0; i < tables.length; i += 50)
    objects.push(
      `jsonb_build_object(${tables
        .slice(i, i + 50)
        .map(({ name }) => `'${name}', (select count(*) from ${name})`)
        .join(', ')})`,
    );
  const statement = `select ${objects.join(' || ')} as counts`;
  const count = async (): Promise<RowCounts> => (await client.query(statement)).rows[0].counts;
  return {
    tables: tables.map((t) => t.name),
    count,
    /** Counts once nothing has changed for `quietMs` (work a valid request set going, e.g. a workflow's first task). */
    async settled(quietMs = 300, maxMs = 5_000): Promise<RowCounts> {
      const deadline = Date.now() + maxMs;
      let last = await count();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, quietMs));
        const next = await count();
        if (JSON.stringify(next) === JSON.stringify(last) || Date.now() > deadline) return next;
        last = next;
      }
    },
    close: () => client.end(),
  };
}

/** The tables whose counts differ, with before -> after. */
export function changed(before: RowCounts, after: RowCounts): string[] {
  return Object.keys(after)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} ${before[table]} -> ${after[table]}`);
}
