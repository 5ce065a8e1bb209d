import type pg from 'pg';
import { COMMON_SYLLABLE, RANGES } from './generate.js';
import { statisticsQuery } from './statistics.js';
import { queryLanguageQueries } from './query-language.js';
import type { BenchQuery } from './bench-query.js';
import { todayInChina } from '../../services/common/dates.js';
import { inEffectSql } from '../../services/registry/rules/in-force.js';

// The integrator questions (five, and issue 22's four: query-language.ts), each asked three ways: the same GraphQL document at the
// gateway and at the registry subgraph, and the hand-written SQL that answers it (the floor).
// `size` reduces an answer to what must agree across the three ways (row counts, totals, figures).

const totalAndRows = (rows: any[]) => `total ${rows[0]?.total ?? 0}, ${rows.length} rows`;

/** Organization number n's id, as the generator made it. */
const orgId = async (db: pg.Pool, n: number): Promise<string> =>
  (await db.query<{ id: string }>(`select md5('org' || $1::int)::uuid as id`, [n])).rows[0].id;

// Valid on `day` by the registry's own fragment (validTo is the last valid day). `day` is a
// parameter holding today in China (the registry's asOf default): a constant, where
// `(now() at time zone ...)::date` would be worked out again for every edge.
const VALID = (day: string) => inEffectSql('r', `${day}::date`);
/** One step both ways from `node`, edges valid on `day`. */
const STEP = (node: string, day: string) => `
  select r.to_id as node from registry.relationship r where r.from_id = ${node} and ${VALID(day)}
  union all
  select r.from_id from registry.relationship r where r.to_id = ${node} and ${VALID(day)}`;

/**
 * Every node within `radius` hops of `$start`, with the path that reached it. UNION removes
 * repeated (node, depth, path) rows; nodes on the last level are not expanded, so for radius
 * 2 each node of level 1 is expanded exactly once.
 */
const BALL = (name: string, start: string, radius: number, day: string) => `
  ${name}(node, depth, path) as (
    select ${start}::uuid, 0, array[${start}::uuid]
    union
    select e.node, w.depth + 1, w.path || e.node
    from ${name} w cross join lateral (${STEP('w.node', day)}) e
    where w.depth < ${radius} and e.node <> all(w.path)
  )`;

export async function benchQueries(db: pg.Pool): Promise<BenchQuery[]> {
  // A grassroots chamber with about a hundred members; an ordinary enterprise (13 edges, about
  // 3,400 organizations within two hops); another enterprise four hops from it (no shared chamber).
  const {
    rows: [chamber],
  } = await db.query<{ id: string }>(`select to_id as id from registry.relationship
    where type = 'MEMBER_OF' group by to_id having count(*) between 80 and 120 order by to_id limit 1`);
  const enterprise = await orgId(db, RANGES.ENTERPRISE.start + 1000);
  const far = await orgId(db, 50_000);
  const today = todayInChina();
  const jiaxing = ['330400', '330402', '330411', '330421', '330424', '330481', '330482', '330483'];
  return [
    {
      name: 'list page',
      rate: 40,
      graphql: `query List($name: String!) { organizations(first: 20, filter: { kind: INDUSTRY_ASSOCIATION, region: "330400", nameContains: $name }) {
        totalCount edges { node { id name regionCode } } } }`,
      variables: { name: COMMON_SYLLABLE },
      // count(*) over () is taken before LIMIT: the page and the total in one statement.
      sql: `select id, name, region_code, count(*) over () as total from registry.organization
        where kind = 'INDUSTRY_ASSOCIATION' and region_code = any($1) and name ilike $2 order by name, id limit 20`,
      params: [jiaxing, `%${COMMON_SYLLABLE}%`],
      graphqlSize: (d) => d.organizations.totalCount * 1000 + d.organizations.edges.length,
      sqlSize: (rows) => Number(rows[0]?.total ?? 0) * 1000 + rows.length,
      answer: totalAndRows,
    },
    {
      name: 'detail + edges',
      rate: 40,
      graphql: `query Detail($id: ID!) { organization(id: $id) { name kind relationships { type validFrom from { name } to { name } } } }`,
      variables: { id: chamber.id },
      sql: `select o.name, o.kind, e.type, e.valid_from, f.name as from_name, t.name as to_name
        from registry.organization o
        cross join lateral (
          select r.id, r.type, r.valid_from, r.from_id, r.to_id from registry.relationship r where r.from_id = o.id
          union all
          select r.id, r.type, r.valid_from, r.from_id, r.to_id from registry.relationship r where r.to_id = o.id and r.from_id <> o.id
        ) e
        join registry.organization f on f.id = e.from_id
        join registry.organization t on t.id = e.to_id
        where o.id = $1 order by e.valid_from, e.id`,
      params: [chamber.id],
      graphqlSize: (d) => d.organization.relationships.length,
      sqlSize: (rows) => rows.length,
      answer: (rows) => `${rows.length} relationships`,
    },
    {
      name: '2-hop neighbors',
      rate: 10,
      graphql: `query Neighbors($id: ID!) { organization(id: $id) { neighbors(depth: 2, first: 50) {
        totalCount edges { node { distance organization { name } } } } } }`,
      variables: { id: enterprise },
      // Breadth first, one row per level holding the whole frontier: each node is expanded once,
      // at its shortest distance, and no GROUP BY over repeated (node, depth) rows is needed.
      sql: `with recursive bfs(depth, front, seen) as (
          select 0, array[$1::uuid], array[$1::uuid]
          union all
          select b.depth + 1, x.nodes, b.seen || x.nodes
          from bfs b cross join lateral (
            select array_agg(distinct e.node) as nodes
            from unnest(b.front) f(id) cross join lateral (${STEP('f.id', '$2')}) e
            where not e.node = any(b.seen)
          ) x
          where b.depth < 2 and x.nodes is not null
        ),
        reached as materialized (select u.id, b.depth as distance from bfs b cross join unnest(b.front) u(id) where b.depth > 0)
        -- The count needs no names; only the page is sorted by name (a top-50 sort).
        select c.total, p.name, p.distance from (select count(*) as total from reached) c
        left join lateral (
          select o.name, r.distance from reached r join registry.organization o on o.id = r.id
          order by r.distance, o.name, o.id limit 50
        ) p on true`,
      params: [enterprise, today],
      graphqlSize: (d) => d.organization.neighbors.totalCount * 1000 + d.organization.neighbors.edges.length,
      sqlSize: (rows) => Number(rows[0]?.total ?? 0) * 1000 + rows.filter((r) => r.name !== null).length,
      answer: totalAndRows,
    },
    statisticsQuery(),
    {
      name: 'shortest path',
      rate: 10,
      graphql: `query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxDepth: 4) { length organizations { name } } }`,
      variables: { from: enterprise, to: far },
      // Meet in the middle: a path of length <= 4 has a node within 2 hops of both ends.
      sql: `with recursive ${BALL('f', '$1', 2, '$3')}, ${BALL('b', '$2', 2, '$3')},
        meet as (
          select f.path || coalesce((select array_agg(x order by i desc) from unnest(b.path) with ordinality u(x, i)
                                     where i < cardinality(b.path)), '{}') as path,
                 f.depth + b.depth as length
          from f join b on b.node = f.node order by length limit 1
        )
        select m.length, o.name from meet m cross join unnest(m.path) with ordinality u(id, i)
        join registry.organization o on o.id = u.id order by u.i`,
      params: [enterprise, far, today],
      graphqlSize: (d) => (d.path ? d.path.length * 1000 + d.path.organizations.length : -1),
      sqlSize: (rows) => (rows.length ? Number(rows[0].length) * 1000 + rows.length : -1),
      answer: (rows) => (rows.length ? `length ${rows[0].length}: ${rows.map((r) => r.name).join(' > ')}` : 'no path'),
    },
    ...queryLanguageQueries(),
  ];
}

/** `--queries`: numbers 1–9 or words from the names ("path", "neighbors"); all when not given. */
export function pickQueries(queries: BenchQuery[], spec: string | undefined): BenchQuery[] {
  if (!spec) return queries;
  const wanted = spec
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  return queries.filter((q, i) => wanted.some((w) => (/^\d+$/.test(w) ? w === String(i + 1) : q.name.includes(w))));
}
