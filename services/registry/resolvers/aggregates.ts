import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Grade, HonourLevel, OrganizationKind, Platform } from '../entities/kinds.js';
import { Organization } from '../entities/organization.js';
import { AggregatedRecord, RECORD_TABLES, RecordGroupKey, recordGroups } from '../query/record-aggregates.js';
import { dateRange } from './dated-page.js';
import { Money, money } from './money.js';
import { OrganizationFilter } from '../organization-filter.js';
import { OrganizationGroupKey, organizationGroups } from '../query/organization-aggregates.js';
import { regionName } from '../regions.js';
import { asOfDate } from '../dates.js';
import type { RegistryContext } from '../context.js';
import { badInput } from '../../common/errors.js';
import { jurisdictionOf } from '../jurisdiction/request.js';

@ObjectType({ description: 'Organizations of one group: the keys asked for (the others null), and how many' })
export class OrganizationGroup {
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind | null;
  @Field(() => String, { nullable: true, description: 'Region code of the seat' }) region?: string | null;
  @Field(() => String, { nullable: true }) regionName?: string | null;
  @Field(() => Grade, { nullable: true, description: 'With GRADE: null for those without a grade in force' })
  grade?: Grade | null;
  @Field(() => HonourLevel, { nullable: true, description: 'With HONOUR_LEVEL: null for those without an honour' })
  honourLevel?: HonourLevel | null;
  @Field(() => Int, { nullable: true, description: 'With YEAR_REGISTERED: null when not recorded' })
  yearRegistered?: number | null;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Counts of organizations per group, on one day' })
export class OrganizationAggregates {
  @Field(() => String, { description: 'The day GRADE, HONOUR_LEVEL and the filter refer to (ISO date)' }) asOf!: string;
  @Field(() => [OrganizationGroupKey]) groupBy!: OrganizationGroupKey[];
  @Field(() => Int, { description: 'All matching organizations (the sum of the counts)' }) total!: number;
  @Field(() => [OrganizationGroup], {
    description: 'One per combination of keys that occurs, in key order (nulls last)',
  })
  groups!: OrganizationGroup[];
}

@ObjectType({ description: 'Records of one group: the keys asked for (the others null), how many, and their sum' })
export class RecordGroup {
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => String, { nullable: true, description: "With KIND: the kind (a loan's product, a case's outcome)" })
  kind?: string | null;
  @Field(() => Platform, { nullable: true }) platform?: Platform | null;
  @Field(() => ID, { nullable: true, description: "With ORGANIZATION: the record's organization" })
  organizationId?: string | null;
  @Field(() => String, { nullable: true, description: "With REGION: the organization's seat" }) region?: string | null;
  @Field(() => String, { nullable: true }) regionName?: string | null;
  @Field(() => Int) count!: number;
  @Field(() => Money, { nullable: true, description: 'The sum of the amounts; null for records without one' })
  amount!: Money | null;
}

@ObjectType({ description: 'Counts (and sums) of one kind of record per group' })
export class RecordAggregates {
  @Field(() => AggregatedRecord) record!: AggregatedRecord;
  @Field(() => [RecordGroupKey]) groupBy!: RecordGroupKey[];
  @Field(() => Int, { description: 'All matching records' }) total!: number;
  @Field(() => Money, { nullable: true, description: 'Their sum; null for records without an amount' })
  amount!: Money | null;
  @Field(() => [RecordGroup], { description: 'One per combination of keys that occurs, in key order (nulls last)' })
  groups!: RecordGroup[];
}

@Resolver()
export class AggregatesResolver {
  @Authorized('INTEGRATOR', 'APPROVER', 'ADMIN')
  @Query(() => OrganizationAggregates, {
    description:
      'How many organizations match the filter, per group of groupBy keys (none: one group), on asOf (default today in China); one SQL statement',
  })
  async organizationAggregates(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Arg('groupBy', () => [OrganizationGroupKey], { defaultValue: [] }) groupBy: OrganizationGroupKey[],
    @Arg('asOf', () => String, { nullable: true }) asOfArgument: string | undefined,
    @Arg('honourTitle', () => String, {
      nullable: true,
      description: 'HONOUR_LEVEL counts honours of this title only, e.g. 四好商会 (default: any)',
    })
    honourTitle: string | undefined,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<OrganizationAggregates> {
    const asOf = asOfDate(asOfArgument, 'asOf');
    if (honourTitle != null && honourTitle.length > 100) throw badInput('honourTitle 最长 100 个字', 'honourTitle');
    const scope = jurisdictionOf({ em, identity }).organizationCondition<Organization>();
    const rows = await organizationGroups(em, filter, groupBy, asOf, honourTitle, scope);
    const groups = rows.map((row) => ({
      ...row,
      regionName: row.region != null ? regionName(row.region) : null,
    })) as OrganizationGroup[];
    return { asOf, groupBy, total: groups.reduce((sum, g) => sum + g.count, 0), groups };
  }

  @Authorized('INTEGRATOR', 'APPROVER', 'ADMIN')
  @Query(() => RecordAggregates, {
    description:
      'How many records of one kind match, and their amounts summed, per group of groupBy keys (none: one group); one SQL statement',
  })
  async recordAggregates(
    @Arg('record', () => AggregatedRecord) record: AggregatedRecord,
    @Arg('groupBy', () => [RecordGroupKey], { defaultValue: [] }) groupBy: RecordGroupKey[],
    @Arg('from', () => String, { nullable: true, description: 'Records on or after this ISO date (dated records)' })
    from: string | undefined,
    @Arg('to', () => String, { nullable: true, description: 'Records on or before this ISO date (dated records)' })
    to: string | undefined,
    @Arg('years', () => [Int], { nullable: true, description: 'Records of these years (an empty list matches none)' })
    years: number[] | undefined,
    @Arg('kinds', () => [String], { nullable: true, description: 'Records of these kinds (as KIND reads them)' })
    kinds: string[] | undefined,
    @Arg('organization', () => OrganizationFilter, {
      nullable: true,
      description: "Records whose organization matches (the organization list's filter)",
    })
    organization: OrganizationFilter | undefined,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<RecordAggregates> {
    dateRange({ from, to }); // checks both ends before any SQL
    const scope = jurisdictionOf({ em, identity }).organizationCondition<Organization>();
    const rows = await recordGroups(em, record, groupBy, { from, to, years, kinds, organization, scope });
    const groups: RecordGroup[] = rows.map(({ amountFen, ...row }) => ({
      ...(row as Omit<RecordGroup, 'amount' | 'regionName'>),
      regionName: row.region != null ? regionName(row.region) : null,
      amount: amountFen == null ? null : money(amountFen),
    }));
    const fen = rows.reduce((total, row) => total + (row.amountFen ?? 0), 0);
    return {
      record,
      groupBy,
      total: rows.reduce((total, row) => total + row.count, 0),
      amount: RECORD_TABLES[record].amount ? money(fen) : null,
      groups,
    };
  }
}

@Resolver(() => RecordGroup)
export class RecordGroupResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'With ORGANIZATION: the organization' })
  organization(@Root() group: RecordGroup, @Ctx() { loaders }: RegistryContext) {
    return group.organizationId ? loaders.organization.load(group.organizationId) : null;
  }
}
