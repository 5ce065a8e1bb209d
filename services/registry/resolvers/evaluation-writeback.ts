import { Authorized, Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Rating } from '../entities/rating.js';
import { Honour } from '../entities/honour.js';
import { Organization } from '../entities/organization.js';
import { CreditEntry, RewardGrant } from '../entities/credit.js';
import { Grade, HonourLevel } from '../entities/kinds.js';
import { CreditEntryKind, CreditOutcome } from '../entities/evaluation-kinds.js';
import { FIRST_HONOUR_YEAR, honourViolations, ratingViolations } from '../rules/rating.js';
import { refuseViolations } from '../rules/violation.js';
import { referencedRow } from '../audit.js';
import { requireIdempotencyKey, requireText, writeOnce } from '../write-once.js';
import type { RegistryContext } from '../context.js';
import { requireUuid } from '../../common/ids.js';
import { requireIsoDate, todayInChina } from '../../common/dates.js';
import { badInput } from '../../common/errors.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

// What an evaluation campaign writes back (issue 8, §3): the grade or the honour, a credit-record
// entry, a reward grant. SYSTEM (the processes worker) or ADMIN only; once per idempotency key.

@InputType({ description: 'A grade an evaluation campaign awards' })
class RatingWrite {
  @Field(() => ID) organizationId!: string;
  @Field(() => Grade) grade!: Grade;
  @Field(() => String, { description: 'ISO date; the grade is in force five years from it' }) awardedOn!: string;
  @Field(() => String, { description: 'e.g. 嘉兴市工商联' }) awardedBy!: string;
  @Field(() => String, { description: 'The campaign, e.g. its workflow id' }) campaign!: string;
}

@InputType({
  description: 'An honour (四好商会) an evaluation campaign awards; it counts through 31 December of year + 2',
})
class HonourWrite {
  @Field(() => ID) organizationId!: string;
  @Field(() => HonourLevel) level!: HonourLevel;
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true, description: '四好商会 when left out' }) title?: string;
  @Field(() => String) campaign!: string;
}

@InputType({ description: "An entry of an organization's credit record (信用记录)" })
class CreditEntryWrite {
  @Field(() => ID) organizationId!: string;
  @Field(() => CreditEntryKind) kind!: CreditEntryKind;
  @Field(() => String) summary!: string;
  @Field(() => String, { description: 'ISO date it is entered' }) recordedOn!: string;
  @Field(() => String, { description: 'Where it comes from, e.g. the campaign' }) source!: string;
  @Field(() => CreditOutcome, { nullable: true, description: 'PERFORMANCE only: how the review came out' })
  outcome?: CreditOutcome | null;
}

@InputType({ description: 'A grant from the evaluation reward fund' })
class RewardGrantWrite {
  @Field(() => ID) organizationId!: string;
  @Field(() => Int, { description: 'The fund year' }) year!: number;
  @Field(() => GraphQLSafeInt, { description: 'Amount in fen (分), more than 0' }) amountFen!: number;
  @Field(() => String) reason!: string;
  @Field(() => String) campaign!: string;
}

/** A recognition is reviewed every two years: it counts through the end of the second year after its own. */
export const honourValidUntil = (year: number) => `${year + 2}-12-31`;

const currentYear = () => Number(todayInChina().slice(0, 4));
const organization = (tx: EntityManager, id: string) => referencedRow(tx, Organization, id);

function requireYear(year: number, field: string, last: number): number {
  if (year < FIRST_HONOUR_YEAR || year > last)
    throw badInput(`${field} must be between ${FIRST_HONOUR_YEAR} and ${last}, not ${year}`, field);
  return year;
}

@Resolver()
export class EvaluationWritebackResolver {
  @Authorized('SYSTEM', 'ADMIN')
  @Mutation(() => Rating, {
    description:
      "SYSTEM or ADMIN: record a campaign's grade once per idempotencyKey; the same key again returns the first write",
  })
  async recordRating(
    @Arg('input', () => RatingWrite) input: RatingWrite,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Rating> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const key = requireIdempotencyKey(idempotencyKey);
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    const awardedOn = requireIsoDate(input.awardedOn, 'awardedOn');
    const awardedBy = requireText(input.awardedBy, 'awardedBy', 200);
    const campaign = requireText(input.campaign, 'campaign', 100);
    return writeOnce(em, identity.subject, Rating, key, async (tx) => {
      const org = await organization(tx, organizationId);
      refuseViolations(ratingViolations({ organizationKind: org.kind, awardedOn }));
      return tx.create(Rating, {
        organization: org,
        grade: input.grade,
        awardedOn,
        awardedBy,
        campaign,
        idempotencyKey: key,
      });
    });
  }

  @Authorized('SYSTEM', 'ADMIN')
  @Mutation(() => Honour, {
    description:
      "SYSTEM or ADMIN: record a campaign's honour once per idempotencyKey; validUntil is 31 December of year + 2",
  })
  async recordHonour(
    @Arg('input', () => HonourWrite) input: HonourWrite,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<Honour> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const key = requireIdempotencyKey(idempotencyKey);
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    const title = input.title == null ? '四好商会' : requireText(input.title, 'title', 100);
    refuseViolations(honourViolations({ year: input.year, title }, currentYear()));
    const campaign = requireText(input.campaign, 'campaign', 100);
    return writeOnce(em, identity.subject, Honour, key, async (tx) =>
      tx.create(Honour, {
        organization: await organization(tx, organizationId),
        level: input.level,
        year: input.year,
        title,
        validUntil: honourValidUntil(input.year),
        campaign,
        idempotencyKey: key,
      }),
    );
  }

  @Authorized('SYSTEM', 'ADMIN')
  @Mutation(() => CreditEntry, { description: 'SYSTEM or ADMIN: add a credit-record entry once per idempotencyKey' })
  async recordCreditEntry(
    @Arg('input', () => CreditEntryWrite) input: CreditEntryWrite,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<CreditEntry> {
    await jurisdictionOf({ em, identity }).requireKeeps(requireUuid(input.organizationId, 'organizationId'));
    const key = requireIdempotencyKey(idempotencyKey);
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    const summary = requireText(input.summary, 'summary', 500);
    const recordedOn = requireIsoDate(input.recordedOn, 'recordedOn');
    const source = requireText(input.source, 'source', 200);
    if (input.outcome && input.kind !== CreditEntryKind.PERFORMANCE)
      throw badInput('outcome is given only for a PERFORMANCE entry', 'outcome');
    return writeOnce(em, identity.subject, CreditEntry, key, async (tx) =>
      tx.create(CreditEntry, {
        organization: await organization(tx, organizationId),
        kind: input.kind,
        summary,
        recordedOn,
        source,
        outcome: input.outcome ?? null,
        idempotencyKey: key,
      }),
    );
  }

  @Authorized('SYSTEM', 'ADMIN')
  @Mutation(() => RewardGrant, {
    description: 'SYSTEM or ADMIN: record a grant from the reward fund once per idempotencyKey',
  })
  recordRewardGrant(
    @Arg('input', () => RewardGrantWrite) input: RewardGrantWrite,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<RewardGrant> {
    const key = requireIdempotencyKey(idempotencyKey);
    const organizationId = requireUuid(input.organizationId, 'organizationId');
    // Up to next year: a campaign closing in December may book its grants on the coming year's fund.
    const year = requireYear(input.year, 'year', currentYear() + 1);
    if (!(input.amountFen > 0)) throw badInput('amountFen must be more than 0', 'amountFen');
    const reason = requireText(input.reason, 'reason', 500);
    const campaign = requireText(input.campaign, 'campaign', 100);
    return writeOnce(em, identity.subject, RewardGrant, key, async (tx) =>
      tx.create(RewardGrant, {
        organization: await organization(tx, organizationId),
        year,
        amountFen: input.amountFen,
        reason,
        campaign,
        idempotencyKey: key,
      }),
    );
  }
}
