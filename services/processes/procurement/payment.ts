import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';

/**
 * The payment ledger: one row per accepted milestone, never two. The unique index is the
 * guarantee (a retried payment activity finds the row its first attempt wrote).
 */
@ObjectType({ description: 'A payment of an accepted milestone (按进度支付)' })
@Entity({ tableName: 'procurement_payment' })
@Unique({ name: 'procurement_payment_once_idx', properties: ['procurementId', 'milestoneNo'] })
export class ProcurementPayment {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ID) @Property({ type: 'uuid' }) procurementId!: string;
  @Field(() => Int) @Property({ type: 'integer' }) milestoneNo!: number;
  @Property({ type: 'uuid', index: 'procurement_payment_provider_idx' }) providerId!: string;
  @Field(() => GraphQLSafeInt, { description: 'Amount in fen (分)' })
  @Property({ type: new BigIntType('number') })
  amountFen!: number;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) paidAt: Date = new Date();
}
