import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { Rating } from '../entities/rating.js';
import { Honour } from '../entities/honour.js';
import { Organization } from '../entities/organization.js';
import { Grade, HonourLevel } from '../entities/kinds.js';
import { honourViolations, ratingViolations } from '../rules/rating.js';
import { dateViolations } from '../rules/period.js';
import { lengthViolations, refuseViolations } from '../rules/violation.js';
import { clearedRequired, patchedFields } from '../rules/patch.js';
import { auditedCreate, auditedUpdate, referencedRow } from '../audit.js';
import { todayInChina } from '../../common/dates.js';
import type { RegistryContext } from '../context.js';
import { badInput, conflict } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

@InputType()
class NewRating {
  @Field(() => ID) organizationId!: string;
  @Field(() => Grade) grade!: Grade;
  @Field(() => String, { description: 'ISO date the grade was awarded; it stays valid five years' }) awardedOn!: string;
  @Field(() => String, { nullable: true, description: 'Who assessed it, e.g. 嘉兴市民政局' }) awardedBy?: string;
}

@InputType({ description: 'Fields to change: a field left out is kept, null clears awardedBy' })
class RatingPatch {
  @Field(() => Grade, { nullable: true }) grade?: Grade | null;
  @Field(() => String, { nullable: true }) awardedOn?: string | null;
  @Field(() => String, { nullable: true }) awardedBy?: string | null;
}

@InputType()
class NewHonour {
  @Field(() => ID) organizationId!: string;
  @Field(() => HonourLevel) level!: HonourLevel;
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true, description: 'The honour; 四好商会 when left out' }) title?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'ISO date, its last day (a recognition reviewed every two years: 31 Dec of year + 2); left out, it counts until revoked',
  })
  validUntil?: string;
}

@InputType({ description: 'Fields to change: a field left out is kept' })
class HonourPatch {
  @Field(() => HonourLevel, { nullable: true }) level?: HonourLevel | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'null: counts until revoked' }) validUntil?: string | null;
}

const currentYear = () => Number(todayInChina().slice(0, 4));
const awardedByTooLong = (awardedBy: string | null | undefined) => lengthViolations({ awardedBy: [awardedBy, 200] });
const titleTooLong = (title: string | null | undefined) => lengthViolations({ title: [title, 100] });
/** validUntil, when set, is a real day no earlier than the honour's year. */
const validityViolations = (honour: { year: number; validUntil?: string | null }) => [
  ...dateViolations({ validUntil: honour.validUntil }),
  ...(honour.validUntil != null && honour.validUntil < `${honour.year}-01-01`
    ? [{ field: 'validUntil', message: `validUntil ${honour.validUntil} is before the honour's year ${honour.year}` }]
    : []),
];

/** ADMIN mutations on 1A–5A grades and on honours such as 四好商会. */
@Resolver()
export class RatingAdminResolver {
  @Authorized('ADMIN')
  @Mutation(() => Rating, { description: 'ADMIN: award a 1A–5A grade to a social organization' })
  async awardRating(
    @Arg('input', () => NewRating) input: NewRating,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Rating> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    refuseViolations([...dateViolations({ awardedOn: input.awardedOn }), ...awardedByTooLong(input.awardedBy)]);
    return auditedCreate(em, identity.subject, async (tx) => {
      const organization = await referencedRow(tx, Organization, organizationId);
      refuseViolations(ratingViolations({ organizationKind: organization.kind, awardedOn: input.awardedOn }));
      return tx.create(Rating, {
        organization,
        grade: input.grade,
        awardedOn: input.awardedOn,
        awardedBy: input.awardedBy ?? null,
      });
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Rating, { description: 'ADMIN: correct a grade as it was at `version`; CONFLICT when changed since' })
  async updateRating(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RatingPatch) input: RatingPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Rating> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('rating', requireUuid(id));
    const target = { entity: Rating, id: requireUuid(id), version, action: 'UPDATE' as const };
    const patch = patchedFields(input);
    refuseViolations([
      ...clearedRequired(patch, ['grade', 'awardedOn']),
      ...dateViolations({ awardedOn: input.awardedOn }),
      ...awardedByTooLong(input.awardedBy),
    ]);
    return auditedUpdate(em, identity.subject, target, async (rating, tx) => {
      Object.assign(rating, patch);
      const organization = await referencedRow(tx, Organization, rating.organization.id);
      refuseViolations(ratingViolations({ ...rating, organizationKind: organization.kind }));
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Rating, { description: 'ADMIN: withdraw a grade early; it is no longer in force from revokedOn' })
  async revokeRating(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('revokedOn', () => String) revokedOn: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Rating> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('rating', requireUuid(id));
    const target = { entity: Rating, id: requireUuid(id), version, action: 'END' as const };
    refuseViolations(dateViolations({ revokedOn }));
    return auditedUpdate(em, identity.subject, target, async (rating, tx) => {
      if (rating.revokedOn != null) throw conflict(`Rating ${rating.id} was already revoked on ${rating.revokedOn}`);
      rating.revokedOn = revokedOn;
      const organization = await referencedRow(tx, Organization, rating.organization.id);
      refuseViolations(ratingViolations({ ...rating, organizationKind: organization.kind }));
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Honour, { description: 'ADMIN: record an honour (e.g. 四好商会) of an organization for a year' })
  async awardHonour(
    @Arg('input', () => NewHonour) input: NewHonour,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Honour> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    const draft = {
      level: input.level,
      year: input.year,
      title: (input.title ?? '四好商会').trim(),
      validUntil: input.validUntil ?? null,
    };
    refuseViolations([
      ...titleTooLong(draft.title),
      ...honourViolations(draft, currentYear()),
      ...validityViolations(draft),
    ]);
    return auditedCreate(em, identity.subject, async (tx) => {
      const organization = await referencedRow(tx, Organization, organizationId);
      return tx.create(Honour, { organization, ...draft });
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Honour, {
    description: 'ADMIN: correct an honour as it was at `version`; CONFLICT when changed since',
  })
  async updateHonour(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => HonourPatch) input: HonourPatch,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Honour> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('honour', requireUuid(id));
    const target = { entity: Honour, id: requireUuid(id), version, action: 'UPDATE' as const };
    const patch = patchedFields({ ...input, title: input.title?.trim() ?? input.title });
    refuseViolations([...clearedRequired(patch, ['level', 'year', 'title']), ...titleTooLong(patch.title)]);
    return auditedUpdate(em, identity.subject, target, (honour) => {
      Object.assign(honour, patch);
      refuseViolations([...honourViolations(honour, currentYear()), ...validityViolations(honour)]);
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Honour, { description: 'ADMIN: withdraw an honour; it no longer counts from revokedOn' })
  async revokeHonour(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('revokedOn', () => String) revokedOn: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Honour> {
    await jurisdictionOf({ em, identity }).requireKeepsRecord('honour', requireUuid(id));
    const target = { entity: Honour, id: requireUuid(id), version, action: 'END' as const };
    refuseViolations(dateViolations({ revokedOn }));
    return auditedUpdate(em, identity.subject, target, async (honour) => {
      if (honour.revokedOn != null) throw conflict(`Honour ${honour.id} was already revoked on ${honour.revokedOn}`);
      if (revokedOn < `${honour.year}-01-01`)
        throw badInput(`revokedOn ${revokedOn} is before the honour's year ${honour.year}`, 'revokedOn');
      honour.revokedOn = revokedOn;
    });
  }
}
