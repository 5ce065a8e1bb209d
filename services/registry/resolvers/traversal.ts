import { Authorized, Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import { Direction, RelationshipType } from '../entities/kinds.js';
import {
  MAX_NEIGHBOR_DEPTH,
  MAX_PATH_DEPTH,
  edgeTypes,
  findNeighbors,
  requireDepth,
  shortestPath,
  type NeighborKey,
} from '../traversal.js';
import { asOfDate } from '../dates.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import type { RegistryContext } from '../context.js';
import { Connection, encodeCursor, type ConnectionShape } from '../../common/connection.js';
import { decodeCursor } from '../../common/cursor.js';
import { requireUuid } from '../../common/ids.js';
import { badInput, notFound } from '../../common/errors.js';

@ObjectType({ description: 'An organization reached from another, and in how many hops' })
class Neighbor {
  @Field(() => Organization) organization!: Organization;
  @Field(() => Int, { description: 'Hops on the shortest way there (1 = a direct edge)' }) distance!: number;
}
const NeighborConnection = Connection('Neighbor', Neighbor);

@ObjectType({ description: 'A shortest chain of edges between two organizations' })
class OrganizationPath {
  @Field(() => Int, { description: 'Number of edges; 0 when from and to are the same organization' }) length!: number;
  @Field(() => [Organization], { description: 'From `from` to `to`, both included' }) organizations!: Organization[];
  @Field(() => [Relationship], {
    description: 'The edges in walking order; an edge may be walked against its direction',
  })
  relationships!: Relationship[];
}

// A neighbor cursor is the sort key (distance, name, id) in the hub's one cursor codec; the
// SQL binds its values to typed parameters, so each is checked here first.
const cursorOf = (key: NeighborKey) => encodeCursor([key.distance, key.name, key.id]);

function neighborKey(cursor: string): NeighborKey {
  const [distance, name, id] = decodeCursor(cursor, ['integer', 'text', 'uuid'], 'after') as [number, string, string];
  if (distance < 1 || distance > MAX_NEIGHBOR_DEPTH)
    throw badInput(`"${cursor}" is not a cursor this list gave out`, 'after');
  return { distance, name, id };
}

/** Organization.neighbors and Query.path: traversals of the relationship graph (SQL in ../traversal.ts). */
@Resolver(() => Organization)
export class TraversalResolver {
  @Authorized()
  @FieldResolver(() => NeighborConnection, {
    description:
      'Organizations within `depth` hops (1 to 3) over edges valid on asOf (default today), each once at its ' +
      'shortest distance, never this organization itself; ordered by distance, then name, then id',
  })
  async neighbors(
    @Root() organization: Organization,
    @Arg('types', () => [RelationshipType], { nullable: true, description: 'Edge types to follow (default: all)' })
    types: RelationshipType[] | null | undefined,
    @Arg('direction', () => Direction, {
      defaultValue: Direction.BOTH,
      description: 'OUTGOING follows from→to, INCOMING to→from',
    })
    direction: Direction,
    @Arg('depth', () => Int, { defaultValue: 1 }) depth: number,
    @Arg('asOf', () => String, { nullable: true, description: 'ISO date the edges must be valid on' })
    asOf: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20)' })
    first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' })
    after: string | null | undefined,
    @Ctx() { em, identity, loaders }: RegistryContext,
  ): Promise<ConnectionShape<Neighbor>> {
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > 100)
      throw badInput(`first must be between 1 and 100; got ${size}`, 'first');
    const page = await findNeighbors(em, {
      start: organization.id,
      direction,
      depth: requireDepth(depth, MAX_NEIGHBOR_DEPTH, 'depth'),
      types: edgeTypes(types),
      asOf: asOfDate(asOf),
      first: size,
      after: after == null ? undefined : neighborKey(after),
      visible: await jurisdictionOf({ em, identity }).traversalScope(),
    });
    const organizations = await loaders.organization.loadMany(page.rows.map((row) => row.id));
    const edges = page.rows.map((row, i) => ({
      cursor: cursorOf(row),
      node: { organization: organizations[i] as Organization, distance: row.distance },
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after != null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Authorized()
  @Query(() => OrganizationPath, {
    nullable: true,
    description:
      'A shortest path between two organizations over edges valid on asOf (default today), walking edges ' +
      'either way; null when there is none within maxDepth (1 to 6)',
  })
  async path(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('types', () => [RelationshipType], { nullable: true, description: 'Edge types to follow (default: all)' })
    types: RelationshipType[] | null | undefined,
    @Arg('maxDepth', () => Int, { defaultValue: MAX_PATH_DEPTH }) maxDepth: number,
    @Arg('asOf', () => String, { nullable: true, description: 'ISO date the edges must be valid on' })
    asOf: string | null | undefined,
    @Ctx() { em, identity, loaders }: RegistryContext,
  ): Promise<OrganizationPath | null> {
    const query = {
      from: requireUuid(from, 'from'),
      to: requireUuid(to, 'to'),
      types: edgeTypes(types),
      maxDepth: requireDepth(maxDepth, MAX_PATH_DEPTH, 'maxDepth'),
      asOf: asOfDate(asOf),
    };
    // Outside the caller's jurisdiction an end is as if there were none; the walk stays inside it.
    const visible = await jurisdictionOf({ em, identity }).traversalScope(query.from, query.to);
    const ends = await loaders.organization.loadMany([query.from, query.to]);
    ends.forEach((end, i) => {
      // Plain rows (loaders.ts), not entities: null when there is none.
      if (end instanceof Error) throw end;
      if (end == null) throw notFound(`No organization has id ${i === 0 ? from : to}`);
    });
    const found = await shortestPath(em, { ...query, visible });
    if (!found) return null;
    const organizations = await loaders.organization.loadMany(found.organizationIds);
    const relationships = await em.find(Relationship, { id: { $in: found.relationshipIds } });
    const byId = new Map(relationships.map((r) => [r.id, r]));
    return {
      length: found.relationshipIds.length,
      organizations: organizations as Organization[],
      relationships: found.relationshipIds.map((id) => byId.get(id)!),
    };
  }
}
