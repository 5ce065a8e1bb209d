import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../entities/organization.js';
import { OrganizationKind } from '../entities/kinds.js';
import { organizationViolations } from '../rules/organization.js';
import { lengthViolations, refuseViolations } from '../rules/violation.js';
import { clearedRequired, patchedFields } from '../rules/patch.js';
import { auditedCreate, auditedUpdate } from '../audit.js';
import { dateViolations } from '../rules/period.js';
import type { RegistryContext } from '../context.js';
import { conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

@InputType()
class NewOrganization {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) shortName?: string;
  @Field(() => String, { nullable: true }) englishName?: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field(() => String) regionCode!: string;
  @Field(() => String, { nullable: true }) homeRegionCode?: string;
  @Field(() => String, { nullable: true }) creditCode?: string;
  @Field(() => String, { nullable: true, description: 'ISO date of registration (登记日期)' }) registeredOn?: string;
}

@InputType({
  description: 'Fields to change: a field left out is kept, null clears an optional one. The kind cannot change.',
})
class OrganizationPatch {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) shortName?: string | null;
  @Field(() => String, { nullable: true }) englishName?: string | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => String, { nullable: true }) homeRegionCode?: string | null;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => String, { nullable: true }) registeredOn?: string | null;
}

type Texts = { name?: string | null; shortName?: string | null; englishName?: string | null };
const textViolations = (o: Texts) =>
  lengthViolations({ name: [o.name, 200], shortName: [o.shortName, 100], englishName: [o.englishName, 300] });

/** A credit code identifies one organization (the unique index is the backstop for races). */
async function refuseTakenCreditCode(tx: EntityManager, creditCode: string | null | undefined, ownId?: string) {
  if (creditCode == null) return;
  const holder = await tx.findOne(Organization, { creditCode, ...(ownId ? { id: { $ne: ownId } } : {}) });
  if (holder) throw conflict(`${holder.name} (${holder.id}) already has credit code ${creditCode}`);
}

async function creditCodeRace<T>(creditCode: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Two admins gave the same code at once; the check above saw neither.
    if (error instanceof UniqueConstraintViolationException)
      throw conflict(`Another organization already has credit code ${creditCode}`);
    throw error;
  }
}

/** ADMIN mutations on organizations; each writes an audit entry in its own transaction. */
@Resolver(() => Organization)
export class OrganizationAdminResolver {
  @Authorized('ADMIN')
  @Mutation(() => Organization, { description: 'ADMIN: add an organization to the registry' })
  createOrganization(
    @Arg('input', () => NewOrganization) input: NewOrganization,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Organization> {
    const draft = { ...input, name: input.name.trim() };
    refuseViolations([
      ...textViolations(draft),
      ...dateViolations({ registeredOn: input.registeredOn }),
      ...organizationViolations(draft),
    ]);
    return creditCodeRace(input.creditCode, () =>
      auditedCreate(em, identity.subject, async (tx) => {
        await refuseTakenCreditCode(tx, input.creditCode);
        return tx.create(Organization, {
          name: draft.name,
          shortName: input.shortName ?? null,
          englishName: input.englishName ?? null,
          kind: input.kind,
          regionCode: input.regionCode,
          homeRegionCode: input.homeRegionCode ?? null,
          creditCode: input.creditCode ?? null,
          registeredOn: input.registeredOn ?? null,
        });
      }),
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => Organization, {
    description: 'ADMIN: change an organization as it was at `version`; CONFLICT when it has changed since',
  })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => OrganizationPatch) input: OrganizationPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Organization> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(id));
    const target = { entity: Organization, id: requireUuid(id), version, action: 'UPDATE' as const };
    const patch = patchedFields({ ...input, name: input.name?.trim() ?? input.name });
    refuseViolations([
      ...clearedRequired(patch, ['name', 'regionCode']),
      ...textViolations(patch),
      ...dateViolations({ registeredOn: input.registeredOn }),
    ]);
    return creditCodeRace(input.creditCode, () =>
      auditedUpdate(em, identity.subject, target, async (organization, tx) => {
        Object.assign(organization, patch);
        refuseViolations(organizationViolations(organization));
        if (patch.creditCode !== undefined) await refuseTakenCreditCode(tx, patch.creditCode, organization.id);
      }),
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => Organization, {
    description: 'ADMIN: record that an organization ceased (deregistered, merged) on `endedOn`',
  })
  async endOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('endedOn', () => String) endedOn: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Organization> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(id));
    const target = { entity: Organization, id: requireUuid(id), version, action: 'END' as const };
    refuseViolations(dateViolations({ endedOn }));
    return auditedUpdate(em, identity.subject, target, (organization) => {
      if (organization.endedOn != null) throw conflict(`${organization.name} already ended on ${organization.endedOn}`);
      organization.endedOn = endedOn;
    });
  }
}
