import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Relationship } from '../entities/relationship.js';
import { Organization } from '../entities/organization.js';
import { Person } from '../entities/person.js';
import { RelationshipType } from '../entities/kinds.js';
import {
  overlappingDuplicate,
  relationshipViolations,
  SYMMETRIC_TYPES,
  type EdgeDraft,
} from '../rules/relationship.js';
import { attributeViolations, referencedPeople } from '../rules/relationship-attributes.js';
import { dateViolations, periodViolations } from '../rules/period.js';
import { refuseViolations } from '../rules/violation.js';
import { clearedRequired, patchedFields } from '../rules/patch.js';
import { auditedCreate, auditedUpdate, referencedRow } from '../audit.js';
import type { RegistryContext } from '../context.js';
import { conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

@InputType()
class NewRelationship {
  @Field(() => RelationshipType) type!: RelationshipType;
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
  @Field(() => String, { description: 'ISO date the edge starts' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'ISO date it ends (its last day); left out while it lasts' })
  validTo?: string;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Typed by the edge type, e.g. BANK_PAIRING { agreement, programme }',
  })
  attributes?: Record<string, unknown>;
}

@InputType({
  description:
    'Fields to change: a field left out is kept; validTo null reopens the edge; attributes replace the old ones whole',
})
class RelationshipPatch {
  @Field(() => String, { nullable: true }) validFrom?: string | null;
  @Field(() => String, { nullable: true }) validTo?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) attributes?: Record<string, unknown> | null;
}

const draftOf = (edge: Relationship): EdgeDraft => ({
  type: edge.type,
  fromId: edge.from.id,
  toId: edge.to.id,
  validFrom: edge.validFrom,
  validTo: edge.validTo,
});

/** Attribute shapes, and the people they name must exist. */
async function refuseBadAttributes(tx: EntityManager, type: RelationshipType, attributes: Record<string, unknown>) {
  refuseViolations(attributeViolations(type, attributes));
  for (const personId of referencedPeople(type, attributes)) await referencedRow(tx, Person, personId);
}

/**
 * Refuses an edge that would duplicate another over overlapping dates. A transaction-scoped
 * advisory lock on (type, ends) makes two admins adding the same edge at once take turns, so
 * the second sees the first's row; without it both checks could pass.
 */
async function refuseDuplicate(tx: EntityManager, edge: EdgeDraft, ownId?: string) {
  const ends = SYMMETRIC_TYPES.has(edge.type) ? [edge.fromId, edge.toId].sort() : [edge.fromId, edge.toId];
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`relationship:${edge.type}:${ends.join(':')}`]);
  const pairs = [
    { from: edge.fromId, to: edge.toId },
    ...(SYMMETRIC_TYPES.has(edge.type) ? [{ from: edge.toId, to: edge.fromId }] : []),
  ];
  const others = await tx.find(Relationship, { type: edge.type, $or: pairs, ...(ownId ? { id: { $ne: ownId } } : {}) });
  const duplicate = overlappingDuplicate(
    edge,
    others.map((other) => ({ ...draftOf(other), id: other.id })),
  );
  if (duplicate) {
    throw conflict(
      `A ${edge.type} edge between these organizations already holds from ${duplicate.validFrom} to ${duplicate.validTo ?? 'now'} ` +
        `(${duplicate.id}); end it or change its dates first`,
    );
  }
}

/** ADMIN mutations on the dated edges between organizations. */
@Resolver()
export class RelationshipAdminResolver {
  @Authorized('ADMIN')
  @Mutation(() => Relationship, {
    description: 'ADMIN: add an edge; refused when it duplicates one over overlapping dates',
  })
  async createRelationship(
    @Arg('input', () => NewRelationship) input: NewRelationship,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Relationship> {
    await jurisdictionOf({ em, identity }).requireEdgeKept(
      input.type,
      requireUuid(input.fromId, 'fromId'),
      requireUuid(input.toId, 'toId'),
    );
    const edge: EdgeDraft = {
      type: input.type,
      fromId: requireUuid(input.fromId, 'fromId'),
      toId: requireUuid(input.toId, 'toId'),
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    };
    const attributes = input.attributes ?? {};
    refuseViolations([
      ...dateViolations({ validFrom: edge.validFrom, validTo: edge.validTo }),
      ...relationshipViolations(edge),
    ]);
    refuseViolations(attributeViolations(edge.type, attributes));
    return auditedCreate(em, identity.subject, async (tx) => {
      const from = await referencedRow(tx, Organization, edge.fromId);
      const to = await referencedRow(tx, Organization, edge.toId);
      await refuseBadAttributes(tx, edge.type, attributes);
      await refuseDuplicate(tx, edge);
      return tx.create(Relationship, {
        type: edge.type,
        from,
        to,
        validFrom: edge.validFrom,
        validTo: edge.validTo,
        attributes,
      });
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Relationship, {
    description: "ADMIN: change an edge's dates or attributes as it was at `version`; CONFLICT when changed since",
  })
  async updateRelationship(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RelationshipPatch) input: RelationshipPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Relationship> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('relationship', requireUuid(id), ['from_id', 'to_id']);
    const target = { entity: Relationship, id: requireUuid(id), version, action: 'UPDATE' as const };
    const patch = patchedFields(input);
    refuseViolations([
      ...clearedRequired(patch, ['validFrom', 'attributes']),
      ...dateViolations({ validFrom: input.validFrom, validTo: input.validTo }),
    ]);
    return auditedUpdate(em, identity.subject, target, async (edge, tx) => {
      Object.assign(edge, patch);
      refuseViolations(periodViolations(edge));
      if (patch.attributes) await refuseBadAttributes(tx, edge.type, patch.attributes);
      if (patch.validFrom !== undefined || patch.validTo !== undefined)
        await refuseDuplicate(tx, draftOf(edge), edge.id);
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Relationship, { description: 'ADMIN: the edge ends on validTo (its last day)' })
  async endRelationship(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('validTo', () => String) validTo: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Relationship> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('relationship', requireUuid(id), ['from_id', 'to_id']);
    const target = { entity: Relationship, id: requireUuid(id), version, action: 'END' as const };
    refuseViolations(dateViolations({ validTo }));
    return auditedUpdate(em, identity.subject, target, (edge) => {
      if (edge.validTo != null) throw conflict(`Relationship ${edge.id} already ended on ${edge.validTo}`);
      edge.validTo = validTo;
      refuseViolations(periodViolations(edge));
    });
  }
}
