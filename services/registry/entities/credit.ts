import { BigIntType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { CreditEntryKind, CreditOutcome } from './evaluation-kinds.js';

// What an evaluation writes back besides the grade or honour. Both are written only by
// idempotent write-backs (resolvers/evaluation-writeback.ts): the key makes a retried
// activity find its first write instead of adding a second entry or paying twice.

/** An entry of an organisation's credit record (信用记录). */
@ObjectType({
  description: 'An entry of the credit record (信用记录): a rating, an honour, a contract, its performance, a penalty',
})
@Entity({ tableName: 'credit_entry' })
export class CreditEntry {
  [OptionalProps]?: 'version';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'credit_entry_organization_idx' })
  organization!: Organization;
  @Field(() => CreditEntryKind) @Enum({ items: () => CreditEntryKind, type: 'text' }) kind!: CreditEntryKind;
  @Field(() => String) @Property({ type: 'text' }) summary!: string;
  @Field(() => String, { description: 'ISO date it was entered' }) @Property({ type: 'date' }) recordedOn!: string;
  @Field(() => String, { description: 'Where it comes from, e.g. the campaign or the contract' })
  @Property({ type: 'text' })
  source!: string;
  @Field(() => CreditOutcome, { nullable: true, description: 'For a performance review: how it came out' })
  @Enum({ items: () => CreditOutcome, type: 'text', nullable: true })
  outcome?: CreditOutcome | null;
  @Property({ type: 'text', unique: 'credit_entry_idempotency_key_unique' }) idempotencyKey!: string;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back when correcting (correctCreditEntry)' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** A grant paid from the evaluation reward fund (评价激励奖金) to an organisation. */
@ObjectType({ description: 'A grant from the evaluation reward fund (评价激励奖金)' })
@Entity({ tableName: 'reward_grant' })
export class RewardGrant {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'reward_grant_organization_idx' })
  organization!: Organization;
  @Field(() => Int, { description: 'The fund year it is paid from' }) @Property({ type: 'integer' }) year!: number;
  @Field(() => GraphQLSafeInt, { description: 'Amount in fen (分)' })
  @Property({ type: new BigIntType('number') })
  amountFen!: number;
  @Field(() => String) @Property({ type: 'text' }) reason!: string;
  @Field(() => String, { description: 'The campaign that granted it' }) @Property({ type: 'text' }) campaign!: string;
  @Property({ type: 'text', unique: 'reward_grant_idempotency_key_unique' }) idempotencyKey!: string;
}
