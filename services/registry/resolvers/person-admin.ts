import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { Person } from '../entities/person.js';
import { Position } from '../entities/position.js';
import { Organization } from '../entities/organization.js';
import { PositionRole } from '../entities/kinds.js';
import { personViolations } from '../rules/person.js';
import { dateViolations, periodViolations } from '../rules/period.js';
import { lengthViolations, refuseViolations } from '../rules/violation.js';
import { clearedRequired, patchedFields } from '../rules/patch.js';
import { auditedCreate, auditedUpdate, referencedRow } from '../audit.js';
import type { RegistryContext } from '../context.js';
import { conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

@InputType()
class NewPerson {
  @Field(() => String, { description: 'Name in Chinese' }) name!: string;
  @Field(() => String, { nullable: true }) englishName?: string;
}

@InputType({ description: 'Fields to change: a field left out is kept, null clears an optional one' })
class PersonPatch {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) englishName?: string | null;
}

@InputType()
class NewPosition {
  @Field(() => ID) personId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => PositionRole) role!: PositionRole;
  @Field(() => String, { description: 'ISO date the position starts' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'ISO date it ends (its last day); left out while held' })
  validTo?: string;
}

@InputType({ description: 'Fields to change: a field left out is kept; validTo null reopens the position' })
class PositionPatch {
  @Field(() => PositionRole, { nullable: true }) role?: PositionRole | null;
  @Field(() => String, { nullable: true }) validFrom?: string | null;
  @Field(() => String, { nullable: true }) validTo?: string | null;
}

const nameViolations = (o: { name?: string | null; englishName?: string | null }) =>
  lengthViolations({ name: [o.name, 100], englishName: [o.englishName, 200] });

/** ADMIN mutations on people and the positions they hold (职务). */
@Resolver()
export class PersonAdminResolver {
  @Authorized('ADMIN')
  @Mutation(() => Person, { description: 'ADMIN: add a person to the registry' })
  createPerson(
    @Arg('input', () => NewPerson) input: NewPerson,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Person> {
    const draft = { name: input.name.trim(), englishName: input.englishName ?? null };
    refuseViolations([...nameViolations(draft), ...personViolations(draft)]);
    return auditedCreate(em, identity.subject, async (tx) => tx.create(Person, draft));
  }

  @Authorized('ADMIN')
  @Mutation(() => Person, {
    description: 'ADMIN: change a person as they were at `version`; CONFLICT when changed since',
  })
  updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => PersonPatch) input: PersonPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Person> {
    const target = { entity: Person, id: requireUuid(id), version, action: 'UPDATE' as const };
    const patch = patchedFields({ ...input, name: input.name?.trim() ?? input.name });
    refuseViolations([...clearedRequired(patch, ['name']), ...nameViolations(patch)]);
    return auditedUpdate(em, identity.subject, target, (person) => {
      Object.assign(person, patch);
      refuseViolations(personViolations(person));
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Position, { description: 'ADMIN: a person takes a role in an organization from validFrom' })
  async createPosition(
    @Arg('input', () => NewPosition) input: NewPosition,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Position> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const [personId, organizationId] = [
      requireUuid(input.personId, 'personId'),
      requireUuid(input.organizationId, 'organizationId'),
    ];
    refuseViolations(dateViolations({ validFrom: input.validFrom, validTo: input.validTo }));
    refuseViolations(periodViolations(input));
    return auditedCreate(em, identity.subject, async (tx) => {
      const person = await referencedRow(tx, Person, personId);
      const organization = await referencedRow(tx, Organization, organizationId);
      return tx.create(Position, {
        person,
        organization,
        role: input.role,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      });
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Position, {
    description: 'ADMIN: change a position as it was at `version`; CONFLICT when changed since',
  })
  async updatePosition(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => PositionPatch) input: PositionPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Position> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('position', requireUuid(id));
    const target = { entity: Position, id: requireUuid(id), version, action: 'UPDATE' as const };
    const patch = patchedFields(input);
    refuseViolations([
      ...clearedRequired(patch, ['role', 'validFrom']),
      ...dateViolations({ validFrom: input.validFrom, validTo: input.validTo }),
    ]);
    return auditedUpdate(em, identity.subject, target, (position) => {
      Object.assign(position, patch);
      refuseViolations(periodViolations(position));
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Position, { description: 'ADMIN: the position ends on validTo (its last day)' })
  async endPosition(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('validTo', () => String) validTo: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Position> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('position', requireUuid(id));
    const target = { entity: Position, id: requireUuid(id), version, action: 'END' as const };
    refuseViolations(dateViolations({ validTo }));
    return auditedUpdate(em, identity.subject, target, (position) => {
      if (position.validTo != null) throw conflict(`Position ${position.id} already ended on ${position.validTo}`);
      position.validTo = validTo;
      refuseViolations(periodViolations(position));
    });
  }
}
