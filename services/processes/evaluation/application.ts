import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Process } from '../kit/process.js';
import {
  EVALUATION_PROCESS_TYPE,
  type ApplicationState,
  type Reviewer,
  type ReviewerScore,
} from '../../../workflows/evaluation/types.js';
import type { Scores } from '../../../workflows/evaluation/rules.js';
import { ProcessType } from '../kit/catalog-enums.js';

/**
 * One organisation's application in a campaign: the projection of its child workflow, written
 * at each step. Scores are shown by role (resolvers.ts): a reviewer sees only their own until
 * all are in, the organisation its result once published, everyone published results.
 */
@ObjectType({ description: "One organization's evaluation in a campaign", implements: Process })
@Entity({ tableName: 'evaluation_application' })
@Index({ name: 'evaluation_application_campaign_idx', properties: ['campaignId', 'status'] })
@Index({ name: 'evaluation_application_organization_idx', properties: ['organizationId'] })
export class EvaluationApplication {
  [OptionalProps]?:
    | 'updatedAt'
    | 'processType'
    | 'stage'
    | 'published'
    | 'reviewerCount'
    | 'reviewers'
    | 'recused'
    | 'reviews'
    | 'objections';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id!: string;
  @Field(() => String) @Property({ type: 'text' }) campaignId!: string;
  @Field(() => String) @Property({ type: 'text', unique: true }) workflowId!: string;
  @Property({ type: 'uuid' }) organizationId!: string;
  @Field(() => String) @Property({ type: 'text' }) organizationName!: string;
  @Field(() => String, {
    description:
      'INVITED, DECLINED, NOT_ANSWERED (the invitation expired), SELF_ASSESSMENT, EXPERT_REVIEW, COMMITTEE, NOTICE, REVIEW, PUBLISHED, NOT_GRADED',
  })
  @Property({ type: 'text' })
  status!: ApplicationState['status'];
  @Property({ type: 'json', nullable: true }) selfScores?: Scores | null;
  @Property({ type: 'json' }) reviewers: Reviewer[] = [];
  @Property({ type: 'json' }) recused: ApplicationState['recused'] = [];
  @Property({ type: 'json' }) reviews: ReviewerScore[] = [];
  @Property({ type: 'integer', nullable: true }) total?: number | null;
  @Property({ type: 'text', nullable: true }) proposedGrade?: string | null;
  @Property({ type: 'text', nullable: true }) grade?: string | null;
  @Property({ type: 'json' }) objections: ApplicationState['objections'] = [];
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();

  @Field(() => ProcessType) get processType(): string {
    return EVALUATION_PROCESS_TYPE;
  }

  @Field(() => String) get stage(): string {
    return this.status;
  }

  /** Results are public once the notice is over (or during it: 公示 means shown to all). */
  get published(): boolean {
    return ['NOTICE', 'REVIEW', 'PUBLISHED'].includes(this.status);
  }

  @Field(() => Int, { nullable: true, description: 'Reviewers drawn so far' })
  get reviewerCount(): number {
    return this.reviewers.length;
  }
}
