import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.js';
import { InspectionResult, ListKind } from './evaluation-kinds.js';

// What the civil-affairs authority recorded about a social organisation, as the evaluation's
// eligibility rules need it: inspections, penalties, list entries. Dated facts, read by
// organization through per-request loaders (services/registry/loaders.ts).

/** The annual inspection (年检) of one organisation for one year: one result per year. */
@ObjectType({ description: 'An annual inspection (年检) result for a year' })
@Entity({ tableName: 'annual_inspection' })
@Unique({ name: 'annual_inspection_organization_year_unique', properties: ['organization', 'year'] })
export class AnnualInspection {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id' }) organization!: Organization;
  @Field(() => Int, { description: 'The year inspected (the inspection itself takes place the year after)' })
  @Property({ type: 'integer' })
  year!: number;
  @Field(() => InspectionResult) @Enum({ items: () => InspectionResult, type: 'text' }) result!: InspectionResult;
}

/** An administrative penalty (行政处罚) decided against an organisation. */
@ObjectType({ description: 'An administrative penalty (行政处罚)' })
@Entity({ tableName: 'administrative_penalty' })
export class AdministrativePenalty {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'administrative_penalty_organization_idx' })
  organization!: Organization;
  @Field(() => String, { description: 'ISO date of the decision' }) @Property({ type: 'date' }) decidedOn!: string;
  @Field(() => String, { description: 'Who decided it, e.g. 嘉兴市民政局' })
  @Property({ type: 'text' })
  authority!: string;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
  @Field(() => String, {
    nullable: true,
    description: 'ISO date, the last day of the penalty (e.g. a suspension); null when it has no duration',
  })
  @Property({ type: 'date', nullable: true })
  servedUntil?: string | null;
}

/** An entry on the abnormal-activity list or the serious-violation list, until removed. */
@ObjectType({
  description: 'An entry on 活动异常名录 or 严重违法失信名单; on the list from listedOn until the day before removedOn',
})
@Entity({ tableName: 'list_entry' })
export class ListEntry {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Organization, { fieldName: 'organization_id', index: 'list_entry_organization_idx' })
  organization!: Organization;
  @Field(() => ListKind) @Enum({ items: () => ListKind, type: 'text' }) list!: ListKind;
  @Field(() => String, { description: 'ISO date it was put on the list' })
  @Property({ type: 'date' })
  listedOn!: string;
  @Field(() => String, { nullable: true, description: 'ISO date it was taken off; null while listed' })
  @Property({ type: 'date', nullable: true })
  removedOn?: string | null;
}
