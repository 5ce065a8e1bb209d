import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { Person } from '../entities/person.js';
import { Certification } from '../entities/certification.js';
import { AdministrativePenalty, AnnualInspection, ListEntry } from '../entities/evaluation-facts.js';
import { CreditEntry, RewardGrant } from '../entities/credit.js';
import { CertificationKind } from '../entities/kinds.js';
import { asOfDate } from '../dates.js';
import type { RegistryContext } from '../context.js';

// The facts the annual evaluation reads (eligibility, recusal) and what it writes back (credit
// record, reward grants). Every list goes through a per-request loader: a page of N
// organizations costs one query per field, not N (test/statement-count.test.ts).

@Resolver(() => Organization)
export class OrganizationEvaluationFactsResolver {
  @FieldResolver(() => [AnnualInspection], { description: 'Annual inspection (年检) results, latest year first' })
  annualInspections(
    @Root() organization: Organization,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<AnnualInspection[]> {
    return loaders.inspectionsByOrganization.load(organization.id);
  }

  @FieldResolver(() => [AdministrativePenalty], {
    description:
      'Administrative penalties (行政处罚), latest first; a revoked (撤销) decision only with includeRevoked',
  })
  async penalties(
    @Root() organization: Organization,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false }) includeRevoked: boolean,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<AdministrativePenalty[]> {
    // A revoked decision is void: eligibility and screening, which read this list, must not count it.
    const penalties = await loaders.penaltiesByOrganization.load(organization.id);
    return includeRevoked ? penalties : penalties.filter((penalty) => penalty.revokedOn == null);
  }

  @FieldResolver(() => [ListEntry], { description: 'Entries on 活动异常名录 and 严重违法失信名单, latest first' })
  listEntries(@Root() organization: Organization, @Ctx() { loaders }: RegistryContext): Promise<ListEntry[]> {
    return loaders.listEntriesByOrganization.load(organization.id);
  }

  @FieldResolver(() => [CreditEntry], { description: 'The credit record (信用记录), newest first' })
  creditRecord(@Root() organization: Organization, @Ctx() { loaders }: RegistryContext): Promise<CreditEntry[]> {
    return loaders.creditRecordByOrganization.load(organization.id);
  }

  @FieldResolver(() => [RewardGrant], { description: 'Grants from the evaluation reward fund, latest year first' })
  rewardGrants(@Root() organization: Organization, @Ctx() { loaders }: RegistryContext): Promise<RewardGrant[]> {
    return loaders.rewardGrantsByOrganization.load(organization.id);
  }
}

@Resolver()
export class EvaluationExpertsResolver {
  @Query(() => [Person], {
    description:
      'The reviewer pool: people holding an EVALUATION_EXPERT certification valid on asOf (default today), by name',
  })
  async evaluationExperts(
    @Arg('asOf', () => String, { nullable: true }) asOf: string | undefined,
    @Ctx() { em, loaders }: RegistryContext,
  ): Promise<Person[]> {
    const day = asOfDate(asOf);
    const certifications = await em.find(
      Certification,
      {
        kind: CertificationKind.EVALUATION_EXPERT,
        issuedOn: { $lte: day },
        $or: [{ validUntil: null }, { validUntil: { $gte: day } }],
      },
      { populate: ['person'] },
    );
    const people = new Map(certifications.map((c) => [c.person.id, c.person]));
    const sorted = [...people.values()].sort((a, b) =>
      a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
    // Fields that come back to these people (a position's person) need not fetch them again.
    for (const person of sorted) loaders.person.prime(person.id, person);
    return sorted;
  }
}
