import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import { Direction, OrganizationKind, RelationshipType } from '../entities/kinds.js';
import { regionAndSubregions, regionName } from '../regions.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs, fromCursor, pageOrBadCursor } from '../../shared/connection.js';
import { requireUuid } from '../../shared/ids.js';
import { badInput, notFound } from '../../shared/errors.js';

const OrganizationConnection = Connection('Organization', Organization);

@InputType({ description: 'Narrows the organization list; all given conditions must hold' })
class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind;
  @Field(() => String, { nullable: true, description: 'Region code; includes its sub-regions (330400 covers 330402 ...)' })
  region?: string;
  @Field(() => String, { nullable: true, description: 'Part of the Chinese or English name' })
  nameContains?: string;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: 'One organization by id; NOT_FOUND when there is none' })
  async organization(@Arg('id', () => ID) id: string, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    const found = await loaders.organization.load(requireUuid(id));
    if (!found) throw notFound(`No organization has id ${id}`);
    return found;
  }

  @Query(() => OrganizationConnection, { description: 'Organizations ordered by name, then id' })
  async organizations(
    @Args(() => PageArgs) { first = 20, after }: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Ctx() { em }: RegistryContext,
  ) {
    const where: FilterQuery<Organization> = {};
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.region !== undefined) {
      if (!regionName(filter.region)) throw badInput(`"${filter.region}" is not a region code the registry knows`, 'filter.region');
      where.regionCode = { $in: regionAndSubregions(filter.region) };
    }
    if (filter?.nameContains) {
      const pattern = `%${filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { englishName: { $ilike: pattern } }];
    }
    const cursor = await pageOrBadCursor(
      () => em.findByCursor(Organization, { where, first, after, orderBy: { name: 'asc', id: 'asc' }, includeCount: true }),
      after,
    );
    return fromCursor(cursor);
  }

  @FieldResolver(() => [Relationship], { description: 'Edges at this organization, oldest first' })
  relationships(
    @Root() organization: Organization,
    @Arg('type', () => RelationshipType, { nullable: true }) type: RelationshipType | undefined,
    @Arg('direction', () => Direction, { defaultValue: Direction.BOTH }) direction: Direction,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Relationship[]> {
    return loaders.relationships.load({ organizationId: organization.id, type, direction });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the region code' })
  regionName(@Root() organization: Organization): string | undefined {
    return regionName(organization.regionCode);
  }
}
