import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AdministrativePenalty, AnnualInspection, ListEntry } from '../entities/evaluation-facts.js';
import { CreditEntry } from '../entities/credit.js';
import { Organization } from '../entities/organization.js';
import { CreditEntryKind, InspectionResult, ListKind } from '../entities/evaluation-kinds.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs } from '../../common/connection.js';
import { requireUuid } from '../../common/ids.js';
import { requireIsoDate } from '../../common/dates.js';
import { DatedPageArgs, dateRange, given } from './dated-page.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import { ORDER_BY_DESCRIPTION, type OrderTerm } from '../query/order.js';
import { listPage } from '../query/list-page.js';
import {
  ADMINISTRATIVE_PENALTY_ORDER,
  ANNUAL_INSPECTION_ORDER,
  AdministrativePenaltyOrder,
  AdministrativePenaltyOrderField,
  AnnualInspectionOrder,
  AnnualInspectionOrderField,
  CREDIT_ENTRY_ORDER,
  CreditEntryOrder,
  CreditEntryOrderField,
  LIST_ENTRY_ORDER,
  ListEntryOrder,
  ListEntryOrderField,
} from '../query/list-orders.js';

// The facts officers keep, as lists over all organisations (newest first), for the console
// and the exports; and each fact's organisation. Each organisation's own come as its fields.

const AnnualInspectionConnection = Connection('AnnualInspection', AnnualInspection);
const AdministrativePenaltyConnection = Connection('AdministrativePenalty', AdministrativePenalty);
const ListEntryConnection = Connection('ListEntry', ListEntry);
const CreditEntryConnection = Connection('CreditEntry', CreditEntry);

@ArgsType()
class InspectionArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only this year' }) year?: number;
  @Field(() => InspectionResult, { nullable: true }) result?: InspectionResult;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => [AnnualInspectionOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<AnnualInspectionOrderField>[];
}

@ArgsType()
class PenaltyArgs extends DatedPageArgs {
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Also revoked (撤销) decisions' }) includeRevoked!: boolean;
  @Field(() => [AdministrativePenaltyOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<AdministrativePenaltyOrderField>[];
}

@ArgsType()
class ListEntryArgs extends PageArgs {
  @Field(() => ListKind, { nullable: true }) list?: ListKind;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => String, { nullable: true, description: 'Only stays on the list on this ISO date' }) activeOn?: string;
  @Field(() => [ListEntryOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<ListEntryOrderField>[];
}

@ArgsType()
class CreditEntryArgs extends DatedPageArgs {
  @Field(() => CreditEntryKind, { nullable: true }) kind?: CreditEntryKind;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => [CreditEntryOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<CreditEntryOrderField>[];
}

const organizationIn = (id: string | undefined) => (id == null ? undefined : requireUuid(id, 'organizationId'));

@Resolver()
export class FactListsResolver {
  @Query(() => AnnualInspectionConnection, { description: 'Annual inspection results, latest year first' })
  annualInspections(
    @Args(() => InspectionArgs) { year, result, organizationId, orderBy, ...page }: InspectionArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const organization = organizationIn(organizationId);
    const where = {
      $and: [
        given({ year, result, organization }),
        jurisdictionOf({ em, identity }).recordCondition<AnnualInspection>(),
      ],
    };
    const order = { fields: ANNUAL_INSPECTION_ORDER, terms: orderBy };
    return listPage(em, AnnualInspection, where, { year: 'desc', id: 'desc' }, order, page);
  }

  @Query(() => AdministrativePenaltyConnection, {
    description:
      'Administrative penalties, latest decision first (from/to: decision date); revoked ones only when asked',
  })
  administrativePenalties(
    @Args(() => PenaltyArgs) { organizationId, includeRevoked, from, to, orderBy, ...page }: PenaltyArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const where = given({
      organization: organizationIn(organizationId),
      decidedOn: dateRange({ from, to }),
      revokedOn: includeRevoked ? undefined : null,
    });
    const scoped = { $and: [where, jurisdictionOf({ em, identity }).recordCondition<AdministrativePenalty>()] };
    const order = { fields: ADMINISTRATIVE_PENALTY_ORDER, terms: orderBy };
    return listPage(em, AdministrativePenalty, scoped, { decidedOn: 'desc', id: 'desc' }, order, page);
  }

  @Query(() => ListEntryConnection, { description: 'Entries on 活动异常名录 and 严重违法失信名单, latest first' })
  listEntries(
    @Args(() => ListEntryArgs) { list, organizationId, activeOn, orderBy, ...page }: ListEntryArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const day = activeOn == null ? undefined : requireIsoDate(activeOn, 'activeOn');
    const where = {
      ...given({ list, organization: organizationIn(organizationId) }),
      ...(day ? { listedOn: { $lte: day }, $or: [{ removedOn: null }, { removedOn: { $gt: day } }] } : {}),
    };
    const scoped = { $and: [where, jurisdictionOf({ em, identity }).recordCondition<ListEntry>()] };
    const order = { fields: LIST_ENTRY_ORDER, terms: orderBy };
    return listPage(em, ListEntry, scoped, { listedOn: 'desc', id: 'desc' }, order, page);
  }

  @Query(() => CreditEntryConnection, { description: 'Credit-record entries, newest first (from/to: entry date)' })
  creditEntries(
    @Args(() => CreditEntryArgs) { kind, organizationId, from, to, orderBy, ...page }: CreditEntryArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const where = given({ kind, organization: organizationIn(organizationId), recordedOn: dateRange({ from, to }) });
    const scoped = { $and: [where, jurisdictionOf({ em, identity }).recordCondition<CreditEntry>()] };
    const order = { fields: CREDIT_ENTRY_ORDER, terms: orderBy };
    return listPage(em, CreditEntry, scoped, { recordedOn: 'desc', id: 'desc' }, order, page);
  }
}

/** The organisation a fact is about, through the per-request loader. */
async function organizationOf(fact: { organization: { id: string } }, { loaders }: RegistryContext) {
  return (await loaders.organization.load(fact.organization.id))!;
}

@Resolver(() => AnnualInspection)
export class AnnualInspectionResolver {
  @FieldResolver(() => Organization)
  organization(@Root() fact: AnnualInspection, @Ctx() ctx: RegistryContext) {
    return organizationOf(fact, ctx);
  }
}

@Resolver(() => AdministrativePenalty)
export class AdministrativePenaltyResolver {
  @FieldResolver(() => Organization)
  organization(@Root() fact: AdministrativePenalty, @Ctx() ctx: RegistryContext) {
    return organizationOf(fact, ctx);
  }
}

@Resolver(() => ListEntry)
export class ListEntryResolver {
  @FieldResolver(() => Organization)
  organization(@Root() fact: ListEntry, @Ctx() ctx: RegistryContext) {
    return organizationOf(fact, ctx);
  }
}

@Resolver(() => CreditEntry)
export class CreditEntryResolver {
  @FieldResolver(() => Organization)
  organization(@Root() fact: CreditEntry, @Ctx() ctx: RegistryContext) {
    return organizationOf(fact, ctx);
  }
}
