import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Organization } from '../entities/organization.js';
import { OrganizationKind } from '../entities/kinds.js';
import { organizationViolations } from '../organization-rules.js';
import type { RegistryContext } from '../context.js';
import { badInput, conflict } from '../../shared/errors.js';
import { requireRole } from '../../shared/access.js';

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

/** ADMIN mutations on organizations. */
@Resolver(() => Organization)
export class OrganizationAdminResolver {
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
