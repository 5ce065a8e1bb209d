import type { Candidate } from '../../../workflows/human-task/contracts.js';
import type { RegistryClient } from '../registry/client.js';
import { candidateKeys, followsJurisdiction } from '../kit/access.js';

// A task's candidate keys as it opens, is escalated or reassigned: a Federation's officers are
// those of the Federations that supervise the task's organisation on that day (the registry
// knows which). The registry is asked only when a candidate depends on it.

export async function candidateKeysOn(
  registry: Pick<RegistryClient, 'supervisingFederations'>,
  candidates: Candidate[],
  organizationId: string,
  day: string,
): Promise<string[]> {
  const supervising = candidates.some(followsJurisdiction)
    ? await registry.supervisingFederations(organizationId, day)
    : [];
  return candidateKeys(candidates, supervising);
}
