import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CharityRecord, InvestmentProject, Loan, MediationCase } from '../entities/records.js';
import { Organization } from '../entities/organization.js';
import { formatFen } from '../money.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs } from '../../common/connection.js';
import { requireUuid } from '../../common/ids.js';
import { DatedPageArgs, dateRange, given } from './dated-page.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import { ORDER_BY_DESCRIPTION, type OrderTerm } from '../query/order.js';
import { listPage } from '../query/list-page.js';
import {
  CHARITY_RECORD_ORDER,
  CharityRecordOrder,
  CharityRecordOrderField,
  INVESTMENT_PROJECT_ORDER,
  InvestmentProjectOrder,
  InvestmentProjectOrderField,
  LOAN_ORDER,
  LoanOrder,
  LoanOrderField,
  MEDIATION_CASE_ORDER,
  MediationCaseOrder,
  MediationCaseOrderField,
} from '../query/list-orders.js';

// Records with money or an outcome: loans, mediation cases, charity, investment projects.

const LoanConnection = Connection('Loan', Loan);
const MediationCaseConnection = Connection('MediationCase', MediationCase);
const CharityRecordConnection = Connection('CharityRecord', CharityRecord);
const InvestmentProjectConnection = Connection('InvestmentProject', InvestmentProject);

@ArgsType()
class LoanArgs extends DatedPageArgs {
  @Field(() => String, { nullable: true, description: 'e.g. RED_LAUNCH (红色启航贷)' }) product?: string;
  @Field(() => [LoanOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<LoanOrderField>[];
}

@ArgsType()
class MediationCaseArgs extends DatedPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only cases of this mediation committee' }) committeeId?: string;
  @Field(() => [MediationCaseOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<MediationCaseOrderField>[];
}

@ArgsType()
class CharityRecordArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => String, {
    nullable: true,
    description: 'DONATION, FUNDRAISING, FOUNDATION_SPENDING, EVENT or PROGRAMME',
  })
  kind?: string;
  @Field(() => [CharityRecordOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<CharityRecordOrderField>[];
}

@ArgsType()
class InvestmentProjectArgs extends DatedPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only projects this chamber introduced' }) introducedById?: string;
  @Field(() => [InvestmentProjectOrder], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderTerm<InvestmentProjectOrderField>[];
}

const optionalId = (id: string | undefined, field: string) => (id == null ? undefined : requireUuid(id, field));

@Resolver()
export class RecordResolver {
  @Query(() => LoanConnection, { description: 'Loans to member enterprises, newest first (from/to: signing date)' })
  loans(
    @Args(() => LoanArgs) { product, from, to, orderBy, ...page }: LoanArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    // A loan is the enterprise's: scoped by the borrower.
    return listPage(
      em,
      Loan,
      {
        $and: [
          given({ product, signedOn: dateRange({ from, to }) }),
          jurisdictionOf({ em, identity }).recordCondition<Loan>('enterprise_id'),
        ],
      },
      { signedOn: 'desc', id: 'desc' },
      { fields: LOAN_ORDER, terms: orderBy },
      page,
    );
  }

  @Query(() => MediationCaseConnection, { description: 'Disputes mediated, newest first (from/to: opening date)' })
  mediationCases(
    @Args(() => MediationCaseArgs) { committeeId, from, to, orderBy, ...page }: MediationCaseArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const committee = optionalId(committeeId, 'committeeId');
    return listPage(
      em,
      MediationCase,
      {
        $and: [
          given({ committee, openedOn: dateRange({ from, to }) }),
          jurisdictionOf({ em, identity }).recordCondition<MediationCase>('committee_id'),
        ],
      },
      { openedOn: 'desc', id: 'desc' },
      { fields: MEDIATION_CASE_ORDER, terms: orderBy },
      page,
    );
  }

  @Query(() => CharityRecordConnection, { description: 'Charity by chambers and their foundations, newest year first' })
  charityRecords(
    @Args(() => CharityRecordArgs) { organizationId, year, kind, orderBy, ...page }: CharityRecordArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    // Charity is recorded per year, not per day, so it filters by year rather than a date range.
    const organization = optionalId(organizationId, 'organizationId');
    const where = {
      $and: [given({ organization, year, kind }), jurisdictionOf({ em, identity }).recordCondition<CharityRecord>()],
    };
    const order = { fields: CHARITY_RECORD_ORDER, terms: orderBy };
    return listPage(em, CharityRecord, where, { year: 'desc', id: 'desc' }, order, page);
  }

  @Query(() => InvestmentProjectConnection, {
    description: 'Projects chambers brought to the city, newest first (from/to: signing date)',
  })
  investmentProjects(
    @Args(() => InvestmentProjectArgs) { introducedById, from, to, orderBy, ...page }: InvestmentProjectArgs,
    @Ctx() { em, identity }: RegistryContext,
  ) {
    const introducedBy = optionalId(introducedById, 'introducedById');
    return listPage(
      em,
      InvestmentProject,
      {
        $and: [
          given({ introducedBy, signedOn: dateRange({ from, to }) }),
          jurisdictionOf({ em, identity }).recordCondition<InvestmentProject>('introduced_by_id'),
        ],
      },
      { signedOn: 'desc', id: 'desc' },
      { fields: INVESTMENT_PROJECT_ORDER, terms: orderBy },
      page,
    );
  }
}

@Resolver(() => Loan)
export class LoanResolver {
  @FieldResolver(() => Organization)
  async enterprise(@Root() loan: Loan, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(loan.enterprise.id))!;
  }

  @FieldResolver(() => Organization, { description: 'The bank or branch that lent' })
  async bank(@Root() loan: Loan, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(loan.bank.id))!;
  }

  @FieldResolver(() => String, { description: 'The amount as the report writes it, e.g. 3240万元' })
  amountFormatted(@Root() loan: Loan): string {
    return formatFen(loan.amountFen);
  }
}

@Resolver(() => MediationCase)
export class MediationCaseResolver {
  @FieldResolver(() => Organization, { description: 'The mediation committee (人民调解委员会)' })
  async committee(@Root() mediation: MediationCase, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(mediation.committee.id))!;
  }
}

@Resolver(() => CharityRecord)
export class CharityRecordResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() record: CharityRecord, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(record.organization.id))!;
  }

  @FieldResolver(() => String, { description: 'The amount as the report writes it, e.g. 400万元' })
  amountFormatted(@Root() record: CharityRecord): string {
    return formatFen(record.amountFen);
  }
}

@Resolver(() => InvestmentProject)
export class InvestmentProjectResolver {
  @FieldResolver(() => Organization, { description: 'The chamber that brought the project' })
  async introducedBy(@Root() project: InvestmentProject, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(project.introducedBy.id))!;
  }

  @FieldResolver(() => String, { description: 'The investment as the report writes it, e.g. 60亿元' })
  amountFormatted(@Root() project: InvestmentProject): string {
    return formatFen(project.amountFen);
  }
}
