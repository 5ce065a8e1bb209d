import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EvaluationActivities } from '../../../workflows/evaluation/activities.js';
import type { RegistryClient } from '../registry/client.js';
import { permanentOnRefusal } from '../registry/refusals.js';
import { todayInChina } from '../../common/dates.js';
import { EvaluationCandidacy } from './candidacy.js';
import { candidacyRow } from './candidacy-row.js';

type CandidacyActivities = Pick<EvaluationActivities, 'proposeCandidacy' | 'recordCandidacy' | 'writeBackCandidacy'>;

// The upward candidacy's side effects: which Federation is above the city, the projection row,
// and the decision in the chamber's credit record. Idempotent: the row is upserted, the write keyed.

export function createCandidacyActivities({
  orm,
  registry,
}: {
  orm: MikroORM;
  registry: RegistryClient;
}): CandidacyActivities {
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);

  /**
   * The Federations above the campaign's own. A campaign that names no Federation (the yearly
   * schedule's) is the city's that supervises the chamber nearest under the top: the top of the
   * chamber's chain is then the one above it.
   */
  async function upperFederation(federationId: string | null, organizationId: string, day: string) {
    if (federationId) {
      const above = (await registry.supervisingFederations(federationId, day)).filter((f) => f !== federationId);
      return above.length ? nearest(above, day) : null;
    }
    const chain = await registry.supervisingFederations(organizationId, day);
    if (chain.length < 2) return null;
    const tops = [];
    for (const f of chain) if ((await registry.supervisingFederations(f, day)).length === 1) tops.push(f);
    return tops.length === 1 ? tops[0] : null;
  }

  /** Of several Federations above, the nearest: the one with the most Federations above it. */
  async function nearest(federations: string[], day: string) {
    let best = federations[0];
    let most = -1;
    for (const f of federations) {
      const above = (await registry.supervisingFederations(f, day)).length;
      if (above > most) [best, most] = [f, above];
    }
    return best;
  }

  return {
    async proposeCandidacy(candidacy) {
      return permanentOnRefusal(async () => {
        const upper = await upperFederation(candidacy.federationId, candidacy.organizationId, todayInChina());
        if (!upper) return null;
        const { organization } = await registry.asSystem<{ organization: { name: string } }>(
          'query ($id: ID!) { organization(id: $id) { name } }',
          { id: upper },
        );
        return { id: upper, name: organization.name };
      });
    },

    async recordCandidacy({ candidacy, state }) {
      await inTransaction(async (em) => {
        const row = candidacyRow(candidacy, state);
        const known = await em.findOne(EvaluationCandidacy, row.id);
        if (known) Object.assign(known, { ...row, decidedAt: known.decidedAt ?? row.decidedAt });
        else em.create(EvaluationCandidacy, row);
      });
    },

    async writeBackCandidacy({ candidacy, state }) {
      const accepted = state.status === 'ACCEPTED';
      const summary =
        `${candidacy.year} 年度推荐参评省级“四好”商会：${state.upperFederationName ?? '上级工商联'}` +
        (accepted ? '接受推荐' : '不予接受') +
        (state.reason ? `（${state.reason}）` : '');
      await permanentOnRefusal(() =>
        registry.asSystem(
          'mutation ($input: CreditEntryWrite!, $key: String!) { recordCreditEntry(input: $input, idempotencyKey: $key) { id } }',
          {
            input: {
              organizationId: candidacy.organizationId,
              kind: 'HONOUR',
              summary,
              recordedOn: todayInChina(),
              source: candidacy.campaignId,
            },
            key: `evaluation:${candidacy.candidacyId}:candidacy`,
          },
        ),
      );
    },
  };
}
