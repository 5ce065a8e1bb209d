import type pg from 'pg';
import { RANGES } from '../generate.js';

// The task inbox on the bench province: officer tasks on every chamber, made as the hub makes
// them (services/processes/tasks/candidate-keys.ts): one candidate key per Federation that
// supervises the chamber, read from the closure table as `supervisingFederations` reads it.
// Beside them the same number of tasks with the plain key `role:FEDERATION_OFFICER` (every
// officer: common ground, and tasks opened before jurisdiction), of another kind, so that one
// officer's unscoped inbox and each level's scoped inbox ask the same question of the same
// table: only the keys differ.

export const TASKS_PER_CHAMBER = 4;
export const SCOPED_KIND = 'BENCH_SCOPED_REVIEW';
export const UNSCOPED_KIND = 'BENCH_UNSCOPED_REVIEW';
const CHAMBERS = { start: RANGES.INDUSTRY_ASSOCIATION.start, end: RANGES.GRASSROOTS_CHAMBER.start + 1_499 };

/** The inbox's first page, as the console asks it (newest first, with the organisation's name). */
export const inboxQuery = `query Inbox($kind: String!) { myTasks(first: 20, kind: $kind) {
  totalCount edges { node { id title status dueAt priority organization { id name } } } } }`;

/** Makes the tasks once (a second run finds them). */
export async function makeInboxTasks(db: pg.Pool, log: (line: string) => void): Promise<void> {
  const { rows } = await db.query<{ n: string }>('select count(*) as n from processes.human_task where kind = $1', [
    SCOPED_KIND,
  ]);
  if (Number(rows[0].n) > 0) return;
  const tasks = (kind: string, keys: string) => `
    insert into processes.human_task (id, kind, title, status, organization_id, workflow_id, process_id, process_type,
      candidate_keys, due_at, created_at, priority)
    select md5('${kind}' || g || '-' || t)::uuid, '${kind}', '审核 ' || o.name, 'OPEN', o.id,
      'bench-' || md5('${kind}' || g || '-' || t), md5('process' || g || '-' || t)::uuid, 'TRAINING_ENROLLMENT',
      ${keys}, timestamptz '2026-01-01' + (g * 7 + t) * interval '1 minute' + interval '30 days',
      timestamptz '2026-01-01' + (g * 7 + t) * interval '1 minute', 0
    from generate_series(${CHAMBERS.start}, ${CHAMBERS.end}) g
    cross join generate_series(1, ${TASKS_PER_CHAMBER}) t
    join registry.organization o on o.id = md5('org' || g)::uuid`;
  await db.query(
    tasks(
      SCOPED_KIND,
      `array(select 'role:FEDERATION_OFFICER@fed:' || j.federation_id from registry.jurisdiction j
        where j.organization_id = o.id and j.federation_id <> o.id and j.valid_from <= current_date
          and (j.valid_to is null or j.valid_to >= current_date) order by 1)`,
    ),
  );
  await db.query(tasks(UNSCOPED_KIND, `array['role:FEDERATION_OFFICER']`));
  await db.query('vacuum analyze processes.human_task');
  log(`${2 * TASKS_PER_CHAMBER * (CHAMBERS.end - CHAMBERS.start + 1)} officer tasks made on the province's chambers`);
}
