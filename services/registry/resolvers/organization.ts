import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import { Direction, OrganizationKind, RelationshipType } from '../entities/kinds.js';
import { regionAndSubregions, regionName } from '../regions.js';
import { organizationViolations } from '../organization-rules.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs, fromCursor, pageOrBadCursor } from '../../shared/connection.js';
import { requireUuid } from '../../shared/ids.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { requireRole } from '../../shared/access.js';

const OrganizationConnection = Connection('Organization', Organization);

@InputType({ description: 'Narrows the organization list; all given conditions must hold' })
class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind;
  @Field(() => String, { nullable: true, description: 'Region code; includes its sub-regions (330400 covers 330402 ...)' })
  region?: string;
  @Field(() => String, { nullable: true, description: 'Part of the Chinese or English name' })
  nameContains?: string;
}

@InputType()
class NewOrganization {
  @Field(() => String) @MinLength(1) @MaxLength(200) name!: string;
  @Field(() => String, { nullable: true }) @MaxLength(100) shortName?: string;
  @Field(() => String, { nullable: true }) @MaxLength(300) englishName?: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field(() => String) regionCode!: string;
  @Field(() => String, { nullable: true }) homeRegionCode?: string;
  @Field(() => String, { nullable: true }) creditCode?: string;
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

  @Mutation(() => Organization, { description: 'ADMIN: add an organization to the registry' })
  async createOrganization(
    @Arg('input', () => NewOrganization) input: NewOrganization,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Organization> {
    requireRole(identity, 'ADMIN');
    const violation = organizationViolations(input)[0];
    if (violation) throw badInput(violation.message, violation.field);
    const organization = em.create(Organization, {
      name: input.name.trim(),
      shortName: input.shortName ?? null,
      englishName: input.englishName ?? null,
      kind: input.kind,
      regionCode: input.regionCode,
      homeRegionCode: input.homeRegionCode ?? null,
      creditCode: input.creditCode ?? null,
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict(`Another organization already has credit code ${input.creditCode}`);
      }
      throw error;
    }
    return organization;
  }
}
