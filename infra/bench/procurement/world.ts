import type pg from 'pg';

// The registry a procurement runs over, made in plain SQL as the evaluation bench makes its
// associations (the registry's mutations would take minutes for a thousand and are not what is
// measured): bidders screening admits, and a committee of three.

/** Names of the synthetic bidders start with this. */
export const BIDDER_PREFIX = '采购压测协会';

/**
 * `count` industry associations every rule of a need with minimum grade A3 and three years'
 * registration admits: registered 2010, rated A4 a year ago (in force for five years), no
 * penalty, list entry, failed performance, head or edge. Their ids, in name order.
 */
export async function addBidders(pool: pg.Pool, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `with orgs as (
      insert into registry.organization (id, name, kind, region_code, registered_on, created_at, version)
      select gen_random_uuid(), $2 || lpad(i::text, 5, '0'), 'INDUSTRY_ASSOCIATION', '330400', date '2010-03-01', now(), 1
      from generate_series(1, $1::int) i returning id, name),
    rated as (
      insert into registry.rating (id, organization_id, grade, awarded_on, awarded_by, version)
      select gen_random_uuid(), id, 'A4', current_date - 365, '嘉兴市民政局', 1 from orgs)
    select id from orgs order by name`,
    [count, BIDDER_PREFIX],
  );
  return rows.map((r) => r.id);
}

/** Three registry persons with no position anywhere, so no member steps aside from any bid. */
export async function addCommittee(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(`insert into registry.person (id, name, created_at, version)
    select gen_random_uuid(), '采购压测评委' || i, now(), 1 from generate_series(1, 3) i returning id`);
  return rows.map((r) => r.id);
}
