import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/activity';
import type { EvaluationActivities } from '../../../workflows/evaluation/activities.js';
import { rewardFor } from '../../../workflows/evaluation/rules.js';
import type { RegistryClient } from '../registry/client.js';
import { permanentOnRefusal } from '../registry/refusals.js';
import { REGISTRY_REFUSED } from '../../../workflows/common/failures.js';
import { EvaluationCampaign } from './campaign.js';
import { EvaluationApplication } from './application.js';
import { EvaluationIneligible } from './ineligible.js';
import { eligibility } from './eligibility.js';
import { applicantFacts, expertPool } from './registry-facts.js';
import { committeeMembers } from '../committees/standing.js';
import { drawReviewers } from '../committees/recusal.js';
import { writeBackResult } from './write-back.js';
import { applicationRow } from './report.js';
import { createCandidacyActivities } from './candidacy-activities.js';

// The evaluation's side effects: projection rows, registry reads for eligibility and recusal,
// and the result written back. Idempotent: rows are upserted, draws are seeded, writes keyed.

/** The organisations a track evaluates: associations and chambers (rating), chambers (Four-Good). */
export const TRACK_KINDS = {
  RATING: ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER'],
  FOUR_GOOD: ['OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER', 'INDUSTRY_ASSOCIATION'],
} as const;

export function createEvaluationActivities({ orm, registry }: { orm: MikroORM; registry: RegistryClient }) {
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);

  return {
    ...createCandidacyActivities({ orm, registry }),
    async openCampaign({ campaignId, params, startedBy }) {
      await inTransaction(async (em) => {
        const row = await em.findOne(EvaluationCampaign, campaignId);
        if (row) return;
        em.create(EvaluationCampaign, {
          id: campaignId,
          year: params.year,
          track: params.track,
          stage: 'ELIGIBILITY',
          workflowId: campaignId,
          params,
          startedBy,
        });
      });
    },

    async assessEligibility(input) {
      return permanentOnRefusal(async () => {
        const { params, asOf, campaignId } = input;
        const facts = await applicantFacts(registry, [...TRACK_KINDS[params.track]], asOf);
        const rules = { year: params.year, track: params.track, asOf, rerateAfterTwoYears: params.rerateAfterTwoYears };
        const judged = facts.map((org) => ({ org, verdict: eligibility(org, rules) }));
        await inTransaction(async (em) => {
          await em.nativeDelete(EvaluationIneligible, { campaignId });
          for (const { org, verdict } of judged) {
            if (!verdict.eligible)
              em.create(EvaluationIneligible, {
                campaignId,
                organizationId: org.id,
                organizationName: org.name,
                kind: org.kind,
                reasons: verdict.reasons,
              });
          }
          const campaign = await em.findOneOrFail(EvaluationCampaign, campaignId);
          Object.assign(campaign, {
            stage: 'APPLICATIONS',
            eligibleCount: judged.filter((j) => j.verdict.eligible).length,
            ineligibleCount: judged.filter((j) => !j.verdict.eligible).length,
          });
        });
        const eligible = judged
          .filter((j) => j.verdict.eligible)
          .map(({ org }) => ({
            organizationId: org.id,
            organizationName: org.name,
            liaisonPersonId:
              (org.edges.find((e) => e.type === 'LIAISON')?.attributes.leaderId as string | undefined) ?? null,
          }));
        return {
          eligible,
          ineligible: judged.length - eligible.length,
          committees: await committeeMembers(registry, asOf),
        };
      });
    },

    async closeCampaign({ campaignId, stage }) {
      await inTransaction(async (em) => {
        const campaign = await em.findOneOrFail(EvaluationCampaign, campaignId);
        campaign.stage = stage;
      });
    },

    async recordEvaluation({ application, state }) {
      // One insert-or-update statement: it runs inside the workflow task that answers a
      // decision (APPLY opens the self-assessment), so its round trips are the answer's latency.
      await orm.em.fork().upsert(EvaluationApplication, applicationRow(application, state));
    },

    async drawReviewers({ application, count, exclude }) {
      return permanentOnRefusal(async () => {
        const asOf = `${application.params.year}-01-01`;
        const [pool, [facts]] = await Promise.all([
          expertPool(registry, asOf),
          applicantFacts(registry, [...TRACK_KINDS[application.params.track]], asOf).then((all) => [
            all.find((o) => o.id === application.organizationId),
          ]),
        ]);
        if (!facts)
          throw ApplicationFailure.nonRetryable(
            `organization ${application.organizationId} is no longer in the registry`,
            REGISTRY_REFUSED,
          );
        return drawReviewers(pool, facts, {
          seed: application.applicationId,
          count,
          exclude,
          asOf,
          edgeTypes: application.params.recusalEdgeTypes,
        });
      });
    },

    async writeBack({ application, state }) {
      await permanentOnRefusal(() =>
        writeBackResult(registry, application, state, rewardFor(state.grade, application.params.rewardsFen)),
      );
    },
  } satisfies EvaluationActivities;
}
