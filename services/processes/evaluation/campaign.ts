import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { CampaignParams } from '../../../workflows/evaluation/types.js';

/** One evaluation campaign (评估活动) for a year and a track: the projection of its workflow. */
@ObjectType({ description: 'An annual evaluation campaign (年度评价) of one year and track' })
@Entity({ tableName: 'evaluation_campaign' })
export class EvaluationCampaign {
  [OptionalProps]?: 'startedAt' | 'eligibleCount' | 'ineligibleCount';

  @Field(() => ID, { description: 'e.g. evaluation-rating-2020' })
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Field(() => Int) @Property({ type: 'integer' }) year!: number;
  @Field(() => String, { description: 'RATING (社会组织评估, 1A–5A) or FOUR_GOOD (四好商会)' })
  @Property({ type: 'text' })
  track!: string;
  @Field(() => String, { description: 'ELIGIBILITY, APPLICATIONS or CLOSED' })
  @Property({ type: 'text' })
  stage!: string;
  @Field(() => String, { description: 'The Temporal workflow id of the campaign' })
  @Property({ type: 'text' })
  workflowId!: string;
  @Field(() => GraphQLJSONObject, { description: 'Cut-offs, notice days, reviewers, deadlines, rewards' })
  @Property({ type: 'json' })
  params!: CampaignParams;
  @Field(() => String) @Property({ type: 'text' }) startedBy!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) startedAt: Date = new Date();
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) eligibleCount: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) ineligibleCount: number = 0;
}
