import type pg from 'pg';
import { percentile } from '../load.js';

// Closing, watched from the projection as the agency's list sees it: each procurement's stage
// moves BIDDING → SCREENING at closesAt and SCREENING → SCORING once every bid is screened
// against the registry, then its committee's SCORE_BID tasks open.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Closing that moves nothing on for this long is stuck, not slow: fail rather than hang. */
const STALL_MS = 120_000;

export interface Screening {
  procurements: number;
  /** closesAt → stage SCORING, per procurement (s), from the row's own write time. */
  p50: number;
  p99: number;
  max: number;
  /** SCORE_BID tasks expected and how long after closing the last one opened (s). */
  tasks: number;
  allTasksSeconds: number;
}

const stagesOf = async (pool: pg.Pool, ids: string[]) =>
  (
    await pool.query<{ stage: string; n: number; reason: string | null }>(
      'select stage, count(*)::int as n, min(close_reason) as reason from processes.procurement where id = any($1::uuid[]) group by stage',
      [ids],
    )
  ).rows;

const scoreTasks = async (pool: pg.Pool, ids: string[]) =>
  (
    await pool.query<{ n: number; last: Date | null }>(
      "select count(*)::int as n, max(created_at) as last from processes.human_task where process_id = any($1::uuid[]) and kind = 'SCORE_BID'",
      [ids],
    )
  ).rows[0];

/** Polls every 250 ms from closing until every procurement is SCORING and every member's SCORE_BID task is open. */
export async function watchScreening(
  pool: pg.Pool,
  ids: string[],
  closesAt: Date,
  tasksExpected: number,
  log: (line: string) => void,
): Promise<Screening> {
  let logged = performance.now();
  let seen = '';
  let moved = performance.now();
  for (;;) {
    const stages = await stagesOf(pool, ids);
    const failed = stages.find((s) => !['BIDDING', 'SCREENING', 'SCORING'].includes(s.stage));
    if (failed)
      throw new Error(`${failed.n} procurements went to ${failed.stage} instead of SCORING: ${failed.reason}`);
    const scoring = stages.find((s) => s.stage === 'SCORING')?.n ?? 0;
    const tasks = await scoreTasks(pool, ids);
    if (scoring === ids.length && tasks.n >= tasksExpected) break;
    const now = `${stages.map((s) => `${s.n} ${s.stage}`).join(', ')}; ${tasks.n} of ${tasksExpected} SCORE_BID tasks open`;
    if (now !== seen) [seen, moved] = [now, performance.now()];
    if (performance.now() - logged >= 5000) {
      logged = performance.now();
      log(`  screening: ${now}`);
    }
    if (performance.now() - moved > STALL_MS)
      throw new Error(`closing: nothing moved for ${STALL_MS / 1000} s (${now})`);
    await sleep(250);
  }
  // Nothing writes a row between SCORING and the first score, so updated_at is when it got there.
  const { rows } = await pool.query<{ ms: number }>(
    'select extract(epoch from updated_at - closes_at)::float8 * 1000 as ms from processes.procurement where id = any($1::uuid[]) order by 1',
    [ids],
  );
  const sorted = rows.map((r) => r.ms / 1000);
  const last = (await scoreTasks(pool, ids)).last!;
  return {
    procurements: ids.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    tasks: tasksExpected,
    allTasksSeconds: (last.getTime() - closesAt.getTime()) / 1000,
  };
}
