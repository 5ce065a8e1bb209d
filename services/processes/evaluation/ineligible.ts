import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

/** An organisation that may not take part in a campaign, and why (in words). */
@ObjectType({ description: 'An organization not eligible for a campaign, with its reasons' })
@Entity({ tableName: 'evaluation_ineligible' })
export class EvaluationIneligible {
  @PrimaryKey({ type: 'text' }) campaignId!: string;
  @PrimaryKey({ type: 'uuid' }) organizationId!: string;
  @Field(() => String) @Property({ type: 'text' }) organizationName!: string;
  @Field(() => String) @Property({ type: 'text' }) kind!: string;
  @Field(() => [String], { description: 'In Chinese, e.g. 2019 年度未参加年检' })
  @Property({ type: 'text[]' })
  reasons!: string[];
}
