import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { asksFor } from '../../common/selection.js';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import { Position } from '../entities/position.js';
import { Rating } from '../entities/rating.js';
import { Honour } from '../entities/honour.js';
import { Direction, HonourLevel, PositionRole, RelationshipType } from '../entities/kinds.js';
import { regionName } from '../regions.js';
import { OrganizationFilter, organizationWhere } from '../organization-filter.js';
import { currentRating } from '../rating-rules.js';
import { asOfDate } from '../dates.js';
import { heldOn } from './nested-connections.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs, pageOf } from '../../common/connection.js';
import { plainListPage } from '../query/list-page.js';
import { ORDER_BY_DESCRIPTION, type OrderTerm } from '../query/order.js';
import {
  ORGANIZATION_ORDER,
  OrganizationOrder,
  RELATIONSHIP_ORDER,
  RelationshipOrder,
  type OrganizationOrderField,
  type RelationshipOrderField,
} from '../query/list-orders.js';
import { resolveOrder } from '../query/order.js';
import { orderedPageOf } from '../query/ordered-memory.js';
import { keyColumns } from '../../common/cursor.js';
import { requireUuid } from '../../common/ids.js';
import { notFound } from '../../common/errors.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

const OrganizationConnection = Connection('Organization', Organization);
const RelationshipConnection = Connection('Relationship', Relationship);

@ArgsType()
class RelationshipPageArgs extends PageArgs {
  @Field(() => RelationshipType, { nullable: true }) type?: RelationshipType;
  @Field(() => Direction, { defaultValue: Direction.BOTH }) direction!: Direction;
  @Field(() => [RelationshipOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<RelationshipOrderField>[];
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: 'One organization by id; NOT_FOUND when there is none' })
  async organization(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, identity, loaders }: RegistryContext,
  ): Promise<Organization> {
    const [found, sees] = await Promise.all([
      loaders.organization.load(requireUuid(id)),
      jurisdictionOf({ em, identity }).sees(id),
    ]);
    // Outside the caller's jurisdiction it is as if there were none.
    if (!found || !sees) throw notFound(`No organization has id ${id}`);
    return found;
  }

  @Query(() => OrganizationConnection, {
    description: 'Organizations ordered by name (code point), then id, unless orderBy says otherwise',
  })
  async organizations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Arg('orderBy', () => [OrganizationOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
    orderBy: OrderTerm<OrganizationOrderField>[] | undefined,
    @Ctx() { em, identity, loaders }: RegistryContext,
  ) {
    // Plain rows, as the organization loader gives them (read-only answers), in the caller's jurisdiction.
    const connection = await plainListPage(
      em,
      Organization,
      { $and: [organizationWhere(filter), jurisdictionOf({ em, identity }).organizationCondition<Organization>()] },
      { name: 'asc', id: 'asc' },
      { fields: ORGANIZATION_ORDER, terms: orderBy },
      page,
    );
    // The page's organizations are loaded already: fields that point back at them (a rating's
    // or honour's organization) must not fetch them again, in whatever tick they ask.
    for (const { node } of connection.edges) loaders.organization.prime(node.id, node);
    return connection;
  }

  @FieldResolver(() => [Relationship], { description: 'Edges at this organization, oldest first' })
  relationships(
    @Root() organization: Organization,
    @Arg('type', () => RelationshipType, { nullable: true }) type: RelationshipType | undefined,
    @Arg('direction', () => Direction, { defaultValue: Direction.BOTH }) direction: Direction,
    @Ctx() { loaders }: RegistryContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Relationship[]> {
    // Ends asked for: read with the edges, one statement instead of a second round trip.
    const withEnds = asksFor(info, ['from', 'to']);
    return loaders.relationships.load({ organizationId: organization.id, type, direction, withEnds });
  }

  @FieldResolver(() => RelationshipConnection, {
    description: 'The same edges as `relationships`, as a connection (oldest first)',
  })
  async relationshipsConnection(
    @Root() organization: Organization,
    @Args(() => RelationshipPageArgs) { type, direction, orderBy, ...page }: RelationshipPageArgs,
    @Ctx() { em, loaders }: RegistryContext,
  ) {
    const order = orderBy?.length ? resolveOrder(RELATIONSHIP_ORDER, orderBy) : undefined;
    // All of the page's organizations' edges come in one batch; the page is cut in memory.
    const edges = await loaders.relationships.load({ organizationId: organization.id, type, direction });
    if (!order) return pageOf(edges, (edge) => [edge.validFrom, edge.id], ['date', 'uuid'], page);
    const types = keyColumns(
      em,
      Relationship,
      order.keys.map((k) => k.property),
    );
    const keyOf = (edge: Relationship, property: string) =>
      (edge[property as keyof Relationship] as string | null | undefined) ?? null;
    return orderedPageOf(edges, order, types, keyOf, page);
  }

  @FieldResolver(() => [Position], { description: 'Who holds which role here, earliest first' })
  async positions(
    @Root() organization: Organization,
    @Arg('role', () => PositionRole, { nullable: true }) role: PositionRole | undefined,
    @Arg('activeOn', () => String, { nullable: true, description: 'Only positions held on this ISO date' })
    activeOn: string | undefined,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Position[]> {
    return heldOn(await loaders.positionsByOrganization.load(organization.id), role, activeOn);
  }

  @FieldResolver(() => [Rating], { description: 'Every 1A–5A grade awarded, newest first' })
  ratings(@Root() organization: Organization, @Ctx() { loaders }: RegistryContext): Promise<Rating[]> {
    return loaders.ratingsByOrganization.load(organization.id);
  }

  @FieldResolver(() => Rating, {
    nullable: true,
    description: 'The grade in force on asOf (default today); null when none is',
  })
  async currentRating(
    @Root() organization: Organization,
    @Arg('asOf', () => String, { nullable: true }) asOf: string | undefined,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Rating | null> {
    const day = asOfDate(asOf);
    return currentRating(await loaders.ratingsByOrganization.load(organization.id), day);
  }

  @FieldResolver(() => [Honour], { description: 'Honours such as 四好商会, newest first' })
  async honours(
    @Root() organization: Organization,
    @Arg('level', () => HonourLevel, { nullable: true }) level: HonourLevel | undefined,
    @Arg('year', () => Int, { nullable: true }) year: number | undefined,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Honour[]> {
    const honours = await loaders.honoursByOrganization.load(organization.id);
    return honours.filter((h) => (!level || h.level === level) && (year == null || h.year === year));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the region code' })
  regionName(@Root() organization: Organization): string | undefined {
    return regionName(organization.regionCode);
  }
}
