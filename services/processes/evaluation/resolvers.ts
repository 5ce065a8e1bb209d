import {
  Authorized,
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { toRun } from '../kit/update-refusals.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { EvaluationCampaign } from './campaign.js';
import { EvaluationApplication } from './application.js';
import { EvaluationIneligible } from './ineligible.js';
import { campaignParams } from './params.js';
import { scoresFor } from './visibility.js';
import { startCampaign } from './start.js';
import { textProblem } from '../kit/text.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import type { ProcessesContext } from '../kit/context.js';
import { requireUuid } from '../../common/ids.js';
import { badInput, conflict, forbidden, HubError, notFound } from '../../common/errors.js';
import { lodgeObjectionUpdate, requestRecusalUpdate } from '../../../workflows/evaluation/types.js';
import { evaluationLoaders } from './loaders.js';
import { organizationSeen, organizationsOutside, requireSeen, seesOrganization } from '../kit/jurisdiction.js';

export enum EvaluationTrack {
  RATING = 'RATING',
  FOUR_GOOD = 'FOUR_GOOD',
}
registerEnumType(EvaluationTrack, {
  name: 'EvaluationTrack',
  description: 'RATING: 社会组织评估 (1A–5A); FOUR_GOOD: 四好商会',
});

@ObjectType()
class StageCount {
  @Field(() => String) stage!: string;
  @Field(() => Int) count!: number;
}

/** An application the caller sees: one of another Federation's jurisdiction is NOT_FOUND. */
async function applicationOf(id: string, ctx: ProcessesContext): Promise<EvaluationApplication> {
  const application = await ctx.em.findOne(EvaluationApplication, requireUuid(id));
  const missing = `No evaluation application has id ${id}`;
  if (!application) throw notFound(missing);
  await requireSeen(ctx, application.organizationId, missing);
  return application;
}

@Resolver(() => EvaluationCampaign)
export class EvaluationCampaignResolver {
  @Query(() => [EvaluationCampaign], { description: 'Evaluation campaigns, newest year first' })
  evaluationCampaigns(@Ctx() { em }: ProcessesContext) {
    return em.find(EvaluationCampaign, {}, { orderBy: { year: 'desc', track: 'asc' } });
  }

  @Query(() => EvaluationCampaign)
  async evaluationCampaign(@Arg('id', () => ID) id: string, @Ctx() { em }: ProcessesContext) {
    const campaign = await em.findOne(EvaluationCampaign, { id });
    if (!campaign) throw notFound(`No evaluation campaign has id ${id}`);
    return campaign;
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => EvaluationCampaign, {
    description:
      'FEDERATION_OFFICER or ADMIN: start (or backfill) the campaign of a year now; params override the defaults',
  })
  async startEvaluationCampaign(
    @Arg('year', () => Int) year: number,
    @Arg('track', () => EvaluationTrack) track: EvaluationTrack,
    @Arg('params', () => GraphQLJSONObject, {
      nullable: true,
      description: 'e.g. { "noticeDays": 10, "cutoffs": { ... } }',
    })
    overrides: Record<string, unknown> | undefined,
    @Ctx() ctx: ProcessesContext,
  ) {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw badInput('year must be a year from 2000 to 2100', 'year');
    const { params, problems } = campaignParams(year, track, overrides ?? {});
    if (problems.length > 0)
      throw new HubError('BAD_USER_INPUT', problems[0].message, { field: problems[0].field, problems });
    try {
      return await startCampaign(ctx, params);
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw conflict(`The ${track} campaign of ${year} has already been started`);
      throw error;
    }
  }

  @FieldResolver(() => [StageCount], { description: 'How many applications are at each stage' })
  async stageCounts(@Root() campaign: EvaluationCampaign, @Ctx() ctx: ProcessesContext): Promise<StageCount[]> {
    // Counted over the applications the caller sees (their Federation's jurisdiction).
    const outside = await organizationsOutside(ctx);
    return ctx.em.getConnection().execute<{ stage: string; count: number }[]>(
      `select status as stage, count(*)::int as count from processes.evaluation_application
          where campaign_id = ? and organization_id::text <> all(?::text[]) group by status order by status`,
      // An array literal: the driver would spread a JS array into a list of parameters.
      [campaign.id, `{${outside.join(',')}}`],
    );
  }

  @FieldResolver(() => [EvaluationIneligible], {
    description: 'Organizations that may not take part, with their reasons in words',
  })
  async ineligible(@Root() campaign: EvaluationCampaign, @Ctx() ctx: ProcessesContext) {
    return ctx.em.find(
      EvaluationIneligible,
      { campaignId: campaign.id, ...(await organizationSeen(ctx, 'organizationId')) },
      { orderBy: { organizationName: 'asc' } },
    );
  }

  @FieldResolver(() => [EvaluationApplication])
  async applications(@Root() campaign: EvaluationCampaign, @Ctx() ctx: ProcessesContext) {
    return ctx.em.find(
      EvaluationApplication,
      { campaignId: campaign.id, ...(await organizationSeen(ctx, 'organizationId')) },
      { orderBy: { organizationName: 'asc', id: 'asc' } },
    );
  }
}

@Resolver(() => EvaluationApplication)
export class EvaluationApplicationResolver {
  @Query(() => EvaluationApplication)
  evaluationApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext) {
    return applicationOf(id, ctx);
  }

  @Mutation(() => EvaluationApplication, {
    description:
      "The organization's APPROVER: ask that a named reviewer step aside (回避) before they score; a replacement is drawn",
  })
  async requestReviewerRecusal(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('reviewerId', () => ID) reviewerId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const application = await applicationOf(applicationId, ctx);
    if (
      !ctx.identity.roles.includes('APPROVER') ||
      !ctx.identity.organizationIds.includes(application.organizationId)
    ) {
      throw forbidden('Only the approvers of the organization under evaluation may ask for a recusal');
    }
    const problem = textProblem(reason, 'reason', 500);
    if (problem) throw badInput(problem.message, problem.field);
    return this.update(ctx, application, (run) =>
      run.executeUpdate(requestRecusalUpdate, {
        args: [{ reviewerId: requireUuid(reviewerId, 'reviewerId'), reason, requestedBy: ctx.identity.subject }],
      }),
    );
  }

  @Mutation(() => EvaluationApplication, {
    description: 'Any signed-in user: object to a grade during its public notice (公示); the review committee decides',
  })
  async lodgeObjection(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const application = await applicationOf(applicationId, ctx);
    const problem = textProblem(reason, 'reason', 1000);
    if (problem) throw badInput(problem.message, problem.field);
    return this.update(ctx, application, (run) =>
      run.executeUpdate(lodgeObjectionUpdate, { args: [{ by: ctx.identity.subject, reason }] }),
    );
  }

  private async update(
    ctx: ProcessesContext,
    application: EvaluationApplication,
    send: (run: ReturnType<ProcessesContext['temporal']['workflow']['getHandle']>) => Promise<unknown>,
  ) {
    await toRun(ctx.temporal, application.workflowId, `Evaluation ${application.id}`, send);
    await ctx.em.refresh(application);
    return application;
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() application: EvaluationApplication) {
    return organizationRef(application.organizationId);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The total (of 1000) once published; admins always' })
  total(@Root() application: EvaluationApplication, @Ctx() { identity }: ProcessesContext) {
    return application.published || identity.roles.includes('ADMIN') ? (application.total ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The grade once published (公示); admins always' })
  grade(@Root() application: EvaluationApplication, @Ctx() { identity }: ProcessesContext) {
    return application.published || identity.roles.includes('ADMIN')
      ? (application.grade ?? application.proposedGrade ?? null)
      : null;
  }

  @FieldResolver(() => [GraphQLJSONObject], {
    description:
      "Reviewers' scores the caller may see: a reviewer their own until all are in, then all; the organization and everyone once published",
  })
  reviewerScores(@Root() application: EvaluationApplication, @Ctx() { identity }: ProcessesContext) {
    return scoresFor(application, identity);
  }

  @FieldResolver(() => [GraphQLJSONObject], {
    description: 'Reviewers who stepped aside (回避), with the reason; admins and the organization',
  })
  recusals(@Root() application: EvaluationApplication, @Ctx() { identity }: ProcessesContext) {
    const mayKnow = identity.roles.includes('ADMIN') || identity.organizationIds.includes(application.organizationId);
    return mayKnow ? application.recused : [];
  }

  @FieldResolver(() => [GraphQLJSONObject], {
    description: 'Objections lodged during the notice and how the review decided them',
  })
  objections(@Root() application: EvaluationApplication) {
    return application.objections.map(({ reason, outcome }) => ({ reason, outcome }));
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationEvaluationResolver {
  @FieldResolver(() => [EvaluationApplication], { description: "This organization's evaluations, newest first" })
  async evaluations(@Root() organization: OrganizationRef, @Ctx() ctx: ProcessesContext) {
    if (!(await seesOrganization(ctx, organization.id))) return [];
    return evaluationLoaders(ctx).applicationsByOrganization.load(organization.id);
  }
}
