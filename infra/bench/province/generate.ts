import type pg from 'pg';
import { RANGES } from '../generate.js';

// The bench city (../generate.ts: 100,000 organisations, 999,200 edges) made a province: one
// provincial Federation, 11 cities and 100 counties (new organisations), the bench's own 40
// Federations' supervision and membership edges removed (they become members of the province), and every chamber supervised by one
// county (chamber n by county 1 + n mod 100, county k by city 1 + k mod 11). `pinned` chambers
// go to county 1, so the queries' organisations are inside every scope measured. The
// jurisdiction triggers fill the closure table from the edges, as they do for any write.

export const CITIES = 11;
export const COUNTIES = 100;
const CHAMBER_RANGE = { start: RANGES.INDUSTRY_ASSOCIATION.start, end: RANGES.GRASSROOTS_CHAMBER.start + 1_499 };

export const provinceId = `md5('province')::uuid`;
export const cityId = (n: string) => `md5('city' || (${n}))::uuid`;
export const countyId = (n: string) => `md5('county' || (${n}))::uuid`;

export async function makeProvince(db: pg.Pool, pinned: string[], log: (line: string) => void): Promise<void> {
  const federations = `select md5('org' || g)::uuid from generate_series(${RANGES.FEDERATION.start}, ${RANGES.FEDERATION.start + RANGES.FEDERATION.count - 1}) g`;
  await db.query(`delete from registry.relationship
    where type in ('SUPERVISES', 'FOUNDED', 'MEMBER_OF') and (from_id in (${federations}) or to_id in (${federations}))`);
  log("removed the bench Federations' supervision and membership edges");
  await db.query(`insert into registry.organization (id, name, kind, region_code, created_at)
    select ${provinceId}, '浙江省工商业联合会（基准）', 'FEDERATION', '330000', timestamptz '2010-01-01'
    union all select ${cityId('c')}, '第' || c || '市工商业联合会（基准）', 'FEDERATION', '330400', timestamptz '2010-01-01'
      from generate_series(1, ${CITIES}) c
    union all select ${countyId('k')}, '第' || k || '县工商业联合会（基准）', 'FEDERATION', '330402', timestamptz '2010-01-01'
      from generate_series(1, ${COUNTIES}) k
    on conflict (id) do nothing`);
  // One statement: the triggers refresh the closure once for all of it.
  await db.query(
    `insert into registry.relationship (id, type, from_id, to_id, valid_from, valid_to, attributes)
    select md5('province-city' || c)::uuid, 'SUPERVISES', ${provinceId}, ${cityId('c')}, date '2010-01-01', null::date, '{}'::jsonb
      from generate_series(1, ${CITIES}) c
    union all select md5('city-county' || k)::uuid, 'SUPERVISES', ${cityId(`1 + mod(k, ${CITIES})`)}, ${countyId('k')}, date '2010-01-01', null, '{}'::jsonb
      from generate_series(1, ${COUNTIES}) k
    -- The bench city's own Federations, their edges gone, are members of the province: every
    -- Federation of the hub is placed, as in a province that one hub serves (docs/jurisdiction.md:
    -- a province that reaches every Federation sees everything without a test per row).
    union all select md5('province-bench-federation' || g)::uuid, 'MEMBER_OF', md5('org' || g)::uuid, ${provinceId},
        date '2010-01-01', null, '{}'::jsonb
      from generate_series(${RANGES.FEDERATION.start}, ${RANGES.FEDERATION.start + RANGES.FEDERATION.count - 1}) g
    union all select md5('county-chamber' || g)::uuid, 'SUPERVISES',
        case when md5('org' || g)::uuid = any($1::uuid[]) then ${countyId('1')} else ${countyId(`1 + mod(g, ${COUNTIES})`)} end,
        md5('org' || g)::uuid, date '2010-01-01', null, '{}'::jsonb
      from generate_series(${CHAMBER_RANGE.start}, ${CHAMBER_RANGE.end}) g
    on conflict (id) do nothing`,
    [pinned],
  );
  const { rows } = await db.query<{ rows: string }>('select count(*) as rows from registry.jurisdiction');
  log(`${1 + CITIES + COUNTIES} Federations placed; the closure table holds ${rows[0].rows} rows`);
  for (const table of ['organization', 'relationship', 'jurisdiction'])
    await db.query(`vacuum analyze registry.${table}`);
}

/** The chambers an organisation is a member of (the queries' enterprises are seen through them). */
export async function chambersOf(db: pg.Pool, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select distinct to_id as id from registry.relationship where type = 'MEMBER_OF' and from_id = any($1::uuid[])`,
    [ids],
  );
  return rows.map((row) => row.id);
}
