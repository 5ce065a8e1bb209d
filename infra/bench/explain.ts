import type pg from 'pg';
import type { BenchQuery } from './bench-query.js';

// --explain: the plan of each hand-written SQL, run for real (ANALYZE) with buffer counts, to
// see which indexes the floor uses and where its time goes.
export async function explainAll(db: pg.Pool, queries: BenchQuery[], log: (line: string) => void): Promise<void> {
  for (const query of queries) {
    await db.query(query.sql, query.params); // warm the cache first, as the load does
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.params);
    log(`plan of the hand-written SQL for "${query.name}":`);
    console.log(rows.map((row) => row['QUERY PLAN']).join('\n'), '\n');
  }
}
