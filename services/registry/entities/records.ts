import { BigIntType, Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { Platform } from './kinds.js';

// The records of the "145" framework's four platforms and five mechanisms. Each is a fact with
// a date; the report's figures are counts and sums over them, never stored totals.

/** An event of a platform: a "judges into chambers" session, a talent summit, an investment fair ... */
@ObjectType({ description: 'An activity of one of the platforms (产教融合, 法律服务, 金融服务, 人才服务, 招商引资)' })
@Entity({ tableName: 'platform_activity' })
@Index({ name: 'platform_activity_kind_idx', properties: ['platform', 'kind', 'heldOn'] })
export class PlatformActivity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => Platform) @Enum({ items: () => Platform, type: 'text' }) platform!: Platform;
  @Field(() => String, { description: 'What kind of event, e.g. JUDGES_INTO_CHAMBERS, INVESTMENT_FAIR, TALENT_SUMMIT' })
  @Property({ type: 'text' })
  kind!: string;
  @Field(() => String) @Property({ type: 'text' }) title!: string;
  @Field(() => String, { description: 'ISO date' }) @Property({ type: 'date' }) heldOn!: string;
  @ManyToMany(() => Organization, undefined, {
    pivotTable: 'platform_activity_organizer',
    joinColumn: 'activity_id',
    inverseJoinColumn: 'organization_id',
  })
  organizers = new Collection<Organization>(this);
  @ManyToMany(() => Organization, undefined, {
    pivotTable: 'platform_activity_participant',
    joinColumn: 'activity_id',
    inverseJoinColumn: 'organization_id',
  })
  participants = new Collection<Organization>(this);
  @Field(() => Int, { nullable: true, description: 'People who took part' })
  @Property({ type: 'integer', nullable: true })
  participantCount?: number | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) outcome?: string | null;
}

/** A Federation leader's visit to a chamber (联挂指导走访). */
@ObjectType()
@Entity({ tableName: 'liaison_visit' })
export class LiaisonVisit {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Person, { fieldName: 'leader_id' }) leader!: Person;
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'liaison_visit_organization_idx' })
  organization!: Organization;
  @Field(() => String) @Property({ type: 'date', index: 'liaison_visit_date_idx' }) visitedOn!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) notes?: string | null;
}

/** A government–chamber session (政会沟通): a special session or a rotating event. */
@ObjectType()
@Entity({ tableName: 'deliberation_session' })
export class DeliberationSession {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { description: 'SPECIAL_SESSION (界别议事厅专场) or ROTATING_EVENT (服务联盟轮值)' })
  @Property({ type: 'text' })
  kind!: string;
  @Field(() => String) @Property({ type: 'text' }) title!: string;
  @Field(() => String) @Property({ type: 'date' }) heldOn!: string;
  @ManyToOne(() => Organization, { fieldName: 'organization_id', nullable: true }) organization?: Organization | null;
}

/** An industry issue raised at a session; resolvedOn is set once it is solved. */
@ObjectType()
@Entity({ tableName: 'deliberation_issue' })
export class DeliberationIssue {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => DeliberationSession, { fieldName: 'session_id', index: 'deliberation_issue_session_idx' })
  session!: DeliberationSession;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'date', nullable: true }) resolvedOn?: string | null;
}

/** Interconnection (互联互通): joint meetings of out-of-town chambers and group activities. */
@ObjectType()
@Entity({ tableName: 'joint_meeting' })
export class JointMeeting {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { description: 'JOINT_MEETING (异地商会联席会议) or GROUP_ACTIVITY (行业协会商会小组活动)' })
  @Property({ type: 'text' })
  kind!: string;
  @Field(() => String) @Property({ type: 'text' }) title!: string;
  @Field(() => String) @Property({ type: 'date' }) heldOn!: string;
  @ManyToMany(() => Organization, undefined, {
    pivotTable: 'joint_meeting_participant',
    joinColumn: 'meeting_id',
    inverseJoinColumn: 'organization_id',
  })
  participants = new Collection<Organization>(this);
}

/** A loan to a member enterprise, e.g. the Red Launch Loan (红色启航贷). */
@ObjectType()
@Entity({ tableName: 'loan' })
export class Loan {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { description: 'RED_LAUNCH (红色启航贷)' }) @Property({ type: 'text' }) product!: string;
  @ManyToOne(() => Organization, { fieldName: 'enterprise_id' }) enterprise!: Organization;
  @ManyToOne(() => Organization, { fieldName: 'bank_id' }) bank!: Organization;
  @Field(() => GraphQLSafeInt, { description: 'Amount in fen (分)' })
  @Property({ type: new BigIntType('number') })
  amountFen!: number;
  @Field(() => String) @Property({ type: 'date' }) signedOn!: string;
}

/** A dispute mediated by a chamber's mediation committee. */
@ObjectType()
@Entity({ tableName: 'mediation_case' })
export class MediationCase {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'committee_id', index: 'mediation_case_committee_idx' })
  committee!: Organization;
  @Field(() => String) @Property({ type: 'text' }) subject!: string;
  @Field(() => String) @Property({ type: 'date' }) openedOn!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'date', nullable: true }) closedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'SETTLED or NOT_SETTLED once closed' })
  @Property({ type: 'text', nullable: true })
  outcome?: string | null;
}

/** Charity by a chamber or its foundation: money given, an event held, a programme run. */
@ObjectType()
@Entity({ tableName: 'charity_record' })
export class CharityRecord {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'charity_record_organization_idx' })
  organization!: Organization;
  @Field(() => String, { description: 'DONATION, FUNDRAISING, FOUNDATION_SPENDING, EVENT or PROGRAMME' })
  @Property({ type: 'text' })
  kind!: string;
  @Field(() => String) @Property({ type: 'text' }) title!: string;
  @Field(() => Int) @Property({ type: 'integer' }) year!: number;
  @Field(() => GraphQLSafeInt, { description: 'Money and goods in fen (分)' })
  @Property({ type: new BigIntType('number') })
  amountFen: number = 0;
  @Field(() => Int, { description: 'People helped' }) @Property({ type: 'integer' }) beneficiaries: number = 0;
}

/** A project a chamber brought to the city (牵线引进项目). */
@ObjectType()
@Entity({ tableName: 'investment_project' })
export class InvestmentProject {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String) @Property({ type: 'text' }) name!: string;
  @ManyToOne(() => Organization, { fieldName: 'introduced_by_id' }) introducedBy!: Organization;
  @Field(() => GraphQLSafeInt, { description: 'Investment in fen (分)' })
  @Property({ type: new BigIntType('number') })
  amountFen!: number;
  @Field(() => String) @Property({ type: 'date' }) signedOn!: string;
}

/** Money put into the evaluation reward fund (评价激励奖金), one row per allocation. */
@ObjectType()
@Entity({ tableName: 'reward_fund_allocation' })
export class RewardFundAllocation {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => Int) @Property({ type: 'integer' }) year!: number;
  @Field(() => String, { description: 'BASE or INCREASE' }) @Property({ type: 'text' }) kind!: string;
  @Field(() => GraphQLSafeInt, { description: 'Amount in fen (分)' })
  @Property({ type: new BigIntType('number') })
  amountFen!: number;
  @Field(() => String) @Property({ type: 'text' }) note!: string;
}
