import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Process } from '../kit/process.js';
import { ProcessType } from '../kit/catalog-enums.js';
import { EVALUATION_PROCESS_TYPE, type CandidacyStatus } from '../../../workflows/evaluation/types.js';

/**
 * A chamber the city recommends to the Federation above it (推荐参评省级“四好”商会), with the
 * city's ranking and reasons, and the upper Federation's decision once taken: the projection of
 * an evaluationCandidacy workflow. The city reads it on its campaign and application; the upper
 * Federation's officers decide it from their inbox.
 */
@ObjectType({
  description: "A Four-Good chamber a city recommends upward, and the upper Federation's decision",
  implements: Process,
})
@Entity({ tableName: 'evaluation_candidacy' })
@Index({ name: 'evaluation_candidacy_campaign_idx', properties: ['campaignId', 'rank'] })
@Index({ name: 'evaluation_candidacy_application_idx', properties: ['applicationId'] })
export class EvaluationCandidacy {
  [OptionalProps]?: 'updatedAt' | 'processType' | 'stage';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id!: string;
  @Field(() => String) @Property({ type: 'text', unique: true }) workflowId!: string;
  @Field(() => String) @Property({ type: 'text' }) campaignId!: string;
  @Field(() => ID, { description: "The city's application it comes from" })
  @Property({ type: 'uuid' })
  applicationId!: string;
  @Property({ type: 'uuid' }) organizationId!: string;
  @Field(() => String) @Property({ type: 'text' }) organizationName!: string;
  @Field(() => Int) @Property({ type: 'integer' }) year!: number;
  @Field(() => Int, { description: "The city's order of preference, 1 first" })
  @Property({ type: 'integer' })
  rank!: number;
  @Field(() => Int, { description: 'How many chambers the city recommended' })
  @Property({ type: 'integer' })
  of!: number;
  @Field(() => Int) @Property({ type: 'integer' }) total!: number;
  @Field(() => String) @Property({ type: 'text' }) grade!: string;
  @Field(() => [String], { description: "The city's reasons, in Chinese" })
  @Property({ type: 'json' })
  reasons!: string[];
  @Field(() => String, {
    description: 'PROPOSED, ACCEPTED, NOT_ACCEPTED, NOT_DECIDED (the due date passed), NO_UPPER_FEDERATION',
  })
  @Property({ type: 'text' })
  status!: CandidacyStatus;
  @Property({ type: 'uuid', nullable: true }) upperFederationId?: string | null;
  @Field(() => String, { nullable: true, description: 'The Federation asked to decide (the province)' })
  @Property({ type: 'text', nullable: true })
  upperFederationName?: string | null;
  @Field(() => String, { nullable: true, description: 'Who decided (token subject of the upper officer)' })
  @Property({ type: 'text', nullable: true })
  decidedBy?: string | null;
  @Field(() => String, { nullable: true, description: "The upper Federation's reason or comment" })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();

  @Field(() => ProcessType) get processType(): string {
    return EVALUATION_PROCESS_TYPE;
  }

  @Field(() => String) get stage(): string {
    return this.status;
  }
}
