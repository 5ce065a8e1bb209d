import type { RegistryClient } from '../registry/client.js';

// The Federation's standing committees, read from the registry (their members' positions): the
// evaluation committee votes grades, the review committee decides objections, in the
// evaluation and in procurement alike.

/** The members (person ids) of the evaluation and review committees on `asOf`. */
export async function committeeMembers(
  registry: RegistryClient,
  asOf: string,
): Promise<{ evaluation: string[]; review: string[] }> {
  const data = await registry.asSystem<{
    organizations: { edges: { node: { kind: string; positions: { person: { id: string } }[] } }[] };
  }>(
    `query ($asOf: String!) { organizations(first: 10, filter: { kinds: [EVALUATION_COMMITTEE, REVIEW_COMMITTEE], asOf: $asOf }) {
      edges { node { kind positions(role: COMMITTEE_MEMBER, activeOn: $asOf) { person { id } } } } } }`,
    { asOf },
  );
  const members = (kind: string) =>
    data.organizations.edges
      .filter((e) => e.node.kind === kind)
      .flatMap((e) => e.node.positions.map((p) => p.person.id));
  return { evaluation: members('EVALUATION_COMMITTEE'), review: members('REVIEW_COMMITTEE') };
}
