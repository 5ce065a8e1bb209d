import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { Contract, Milestone, ProcurementState } from '../../../workflows/procurement/types.js';
import type { Procurement } from './procurement.js';

// The GraphQL shapes of a procurement that are not rows: weights, eligibility, the contract and
// its milestones (JSON on the procurement's row), and the contract's input.

@ObjectType({ description: 'Price and technical weights in percent' })
export class ProcurementWeights {
  @Field(() => Int) price!: number;
  @Field(() => Int) technical!: number;
}

@ObjectType({ description: 'Who may bid, judged against the registry on the closing day' })
export class ProcurementEligibility {
  @Field(() => String, { nullable: true, description: 'Lowest grade in force, e.g. A3' }) minimumGrade!: string | null;
  @Field(() => Int) minimumYearsRegistered!: number;
  @Field(() => [String]) kinds!: string[];
  @Field(() => Boolean, {
    description:
      'Always true: no major violation (administrative penalty, serious-violation list) in the prior three years, no failed performance review',
  })
  cleanRecordRequired!: boolean;
}

@ObjectType({
  description: 'An objection (质疑) lodged during the award notice and how the review committee decided it',
})
export class ProcurementObjection {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'UPHELD (the award stands) or SUSTAINED (set aside); null while under review',
  })
  outcome!: string | null;
}

@ObjectType({ description: 'A committee member who stepped aside (回避) for one bidder, with the reason' })
export class ProcurementRecusal {
  @Field(() => ID) personId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: 'A milestone of a contract: a deliverable, a due date and a share of the price' })
export class ProcurementMilestone {
  @Field(() => Int) no!: number;
  @Field(() => String) deliverable!: string;
  @Field(() => String, { description: 'ISO date as signed' }) dueOn!: string;
  @Field(() => String, { description: 'ISO date in force (moved by a rejection or an extension)' })
  currentDueOn!: string;
  @Field(() => Int) sharePercent!: number;
  @Field(() => GraphQLSafeInt, { description: 'Its payment in fen' }) amountFen!: number;
  @Field(() => String, { description: 'PENDING, SUBMITTED, REJECTED, OVERDUE or PAID' }) status!: string;
  @Field(() => Int) submissions!: number;
  @Field(() => [String], { description: 'Why earlier deliveries were rejected' }) rejections!: string[];
  @Field(() => ID, { nullable: true }) paymentId!: string | null;
}

@ObjectType({ description: "The performance review (履约评价) at a contract's end" })
export class ProcurementPerformance {
  @Field(() => Float, { nullable: true, description: 'Buyer 40 %, service user 40 %, expert 20 %' }) score!:
    number | null;
  @Field(() => String, { nullable: true, description: 'EXCELLENT, GOOD, PASS or FAIL' }) outcome!: string | null;
  @Field(() => Int, { description: 'Reviewers who scored (of three)' }) reviewers!: number;
}

/** A signed contract (政府购买服务合同), from its procurement's row. */
@ObjectType({ description: 'A government service contract and its milestones' })
export class ProcurementContract {
  @Field(() => ID, { description: 'The procurement id' }) id!: string;
  providerId!: string;
  procurementRow!: Procurement;
  @Field(() => GraphQLSafeInt, { description: 'The awarded price in fen' }) priceFen!: number;
  @Field(() => String) startsOn!: string;
  @Field(() => String) endsOn!: string;
  @Field(() => Boolean) recurring!: boolean;
  @Field(() => [ProcurementMilestone]) milestones!: ProcurementMilestone[];
  @Field(() => ProcurementPerformance, { nullable: true }) performance!: ProcurementPerformance | null;
}

const milestoneView = (m: Milestone): ProcurementMilestone => ({
  no: m.no,
  deliverable: m.deliverable,
  dueOn: m.dueOn,
  currentDueOn: m.currentDueOn,
  sharePercent: m.sharePercent,
  amountFen: m.amountFen,
  status: m.status,
  submissions: m.submissions.length,
  rejections: m.rejections.map((r) => r.reason),
  paymentId: m.paymentId,
});

export function contractView(row: Procurement): ProcurementContract | null {
  const contract: Contract | null | undefined = row.contract;
  if (!contract) return null;
  const performance: ProcurementState['performance'] = row.performance ?? null;
  return Object.assign(new ProcurementContract(), {
    id: row.id,
    providerId: contract.providerId,
    procurementRow: row,
    priceFen: contract.priceFen,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    recurring: contract.recurring,
    milestones: contract.milestones.map(milestoneView),
    performance: performance && {
      score: performance.score,
      outcome: performance.outcome,
      reviewers: performance.scores.length,
    },
  });
}

@InputType()
export class MilestoneInput {
  @Field(() => String) deliverable!: string;
  @Field(() => String, { description: 'ISO date within the term' }) dueOn!: string;
  @Field(() => Int, { description: 'Whole percent of the price; all milestones sum to 100' }) sharePercent!: number;
}

@InputType()
export class SubcontractInput {
  @Field(() => ID) subcontractorId!: string;
  @Field(() => String) work!: string;
  @Field(() => Boolean, { description: 'The main work may not be subcontracted: true is refused' }) mainWork!: boolean;
}

@InputType({
  description: 'The signed contract: at most one year (three for a recurring service), milestones summing to 100 %',
})
export class ContractInput {
  @Field(() => String) startsOn!: string;
  @Field(() => String) endsOn!: string;
  @Field(() => Boolean, { defaultValue: false }) recurring!: boolean;
  @Field(() => [MilestoneInput]) milestones!: MilestoneInput[];
  @Field(() => [SubcontractInput], { defaultValue: [] }) subcontracts!: SubcontractInput[];
  @Field(() => ID, { description: 'A service user (person id) who reviews the performance at the end' })
  serviceUserId!: string;
  @Field(() => ID, { description: 'An expert (person id) who reviews the performance at the end' }) expertId!: string;
}

@InputType('BidInput', { description: 'A bid: the price within the budget and the proposal' })
export class BidInputGql {
  @Field(() => ID) organizationId!: string;
  @Field(() => GraphQLSafeInt, { description: 'Price in fen, at most the budget' }) priceFen!: number;
  @Field(() => String, { description: 'Proposal summary (at most 2000 characters)' }) proposal!: string;
}
