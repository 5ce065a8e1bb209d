import { Authorized, Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Grade, HonourLevel, type Platform } from '../entities/kinds.js';
import { Organization } from '../entities/organization.js';
import { charityByOrganization, platformActivityCounts, recordFigures, standingFigures } from '../statistics.js';
import { gradesAtLeast } from '../rating-rules.js';
import { asOfDate } from '../dates.js';
import type { RegistryContext } from '../context.js';
import { OrganizationCharityStatistics, PlatformActivityCount, RegistryStatistics } from './statistics-types.js';
import { money } from './money.js';
import { scopedFederation } from '../jurisdiction/rules.js';

@Resolver(() => RegistryStatistics)
export class StatisticsResolver {
  @Authorized('INTEGRATOR', 'APPROVER', 'ADMIN')
  @Query(() => RegistryStatistics, {
    description: "The report's tables, computed from the records on asOf (ISO date; default today in China)",
  })
  async statistics(
    @Arg('asOf', () => String, { nullable: true }) asOfArgument: string | undefined,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<RegistryStatistics> {
    const asOf = asOfDate(asOfArgument);
    // An admin's figures are their Federation's jurisdiction on asOf; integrators and approvers see the whole hub's.
    const federationId = scopedFederation(identity);
    const [standing, figures, charity, activities] = await Promise.all([
      standingFigures(em, asOf, federationId),
      recordFigures(em, asOf, federationId),
      charityByOrganization(em, asOf, federationId),
      platformActivityCounts(em, asOf, federationId),
    ]);
    const { fourGoodByLevel, ratingsByGrade } = standing;
    return {
      id: `statistics:${asOf}`,
      asOf,
      year: Number(asOf.slice(0, 4)),
      fourGoodChambers: {
        total: Object.values(fourGoodByLevel).reduce((sum, count) => sum + count, 0),
        byLevel: Object.values(HonourLevel).map((level) => ({ level, count: fourGoodByLevel[level] })),
      },
      ratings: {
        atLeast3A: gradesAtLeast(Grade.A3).reduce((sum, grade) => sum + ratingsByGrade[grade], 0),
        byGrade: Object.values(Grade).map((grade) => ({ grade, count: ratingsByGrade[grade] })),
      },
      bankPairings: figures.bankPairings,
      redLaunchLoans: { count: figures.redLaunchLoans, total: money(figures.redLaunchLoanFen) },
      liaisonVisits: figures.liaisonVisits,
      rewardFund: {
        total: money(figures.rewardFundFen),
        increase: money(figures.rewardFundIncreaseFen),
        grants: figures.rewardGrants,
        granted: money(figures.rewardGrantedFen),
      },
      governmentChamberCommunication: {
        specialSessions: figures.specialSessions,
        specialSessionIssuesResolved: figures.specialSessionIssuesResolved,
        rotatingEvents: figures.rotatingEvents,
        rotatingEventProblemsResolved: figures.rotatingEventProblemsResolved,
      },
      interconnection: { jointMeetings: figures.jointMeetings, groupActivities: figures.groupActivities },
      investment: {
        fairs: figures.investmentFairs,
        matchmakings: figures.projectMatchmakings,
        projects: figures.investmentProjects,
        total: money(figures.investmentFen),
      },
      assistance: { pairedVillages: figures.pairedVillages, projects: figures.assistanceProjects },
      mediation: {
        committees: figures.mediationCommittees,
        mediators: figures.mediators,
        cases: figures.mediationCases,
        casesSettled: figures.mediationCasesSettled,
        chambers: figures.chambers,
        chambersWithLegalCounsel: figures.chambersWithLegalCounsel,
        legalCounselCoverage: figures.chambers === 0 ? 0 : figures.chambersWithLegalCounsel / figures.chambers,
      },
      charity: {
        year: Number(asOf.slice(0, 4)),
        spending: money(figures.charitySpendingFen),
        byOrganization: charity.map((row) => ({
          organizationId: row.organizationId,
          raised: money(row.raisedFen),
          given: money(row.givenFen),
          givenInYear: money(row.givenInYearFen),
          events: row.events,
          beneficiaries: row.beneficiaries,
          programmeYears: row.programmeYears,
        })),
      },
      platformActivities: activities.map((row): PlatformActivityCount => ({
        ...row,
        platform: row.platform as Platform,
      })),
    };
  }
}

@Resolver(() => OrganizationCharityStatistics)
export class OrganizationCharityResolver {
  @FieldResolver(() => Organization)
  async organization(
    @Root() row: OrganizationCharityStatistics,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Organization> {
    return (await loaders.organization.load(row.organizationId))!;
  }
}
