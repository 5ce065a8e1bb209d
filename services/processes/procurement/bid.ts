import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { BidStatus } from '../../../workflows/procurement/types.js';

/** One organisation's bid in one round of a procurement: the projection of the workflow's bid. */
@ObjectType({ description: 'A bid (投标) in a procurement: bidders see their own until the award is public' })
@Entity({ tableName: 'procurement_bid' })
@Unique({ name: 'procurement_bid_once_idx', properties: ['procurementId', 'round', 'organizationId'] })
@Index({ name: 'procurement_bid_organization_idx', properties: ['organizationId'] })
export class ProcurementBid {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) procurementId!: string;
  @Field(() => Int) @Property({ type: 'integer' }) round!: number;
  @Property({ type: 'uuid' }) organizationId!: string;
  @Field(() => GraphQLSafeInt, { description: 'Price in fen (分)' })
  @Property({ type: new BigIntType('number') })
  priceFen!: number;
  @Field(() => String, { description: 'Proposal summary' }) @Property({ type: 'text' }) proposal!: string;
  @Field(() => String, {
    description:
      'SUBMITTED, WITHDRAWN, ELIGIBLE, REJECTED, AWARDED, NOT_AWARDED or SET_ASIDE (an objection was sustained)',
  })
  @Property({ type: 'text' })
  status!: BidStatus;
  @Field(() => Int, { description: 'Revisions: 1 for the first submission' })
  @Property({ type: 'integer' })
  version!: number;
  @Field(() => [String], { description: 'Why screening rejected it, in words' })
  @Property({ type: 'json' })
  reasons: string[] = [];
  @Property({ type: 'json' }) technicalScores: Record<string, number> = {};
  @Field(() => Float, { nullable: true, description: 'Price score (the lowest price scores 100)' })
  @Property({ type: 'double', nullable: true })
  priceScore?: number | null;
  @Field(() => Float, { nullable: true, description: 'Weighted total' })
  @Property({ type: 'double', nullable: true })
  total?: number | null;
  @Field(() => Int, { nullable: true }) @Property({ type: 'integer', nullable: true }) rank?: number | null;
  @Property({ type: 'text' }) submittedBy!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) submittedAt!: Date;
}
