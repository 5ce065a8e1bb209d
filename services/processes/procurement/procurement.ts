import { BigIntType, OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Process } from '../kit/process.js';
import { ProcessType } from '../kit/catalog-enums.js';
import {
  PROCUREMENT_PROCESS_TYPE,
  type Contract,
  type EligibilityRules,
  type ProcurementState,
  type Weights,
} from '../../../workflows/procurement/types.js';

/**
 * One government service procurement (政府购买服务): the projection of its workflow, written at
 * each step. Bids are rows of their own (bid.ts), shown by role; the contract and its
 * milestones travel as JSON, the payments in their ledger (payment.ts).
 */
@ObjectType({
  description: 'A government service procurement (政府购买服务), from the published need to the last payment',
  implements: Process,
})
@Entity({ tableName: 'procurement' })
@Index({ name: 'procurement_agency_idx', properties: ['agencyId', 'publishedAt'] })
@Index({ name: 'procurement_stage_idx', properties: ['stage'] })
@Index({ name: 'procurement_provider_idx', properties: ['providerId'] })
export class Procurement {
  [OptionalProps]?: 'processType' | 'publishedAt' | 'updatedAt' | 'revision' | 'recusals' | 'objections';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id!: string;
  @Field(() => String) @Property({ type: 'text', unique: true }) workflowId!: string;
  @Property({ type: 'uuid' }) agencyId!: string;
  @Field(() => String) @Property({ type: 'text' }) agencyName!: string;
  @Field(() => String, { description: 'Guidance catalogue code, e.g. INDUSTRY_SURVEY' })
  @Property({ type: 'text' })
  categoryCode!: string;
  @Field(() => String) @Property({ type: 'text' }) categoryName!: string;
  @Field(() => String) @Property({ type: 'text' }) title!: string;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
  @Field(() => GraphQLSafeInt, { description: 'The budget in fen (分): no award above it' })
  @Property({ type: new BigIntType('number') })
  budgetFen!: number;
  @Field(() => String, { description: 'PUBLIC_TENDER (3 eligible bids needed) or COMPETITIVE_CONSULTATION (2)' })
  @Property({ type: 'text' })
  method!: string;
  @Property({ type: 'json' }) weights!: Weights;
  @Property({ type: 'json' }) eligibility!: EligibilityRules;
  /** Committee members' person ids: shown to the agency, the members and admins. */
  @Property({ type: 'json' }) committee!: string[];
  @Field(() => Int) @Property({ type: 'integer' }) noticeDays!: number;
  @Field(() => Int) @Property({ type: 'integer' }) year!: number;
  @Field(() => Int, { description: 'Bidding round: 2 and more after a failed round was republished' })
  @Property({ type: 'integer' })
  round!: number;
  @Field(() => GraphQLISODateTime, { description: "When the current round's bidding closes" })
  @Property({ type: 'timestamptz' })
  closesAt!: Date;
  @Field(() => String, {
    description:
      'BIDDING, SCREENING, SCORING, AWARD_APPROVAL, NOTICE, OBJECTION_REVIEW, FAILED, CONTRACTING, PERFORMING, PERFORMANCE_REVIEW, COMPLETED, TERMINATED, CLOSED, CANCELLED',
  })
  @Property({ type: 'text' })
  stage!: ProcurementState['stage'];
  @Property({ type: 'uuid', nullable: true }) awardedBidId?: string | null;
  /** The awarded organisation once the contract is signed. */
  @Property({ type: 'uuid', nullable: true }) providerId?: string | null;
  @Property({ type: 'json' }) recusals: ProcurementState['recusals'] = [];
  @Property({ type: 'json' }) objections: ProcurementState['objections'] = [];
  @Property({ type: 'json', nullable: true }) contract?: Contract | null;
  @Property({ type: 'json', nullable: true }) performance?: ProcurementState['performance'];
  @Field(() => String, { nullable: true, description: 'Why the agency cancelled it' })
  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed or closed without a contract, in words' })
  @Property({ type: 'text', nullable: true })
  closeReason?: string | null;
  @Property({ type: 'text' }) publishedBy!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) publishedAt: Date = new Date();
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();
  /** The workflow's write counter: an older write never overwrites a newer one. */
  @Property({ type: 'integer' }) revision: number = 0;

  @Field(() => ProcessType) get processType(): string {
    return PROCUREMENT_PROCESS_TYPE;
  }

  /** Bids are shown to all once the award has been made public (公示). */
  get awardPublic(): boolean {
    return (
      [
        'NOTICE',
        'OBJECTION_REVIEW',
        'CONTRACTING',
        'PERFORMING',
        'PERFORMANCE_REVIEW',
        'COMPLETED',
        'TERMINATED',
      ].includes(this.stage) ||
      (this.stage === 'CLOSED' && Boolean(this.awardedBidId))
    );
  }
}
