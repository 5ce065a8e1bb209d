import type pg from 'pg';

// What the database says when a phase stalls: sessions left idle inside a transaction hold their
// connection while the code that opened it waits, for instance for another connection from the
// same, exhausted pool.

async function stuckSessions(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ n: number; query: string; oldest: number }>(
    `select count(*)::int as n, left(query, 80) as query, max(extract(epoch from now() - state_change))::int as oldest
     from pg_stat_activity where datname = current_database() and state = 'idle in transaction' and now() - state_change > interval '10 seconds'
     group by 2 order by 1 desc`,
  );
  if (!rows.length) return 'no database session is stuck in a transaction';
  return `database sessions idle in transaction for over 10 s: ${rows.map((r) => `${r.n} after "${r.query}" (oldest ${r.oldest} s)`).join('; ')}`;
}

/** Runs `work`; a failure is thrown again with the database's stuck sessions in its message. */
export async function diagnosed<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const sessions = await stuckSessions(pool).catch((e: unknown) => `(the database could not be asked: ${String(e)})`);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${sessions}`, { cause: error });
  }
}
