import type { PersonFacts, RegistryClient } from '../registry/client.js';
import type { AssessedFacts } from '../committees/recusal.js';
import type { BidderFacts } from './screening.js';

// What procurement reads from the registry through its GraphQL API: bidders' facts on the
// closing day (one request per twenty bidders, by alias) and the committee's positions.

const BIDDER = `id name kind registeredOn endedOn
  ratings { grade awardedOn revokedOn }
  penalties { decidedOn authority servedUntil }
  listEntries { list listedOn removedOn }
  creditRecord { kind outcome recordedOn }
  positions { role validFrom validTo person { id } }
  relationships { type validFrom validTo attributes from { id } to { id } }`;

type BidderNode = Omit<BidderFacts, 'heads' | 'edges'> & {
  positions: { role: string; validFrom: string; validTo: string | null; person: { id: string } }[];
  relationships: {
    type: string;
    validFrom: string;
    validTo: string | null;
    attributes: Record<string, unknown>;
    from: { id: string };
    to: { id: string };
  }[];
};

const liveOn = (day: string) => (r: { validFrom: string; validTo: string | null }) =>
  r.validFrom <= day && (r.validTo === null || day <= r.validTo);

/** Each bidder's facts on `day`, also in the shape recusal (shared with the evaluation) reads. */
export async function bidderFacts(
  registry: RegistryClient,
  ids: string[],
  day: string,
): Promise<{ bidder: BidderFacts; applicant: AssessedFacts }[]> {
  const all: { bidder: BidderFacts; applicant: AssessedFacts }[] = [];
  for (let start = 0; start < ids.length; start += 20) {
    const chunk = ids.slice(start, start + 20);
    const query = `query (${chunk.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${chunk.map((_, i) => `b${i}: organization(id: $i${i}) { ...Bidder }`).join(' ')} }
      fragment Bidder on Organization { ${BIDDER} }`;
    const data = await registry.asSystem<Record<string, BidderNode>>(
      query,
      Object.fromEntries(chunk.map((id, i) => [`i${i}`, id])),
    );
    for (const i of chunk.keys()) {
      const { positions, relationships, ...node } = data[`b${i}`];
      const edges = relationships.filter(liveOn(day)).map((r) => ({
        type: r.type,
        attributes: r.attributes,
        validTo: r.validTo,
        otherId: r.from.id === node.id ? r.to.id : r.from.id,
      }));
      const heads = positions
        .filter((p) => ['PRESIDENT', 'SECRETARY_GENERAL'].includes(p.role) && liveOn(day)(p))
        .map((p) => p.person.id);
      all.push({
        bidder: { ...node, heads, edges: edges.map(({ type, otherId }) => ({ type, otherId })) },
        applicant: { id: node.id, name: node.name, edges },
      });
    }
  }
  return all;
}

/** The committee members' positions (recusal reads where they work and worked). */
export async function memberFacts(registry: RegistryClient, ids: string[]): Promise<PersonFacts[]> {
  if (!ids.length) return [];
  const query = `query (${ids.map((_, i) => `$p${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `m${i}: person(id: $p${i}) { id name positions { role validFrom validTo organization { id } } }`).join(' ')} }`;
  const data = await registry.asSystem<Record<string, PersonFacts>>(
    query,
    Object.fromEntries(ids.map((id, i) => [`p${i}`, id])),
  );
  return ids.map((_, i) => data[`m${i}`]);
}
