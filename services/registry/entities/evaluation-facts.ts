import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { InspectionResult, ListKind, PenaltyKind } from './evaluation-kinds.js';

// What the civil-affairs authority recorded about a social organisation, as the evaluation's
// eligibility rules need it: inspections, penalties, list entries. Dated facts, read by
// organization through per-request loaders (services/registry/loaders.ts); kept current by
// Federation officers (resolvers/*-keeping.ts), each change audited with its reason.

/** The annual inspection (年检) of one organisation for one year: one result per year. */
@ObjectType({ description: 'An annual inspection (年检) result for a year' })
@Entity({ tableName: 'annual_inspection' })
@Unique({ name: 'annual_inspection_organization_year_unique', properties: ['organization', 'year'] })
export class AnnualInspection {
  [OptionalProps]?: 'version';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id' }) organization!: Organization;
  @Field(() => Int, { description: 'The year inspected (the inspection itself takes place the year after)' })
  @Property({ type: 'integer' })
  year!: number;
  @Field(() => InspectionResult) @Enum({ items: () => InspectionResult, type: 'text' }) result!: InspectionResult;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back when correcting' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** An administrative penalty (行政处罚) decided against an organisation. */
@ObjectType({ description: 'An administrative penalty (行政处罚)' })
@Entity({ tableName: 'administrative_penalty' })
// The decision's document number (处罚决定书文号) names one decision of its authority.
@Unique({
  name: 'administrative_penalty_document_unique',
  properties: ['authority', 'documentNumber'],
})
export class AdministrativePenalty {
  [OptionalProps]?: 'version' | 'kind';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'administrative_penalty_organization_idx' })
  organization!: Organization;
  @Field(() => String, { description: 'ISO date of the decision' }) @Property({ type: 'date' }) decidedOn!: string;
  @Field(() => String, { description: 'Who decided it, e.g. 嘉兴市民政局' })
  @Property({ type: 'text' })
  authority!: string;
  @Field(() => PenaltyKind, { description: '处罚种类' })
  @Enum({ items: () => PenaltyKind, type: 'text', default: PenaltyKind.OTHER })
  kind: PenaltyKind = PenaltyKind.OTHER;
  @Field(() => String, {
    nullable: true,
    description: 'The decision document number (处罚决定书文号), e.g. 嘉民罚字〔2019〕3号',
  })
  @Property({ type: 'text', nullable: true })
  documentNumber?: string | null;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
  @Field(() => String, {
    nullable: true,
    description: 'ISO date, the last day of the penalty (e.g. a suspension); null when it has no duration',
  })
  @Property({ type: 'date', nullable: true })
  servedUntil?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'ISO date the decision was revoked (撤销, e.g. on administrative reconsideration); a revoked penalty no longer counts',
  })
  @Property({ type: 'date', nullable: true })
  revokedOn?: string | null;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back when correcting or revoking' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** An entry on the abnormal-activity list or the serious-violation list, until removed. */
@ObjectType({
  description: 'An entry on 活动异常名录 or 严重违法失信名单; on the list from listedOn until the day before removedOn',
})
@Entity({ tableName: 'list_entry' })
export class ListEntry {
  [OptionalProps]?: 'version';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'list_entry_organization_idx' })
  organization!: Organization;
  @Field(() => ListKind) @Enum({ items: () => ListKind, type: 'text' }) list!: ListKind;
  @Field(() => String, { description: 'ISO date it was put on the list (列入日期)' })
  @Property({ type: 'date' })
  listedOn!: string;
  @Field(() => String, { nullable: true, description: 'Why it was put on the list (列入事由)' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date it was taken off (移出日期); null while listed' })
  @Property({ type: 'date', nullable: true })
  removedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was taken off (移出事由)' })
  @Property({ type: 'text', nullable: true })
  removalReason?: string | null;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back when removing or correcting' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
