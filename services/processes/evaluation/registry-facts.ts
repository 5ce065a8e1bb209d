import type { RegistryClient } from '../registry/client.js';
import type { OrganizationFacts } from './eligibility.js';
import type { AssessedFacts, ExpertFacts } from '../committees/recusal.js';

// What the evaluation reads from the registry, through its GraphQL API with the worker's SYSTEM
// identity: the social organisations' facts (paged), the expert pool and the committees.

/** An applicant with the facts eligibility reads and recusal's live edges. */
export interface ApplicantFacts extends OrganizationFacts, AssessedFacts {}

const FACTS = `query ($after: String, $kinds: [OrganizationKind!]!, $asOf: String!) {
  organizations(first: 100, after: $after, filter: { kinds: $kinds, active: true, asOf: $asOf }) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name kind registeredOn
      ratings { grade awardedOn revokedOn }
      annualInspections { year result }
      penalties { decidedOn servedUntil }
      listEntries { list listedOn removedOn }
      relationships { type validFrom validTo attributes from { id } to { id } }
    } }
  } }`;

type FactsNode = OrganizationFacts & {
  relationships: {
    type: string;
    validFrom: string;
    validTo: string | null;
    attributes: Record<string, unknown>;
    from: { id: string };
    to: { id: string };
  }[];
};

/** Every active organisation of `kinds` with the facts eligibility and recusal need. */
export async function applicantFacts(
  registry: RegistryClient,
  kinds: string[],
  asOf: string,
): Promise<ApplicantFacts[]> {
  const all: ApplicantFacts[] = [];
  let after: string | null = null;
  do {
    const data: {
      organizations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: FactsNode }[] };
    } = await registry.asSystem(FACTS, { after, kinds, asOf });
    for (const { node } of data.organizations.edges) {
      const { relationships, ...facts } = node;
      const live = relationships.filter((r) => r.validFrom <= asOf && (r.validTo === null || asOf <= r.validTo));
      all.push({
        ...facts,
        edges: live.map((r) => ({
          type: r.type,
          otherId: r.from.id === node.id ? r.to.id : r.from.id,
          attributes: r.attributes,
          validTo: r.validTo,
        })),
      });
    }
    after = data.organizations.pageInfo.hasNextPage ? data.organizations.pageInfo.endCursor : null;
  } while (after);
  return all;
}

export async function expertPool(registry: RegistryClient, asOf: string): Promise<ExpertFacts[]> {
  const data = await registry.asSystem<{ evaluationExperts: ExpertFacts[] }>(
    'query ($asOf: String!) { evaluationExperts(asOf: $asOf) { id name positions { role validFrom validTo organization { id } } } }',
    { asOf },
  );
  return data.evaluationExperts;
}
