import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Grade, HonourLevel, Platform } from '../entities/kinds.js';
import { Money } from './money.js';

// The shape of the `statistics` answer: the report's tables (see services/registry/statistics.ts
// for how each number is computed and which are year figures).

@ObjectType()
export class HonourLevelCount {
  @Field(() => HonourLevel) level!: HonourLevel;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description: 'Chambers holding a 四好商会 honour at city level or above, each once at its highest level',
})
export class FourGoodChamberStatistics {
  @Field(() => Int) total!: number;
  @Field(() => [HonourLevelCount]) byLevel!: HonourLevelCount[];
}

@ObjectType()
export class GradeCount {
  @Field(() => Grade) grade!: Grade;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description:
    'City-level associations and chambers by the grade in force on asOf (awarded within five years, not revoked)',
})
export class RatingStatistics {
  @Field(() => Int, { description: 'Rated 3A or above' }) atLeast3A!: number;
  @Field(() => [GradeCount], { description: 'A1 … A5; an organization counts once, at its latest grade in force' })
  byGrade!: GradeCount[];
}

@ObjectType({ description: '红色启航贷 signed on or before asOf' })
export class LoanStatistics {
  @Field(() => Int) count!: number;
  @Field(() => Money) total!: Money;
}

@ObjectType({ description: "The evaluation reward fund of asOf's year (评价激励奖金)" })
export class RewardFundStatistics {
  @Field(() => Money) total!: Money;
  @Field(() => Money, { description: 'Allocations of kind INCREASE' }) increase!: Money;
  @Field(() => Int, { description: "Grants paid from the fund for asOf's year (written back by evaluation campaigns)" })
  grants!: number;
  @Field(() => Money, { description: 'Their sum' }) granted!: Money;
}

@ObjectType({ description: "政会沟通 in asOf's year: sessions held, and their issues resolved by asOf" })
export class GovernmentChamberStatistics {
  @Field(() => Int, { description: '界别议事厅专场' }) specialSessions!: number;
  @Field(() => Int) specialSessionIssuesResolved!: number;
  @Field(() => Int, { description: '商会服务联盟轮值活动' }) rotatingEvents!: number;
  @Field(() => Int) rotatingEventProblemsResolved!: number;
}

@ObjectType({ description: "互联互通 in asOf's year" })
export class InterconnectionStatistics {
  @Field(() => Int, { description: '市内异地商会联席会议' }) jointMeetings!: number;
  @Field(() => Int, { description: '行业协会商会小组活动' }) groupActivities!: number;
}

@ObjectType({ description: "Investment promotion in asOf's year (招商引资)" })
export class InvestmentStatistics {
  @Field(() => Int, { description: 'Investment fairs co-hosted (投资推介会、经贸洽谈会)' }) fairs!: number;
  @Field(() => Int, { description: 'Project matchmakings (产业、项目对接)' }) matchmakings!: number;
  @Field(() => Int, { description: 'Projects introduced (牵线引进项目)' }) projects!: number;
  @Field(() => Money, { description: 'Investment of those projects' }) total!: Money;
}

@ObjectType({ description: '结对帮扶 on asOf: villages paired, and assistance projects started by then' })
export class AssistanceStatistics {
  @Field(() => Int) pairedVillages!: number;
  @Field(() => Int) projects!: number;
}

@ObjectType({ description: 'Mediation and legal counsel on asOf' })
export class MediationStatistics {
  @Field(() => Int, { description: 'Mediation committees founded by chambers' }) committees!: number;
  @Field(() => Int, { description: 'People serving as mediators' }) mediators!: number;
  @Field(() => Int, { description: 'Cases opened by asOf' }) cases!: number;
  @Field(() => Int, { description: 'Cases closed as SETTLED by asOf' }) casesSettled!: number;
  @Field(() => Int, { description: 'Chambers (industry associations, out-of-town and grassroots chambers) not ended' })
  chambers!: number;
  @Field(() => Int) chambersWithLegalCounsel!: number;
  @Field(() => Float, { description: 'chambersWithLegalCounsel / chambers (1 is 全覆盖)' })
  legalCounselCoverage!: number;
}

@ObjectType({ description: "One organization's charity records up to asOf's year" })
export class OrganizationCharityStatistics {
  @Field(() => ID) organizationId!: string;
  @Field(() => Money, { description: 'Money raised (FUNDRAISING), e.g. for a foundation' }) raised!: Money;
  @Field(() => Money, { description: 'Money and goods given, all years' }) given!: Money;
  @Field(() => Money, { description: "Money and goods given in asOf's year" }) givenInYear!: Money;
  @Field(() => Int, { description: 'Charity events held (EVENT)' }) events!: number;
  @Field(() => Int, { description: 'People helped, all years' }) beneficiaries!: number;
  @Field(() => Int, { description: 'Years in which a programme (PROGRAMME) ran' }) programmeYears!: number;
}

@ObjectType({ description: '公益慈善' })
export class CharityStatistics {
  @Field(() => Int) year!: number;
  @Field(() => Money, {
    description: 'Money and goods given in the year by all organizations (not counting money raised)',
  })
  spending!: Money;
  @Field(() => [OrganizationCharityStatistics], { description: 'By organization, in name order' })
  byOrganization!: OrganizationCharityStatistics[];
}

@ObjectType({ description: "Platform activities of one kind in asOf's year" })
export class PlatformActivityCount {
  @Field(() => Platform) platform!: Platform;
  @Field(() => String) kind!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'Sum of participantCount' }) participants!: number;
}

@ObjectType({ description: "The report's figures, computed from the registry's records on asOf" })
export class RegistryStatistics {
  // Keyed by its day, so a client cache (Apollo's __typename + id) keeps two days' figures apart.
  @Field(() => ID, { description: 'statistics:<asOf>: one per day, for client caches' }) id!: string;
  @Field(() => String, { description: 'The day the figures hold on (ISO date)' }) asOf!: string;
  @Field(() => Int, { description: 'The calendar year of asOf, which the year figures cover up to asOf' })
  year!: number;
  @Field(() => FourGoodChamberStatistics) fourGoodChambers!: FourGoodChamberStatistics;
  @Field(() => RatingStatistics) ratings!: RatingStatistics;
  @Field(() => Int, { description: 'BANK_PAIRING edges valid on asOf (党建+金融 结对共建)' }) bankPairings!: number;
  @Field(() => LoanStatistics) redLaunchLoans!: LoanStatistics;
  @Field(() => Int, { description: "Liaison visits (联挂指导走访) in asOf's year" }) liaisonVisits!: number;
  @Field(() => RewardFundStatistics) rewardFund!: RewardFundStatistics;
  @Field(() => GovernmentChamberStatistics) governmentChamberCommunication!: GovernmentChamberStatistics;
  @Field(() => InterconnectionStatistics) interconnection!: InterconnectionStatistics;
  @Field(() => InvestmentStatistics) investment!: InvestmentStatistics;
  @Field(() => AssistanceStatistics) assistance!: AssistanceStatistics;
  @Field(() => MediationStatistics) mediation!: MediationStatistics;
  @Field(() => CharityStatistics) charity!: CharityStatistics;
  @Field(() => [PlatformActivityCount], {
    description: 'Activities of the four platforms and investment promotion, by kind',
  })
  platformActivities!: PlatformActivityCount[];
}
