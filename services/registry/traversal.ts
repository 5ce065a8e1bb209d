import type { EntityManager } from '@mikro-orm/postgresql';
import { Direction, RelationshipType } from './entities/kinds.js';
import { badInput } from '../common/errors.js';
import { inEffectSql } from './rules/in-force.js';

// Graph traversal over registry.relationship, in SQL: one recursive CTE per request.
//
// Why the CTEs are shaped the way they are (measured on 200,000 organizations and 1,000,000
// edges, 50 hubs of about 2,000 edges each):
// - Breadth first, one row per LEVEL carrying the frontier and every node seen so far as
//   arrays, instead of one row per walk with a path array. A path array only forbids cycles
//   within one walk, so the same node is expanded once per path leading to it: depth 3 from
//   a hub took 6.6 s that way (every simple path), 0.7 s this way (every node once). Each
//   node lands in exactly one frontier, at its shortest distance, so no GROUP BY/min is needed.
// - Each step is `unnest(frontier)` joined LATERALly to `from_id = f.id and type = any(...)`
//   and `to_id = f.id and type = any(...)`, so PostgreSQL probes relationship_from_idx /
//   relationship_to_idx per frontier node; the validity dates are filtered on the rows found.
// - Revisits are removed with an anti join against `unnest(seen)` (a hash, not `<> all()`,
//   which is quadratic on large frontiers).
// - The shortest path searches from both ends at once, always expanding the smaller frontier,
//   and stops at the first level where the two meet: a path of length 6 costs two balls of
//   radius about 3 instead of one of radius 6.

export const ALL_RELATIONSHIP_TYPES = Object.values(RelationshipType);
export const MAX_NEIGHBOR_DEPTH = 3;
export const MAX_PATH_DEPTH = 6;

export interface EdgeFilter {
  /** Edge types to follow; at least one. */
  types: readonly RelationshipType[];
  /** ISO date the edges must be valid on (validFrom <= asOf <= validTo, or validTo open). */
  asOf: string;
  /** Organizations the walk may step onto (the caller's jurisdiction, jurisdiction/request.ts); all when left out. */
  visible?: { sql: (organization: string) => string; params: Record<string, unknown> };
}

/** `depth` when it is a whole number within 1..max, else BAD_USER_INPUT naming the argument. */
export function requireDepth(depth: number, max: number, field: string): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > max)
    throw badInput(`${field} must be between 1 and ${max}; got ${depth}`, field);
  return depth;
}

/** The types to follow: all when omitted; an empty list is refused rather than matching nothing. */
export function edgeTypes(types: readonly RelationshipType[] | null | undefined): readonly RelationshipType[] {
  if (types == null) return ALL_RELATIONSHIP_TYPES;
  if (types.length === 0)
    throw badInput('types must name at least one relationship type (omit it to follow all)', 'types');
  return [...new Set(types)];
}

/**
 * One step from frontier node `f.id` as rows (node, prev, edge): `node` reached over `edge`
 * from `prev`. OUTGOING follows from→to, INCOMING to→from, BOTH either way.
 */
function stepFrom(direction: Direction): string {
  const valid = `r.type = any(array[:types]::text[]) and ${inEffectSql('r', ':asOf::date')}`;
  const outgoing = `select r.to_id as node, r.from_id as prev, r.id as edge from registry.relationship r where r.from_id = f.id and ${valid}`;
  const incoming = `select r.from_id as node, r.to_id as prev, r.id as edge from registry.relationship r where r.to_id = f.id and ${valid}`;
  if (direction === Direction.OUTGOING) return outgoing;
  if (direction === Direction.INCOMING) return incoming;
  return `${outgoing} union all ${incoming}`;
}

/**
 * The walk steps only onto organizations the caller sees: tested once per new node of a level,
 * after the level's edges are deduplicated and what was seen is taken off, not once per edge
 * (a chamber's hundreds of members reached over several edges each).
 */
const onto = (visible: EdgeFilter['visible'], node: string): string => (visible ? ` where ${visible.sql(node)}` : '');

export interface NeighborKey {
  distance: number;
  name: string;
  id: string;
}
export interface NeighborQuery extends EdgeFilter {
  start: string;
  direction: Direction;
  depth: number;
  /** Page size; the page holds at most this many rows. */
  first: number;
  /** Keyset: only neighbors after this (distance, name, id). */
  after?: NeighborKey;
}
export interface NeighborPage {
  rows: NeighborKey[];
  totalCount: number;
  hasNextPage: boolean;
}

/** Organizations within `depth` hops of `start`, each once at its shortest distance, one page. */
export async function findNeighbors(em: EntityManager, query: NeighborQuery): Promise<NeighborPage> {
  const sql = `
    with recursive bfs(depth, front, seen) as (
      select 0, array[:start::uuid], array[:start::uuid]
      union all
      select b.depth + 1, x.nodes, b.seen || x.nodes
      from bfs b
      cross join lateral (
        select array_agg(n.node) as nodes
        from (
          select distinct e.node
          from unnest(b.front) f(id)
          cross join lateral (${stepFrom(query.direction)}) e
          left join unnest(b.seen) v(id) on v.id = e.node
          where v.id is null
        ) n${onto(query.visible, 'n.node')}
      ) x
      where b.depth < :depth and x.nodes is not null
    ),
    reached as materialized (
      select u.id, b.depth as distance from bfs b cross join unnest(b.front) u(id) where b.depth > 0
    )
    -- One row even when the page is empty, so the count of the whole neighborhood always comes back.
    select c.total, p.id, p.distance, p.name
    from (select count(*)::int as total from reached) c
    left join lateral (
      select o.id, r.distance, o.name from reached r join registry.organization o on o.id = r.id
      ${query.after ? 'where (r.distance, o.name, o.id) > (:afterDistance::int, :afterName::text, :afterId::uuid)' : ''}
      order by r.distance, o.name, o.id
      limit :limit
    ) p on true
    order by p.distance, p.name, p.id`;
  const rows = await em
    .getConnection()
    .execute<{ total: number; id: string | null; distance: number; name: string }[]>(sql, {
      start: query.start,
      types: [...query.types],
      asOf: query.asOf,
      depth: query.depth,
      limit: query.first + 1,
      ...query.visible?.params,
      ...(query.after
        ? { afterDistance: query.after.distance, afterName: query.after.name, afterId: query.after.id }
        : {}),
    });
  const found = rows.filter((row) => row.id !== null).map(({ id, distance, name }) => ({ id: id!, distance, name }));
  return {
    rows: found.slice(0, query.first),
    totalCount: rows[0]?.total ?? 0,
    hasNextPage: found.length > query.first,
  };
}

export interface PathQuery extends EdgeFilter {
  from: string;
  to: string;
  maxDepth: number;
}
export interface FoundPath {
  /** From `from` to `to`, both included. */
  organizationIds: string[];
  /** The edges walked, in order; organizationIds.length - 1 of them. */
  relationshipIds: string[];
}

/** A shortest path between two organizations, edges walked either way; null when none within maxDepth. */
export async function shortestPath(em: EntityManager, query: PathQuery): Promise<FoundPath | null> {
  if (query.from === query.to) return { organizationIds: [query.from], relationshipIds: [] };
  const [row] = await em
    .getConnection()
    .execute<{ organizations: string[]; relationships: string[] }[]>(pathSql(query.visible), {
      from: query.from,
      to: query.to,
      types: [...query.types],
      asOf: query.asOf,
      maxDepth: query.maxDepth,
      ...query.visible?.params,
    });
  return row ? { organizationIds: row.organizations, relationshipIds: row.relationships } : null;
}

// Bidirectional BFS. Each row is one expansion of side F (from `from`) or B (from `to`): the
// side's new frontier with, per node, the node it came from and the edge (for the way back).
// The first expansion whose new nodes touch the other side's frontier has found the shortest
// length; `meeting` picks one such node and the two chains walk back to `from` and to `to`.
const pathSql = (visible: EdgeFilter['visible']) => `
  with recursive search(step, f_depth, b_depth, f_front, f_seen, b_front, b_seen, side, nodes, prevs, edges, met) as (
    select 0, 0, 0, array[:from::uuid], array[:from::uuid], array[:to::uuid], array[:to::uuid],
           null::text, null::uuid[], null::uuid[], null::uuid[], false
    union all
    select s.step + 1, s.f_depth + (x.side = 'F')::int, s.b_depth + (x.side = 'B')::int,
           case when x.side = 'F' then x.nodes else s.f_front end, case when x.side = 'F' then s.f_seen || x.nodes else s.f_seen end,
           case when x.side = 'B' then x.nodes else s.b_front end, case when x.side = 'B' then s.b_seen || x.nodes else s.b_seen end,
           x.side, x.nodes, x.prevs, x.edges,
           exists (select from unnest(x.nodes) a(id) join unnest(case when x.side = 'F' then s.b_front else s.f_front end) o(id) on o.id = a.id)
    from search s
    cross join lateral (select case when cardinality(s.f_front) <= cardinality(s.b_front) then 'F' else 'B' end as side) pick
    cross join lateral (
      select pick.side, array_agg(n.node order by n.node) as nodes,
             array_agg(n.prev order by n.node) as prevs, array_agg(n.edge order by n.node) as edges
      from (
        select distinct on (e.node) e.node, e.prev, e.edge
        from unnest(case when pick.side = 'F' then s.f_front else s.b_front end) f(id)
        cross join lateral (${stepFrom(Direction.BOTH)}) e
        left join unnest(case when pick.side = 'F' then s.f_seen else s.b_seen end) v(id) on v.id = e.node
        where v.id is null
        order by e.node, e.prev, e.edge
      ) n${onto(visible, 'n.node')}
    ) x
    where not s.met and s.f_depth + s.b_depth < :maxDepth and x.nodes is not null
  ),
  levels as materialized (
    select s.side, u.node, u.prev, u.edge from search s cross join unnest(s.nodes, s.prevs, s.edges) u(node, prev, edge) where s.step > 0
  ),
  meeting as (
    select a.id from search s cross join unnest(s.nodes) a(id)
    join unnest(case when s.side = 'F' then s.b_front else s.f_front end) o(id) on o.id = a.id
    where s.met order by a.id limit 1
  ),
  f_chain(node, prev, edge, hop) as (
    select l.node, l.prev, l.edge, 0 from levels l join meeting m on l.node = m.id where l.side = 'F'
    union all
    select l.node, l.prev, l.edge, c.hop + 1 from f_chain c join levels l on l.node = c.prev and l.side = 'F'
  ),
  b_chain(node, prev, edge, hop) as (
    select l.node, l.prev, l.edge, 0 from levels l join meeting m on l.node = m.id where l.side = 'B'
    union all
    select l.node, l.prev, l.edge, c.hop + 1 from b_chain c join levels l on l.node = c.prev and l.side = 'B'
  )
  select array[:from::uuid] || coalesce((select array_agg(node order by hop desc) from f_chain), '{}')
           || coalesce((select array_agg(prev order by hop) from b_chain), '{}') as organizations,
         coalesce((select array_agg(edge order by hop desc) from f_chain), '{}')
           || coalesce((select array_agg(edge order by hop) from b_chain), '{}') as relationships
  from meeting`;
