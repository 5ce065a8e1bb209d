import { Authorized, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditEntry } from '../entities/audit-entry.js';
import { Organization } from '../entities/organization.js';
import { Person } from '../entities/person.js';
import { Position } from '../entities/position.js';
import { Relationship } from '../entities/relationship.js';
import { Rating } from '../entities/rating.js';
import { Honour } from '../entities/honour.js';
import { Certification } from '../entities/certification.js';
import { AdministrativePenalty, AnnualInspection, ListEntry } from '../entities/evaluation-facts.js';
import { CreditEntry, RewardGrant } from '../entities/credit.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs, findPage } from '../../common/connection.js';
import { requireUuid } from '../../common/ids.js';
import { badInput } from '../../common/errors.js';

const AuditEntryConnection = Connection('AuditEntry', AuditEntry);

/** The entity types the admin and officer mutations and the write-backs change, as audit entries name them. */
const AUDITED_TYPES = [
  Organization,
  Person,
  Position,
  Relationship,
  Rating,
  Honour,
  Certification,
  AnnualInspection,
  AdministrativePenalty,
  ListEntry,
  CreditEntry,
  RewardGrant,
].map((entity) => entity.name);

@ArgsType()
class AuditTrailArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: `Only changes to this type: ${AUDITED_TYPES.join(', ')}` })
  entityType?: string;

  @Field(() => ID, { nullable: true, description: 'Only changes to this record' })
  entityId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only changes to this organization and to its facts (positions, edges, grades, honours, inspections, penalties, list entries, credit entries, grants)',
  })
  organizationId?: string;
}

/** The organization's own id and those of every record about it: an organization page's history. */
async function recordsOf(em: RegistryContext['em'], organizationId: string): Promise<string[]> {
  const owned = [
    Position,
    Rating,
    Honour,
    AnnualInspection,
    AdministrativePenalty,
    ListEntry,
    CreditEntry,
    RewardGrant,
  ];
  const lists = await Promise.all([
    ...owned.map((entity) =>
      em.find(entity as typeof Position, { organization: organizationId }, { fields: ['id'] as never }),
    ),
    em.find(Relationship, { $or: [{ from: organizationId }, { to: organizationId }] }, { fields: ['id'] as never }),
  ]);
  return [organizationId, ...lists.flat().map((record) => (record as { id: string }).id)];
}

@Resolver(() => AuditEntry)
export class AuditTrailResolver {
  @Authorized('ADMIN', 'FEDERATION_OFFICER')
  @Query(() => AuditEntryConnection, {
    description: 'ADMIN or FEDERATION_OFFICER: who changed what in the registry, when and why, newest first',
  })
  async auditTrail(
    @Args(() => AuditTrailArgs) { entityType, entityId, organizationId, ...page }: AuditTrailArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    if (entityType != null && !AUDITED_TYPES.includes(entityType)) {
      throw badInput(
        `"${entityType}" is not an audited entity type (one of ${AUDITED_TYPES.join(', ')})`,
        'entityType',
      );
    }
    const where = {
      ...(entityType != null ? { entityType } : {}),
      ...(entityId != null ? { entityId: requireUuid(entityId, 'entityId') } : {}),
    };
    const about =
      organizationId != null
        ? { entityId: { $in: await recordsOf(em, requireUuid(organizationId, 'organizationId')) } }
        : {};
    // The id is a sequence, so it orders entries as they were written (audit_entry_entity_idx serves the filter).
    const scoped: FilterQuery<AuditEntry> = {
      $and: [where, about, jurisdictionOf({ em, identity }).auditCondition<AuditEntry>()],
    };
    return findPage(em, AuditEntry, scoped, { id: 'desc' }, page);
  }
}
