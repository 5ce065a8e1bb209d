import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProcessesContext } from '../kit/context.js';
import { organizationSeen } from '../kit/jurisdiction.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import { EvaluationCampaign } from './campaign.js';
import { EvaluationApplication } from './application.js';
import { EvaluationCandidacy } from './candidacy.js';

// Where the city reads what became of its recommendations: on its campaign (in its order of
// preference) and on each application. An officer or admin sees those of their jurisdiction.

@Resolver(() => EvaluationCandidacy)
export class EvaluationCandidacyResolver {
  @FieldResolver(() => OrganizationRef)
  organization(@Root() candidacy: EvaluationCandidacy) {
    return organizationRef(candidacy.organizationId);
  }
}

@Resolver(() => EvaluationCampaign)
export class CampaignCandidaciesResolver {
  @FieldResolver(() => [EvaluationCandidacy], {
    description: "The chambers the city recommended upward, in its order, with the upper Federation's decisions",
  })
  async candidacies(@Root() campaign: EvaluationCampaign, @Ctx() ctx: ProcessesContext) {
    return ctx.em.find(
      EvaluationCandidacy,
      { campaignId: campaign.id, ...(await organizationSeen(ctx, 'organizationId')) },
      { orderBy: { rank: 'asc', id: 'asc' } },
    );
  }
}

@Resolver(() => EvaluationApplication)
export class ApplicationCandidacyResolver {
  @FieldResolver(() => EvaluationCandidacy, {
    nullable: true,
    description: 'Its recommendation upward (推荐参评省级“四好”商会), if the city made one',
  })
  candidacy(@Root() application: EvaluationApplication, @Ctx() { em }: ProcessesContext) {
    return em.findOne(EvaluationCandidacy, { applicationId: application.id });
  }
}
