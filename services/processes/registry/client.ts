import { asyncLocalStorage as activityContext } from '@temporalio/activity';
import { signToken } from '../../common/identity.js';
import { correlationHeaders } from '../../common/request-scope.js';
import { inClientSpan } from '../../common/tracing.js';
import { REGISTRY_REFUSED } from '../../../workflows/common/failures.js';
import { subgraphSignatureHeaders } from '../../common/subgraph-signature.js';

// How the processes side reads and writes the registry: through its GraphQL API, never its
// tables. Reads on behalf of a caller pass on the caller's token, so the registry applies the
// caller's rights; writes from activities carry the worker's own SYSTEM identity. Every call
// has a timeout, and failures come back typed: a refusal (the registry said no: permanent) or
// unavailability (worth retrying). When the process traces, each call is a CLIENT span whose
// context the registry continues (a resolver's request, or the activity's RunActivity span).

/** The registry refused the request (bad input, not found, forbidden, conflict): retrying cannot help. */
export class RegistryRefused extends Error {
  override name = REGISTRY_REFUSED;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The registry could not be reached or failed inside: a later attempt may succeed. */
export class RegistryUnavailable extends Error {
  override name = 'RegistryUnavailable';
}

const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
]);

export interface OrganizationFacts {
  id: string;
  name: string;
  kind: string;
  /** Its unified social credit code (统一社会信用代码), when the registry has it. */
  creditCode: string | null;
}

export interface PersonFacts {
  id: string;
  name: string;
  positions: { role: string; validFrom: string; validTo: string | null; organization: { id: string } }[];
}

export interface CertificationInput {
  personId: string;
  kind: string;
  name: string;
  issuer: string;
  issuedOn: string;
}

export function createRegistryClient(
  registryUrl: string,
  options: { jwtSecret: string; subgraphSecrets: readonly string[]; timeoutMs?: number },
) {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const path = `${new URL(registryUrl).pathname}${new URL(registryUrl).search}`;
  // The worker's service identity: short-lived tokens, minted here and renewed before expiry.
  let system: { token: string; renewAt: number } | undefined;
  async function systemAuthorization(): Promise<string> {
    if (!system || Date.now() >= system.renewAt) {
      const token = await signToken(
        { subject: 'system:processes-worker', roles: ['SYSTEM'], organizationIds: [] },
        options.jwtSecret,
        '5m',
      );
      system = { token, renewAt: Date.now() + 4 * 60_000 };
    }
    return `Bearer ${system.token}`;
  }

  async function request<T>(query: string, variables: Record<string, unknown>, authorization: string): Promise<T> {
    let response: Response;
    const body = JSON.stringify({ query, variables });
    try {
      response = await inClientSpan('registry POST', registryUrl, (traceHeaders) =>
        fetch(registryUrl, {
          method: 'POST',
          // The caller's request id, or in an activity its workflow id, for the registry's log line;
          // the signature that lets the registry accept a request of the hub's own.
          headers: {
            'content-type': 'application/json',
            authorization,
            ...correlationHeaders(activityContext.getStore()?.info.workflowExecution?.workflowId),
            ...traceHeaders,
            ...subgraphSignatureHeaders(options.subgraphSecrets, { method: 'POST', path, authorization, body }),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
    } catch (error) {
      throw new RegistryUnavailable(
        `registry at ${registryUrl} did not answer within ${timeoutMs} ms: ${(error as Error).message}`,
      );
    }
    let answer: { data?: T; errors?: { message: string; extensions?: { code?: string; signature?: string } }[] };
    try {
      answer = (await response.json()) as typeof answer;
    } catch {
      throw new RegistryUnavailable(`registry answered HTTP ${response.status} without JSON`);
    }
    const error = answer.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      // A refused signature is the hub's own misconfiguration (secrets being rotated, clocks
      // apart), not the request's: worth retrying once it is fixed, so not a refusal.
      if (REFUSALS.has(code) && !error.extensions?.signature) throw new RegistryRefused(code, error.message);
      throw new RegistryUnavailable(`registry failed: ${error.message}`);
    }
    if (!answer.data) throw new RegistryUnavailable(`registry answered HTTP ${response.status} with no data`);
    return answer.data;
  }

  return {
    /** Any query or mutation with the worker's SYSTEM identity (activities: facts, write-backs). */
    async asSystem<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      return request<T>(query, variables, await systemAuthorization());
    },

    async organization(id: string, authorization: string): Promise<OrganizationFacts> {
      const data = await request<{ organization: OrganizationFacts }>(
        'query ($id: ID!) { organization(id: $id) { id name kind creditCode } }',
        { id },
        authorization,
      );
      return data.organization;
    },

    async person(id: string, authorization: string): Promise<PersonFacts> {
      const data = await request<{ person: PersonFacts }>(
        'query ($id: ID!) { person(id: $id) { id name positions { role validFrom validTo organization { id } } } }',
        { id },
        authorization,
      );
      return data.person;
    },

    /** The Federations whose jurisdiction holds the organization on `day` (none: common ground). */
    async supervisingFederations(organizationId: string, day: string): Promise<string[]> {
      const data = await request<{ supervisingFederations: string[] }>(
        'query ($id: ID!, $day: String) { supervisingFederations(organizationId: $id, asOf: $day) }',
        { id: organizationId, day },
        await systemAuthorization(),
      );
      return data.supervisingFederations;
    },

    /** The organizations another Federation supervises on `day` and this one does not. */
    async organizationsOutsideJurisdiction(federationId: string, day: string): Promise<string[]> {
      const data = await request<{ organizationsOutsideJurisdiction: string[] }>(
        'query ($id: ID!, $day: String) { organizationsOutsideJurisdiction(federationId: $id, asOf: $day) }',
        { id: federationId, day },
        await systemAuthorization(),
      );
      return data.organizationsOutsideJurisdiction;
    },

    /** Writes a certificate once per key, however often an activity retries. Returns its id. */
    async recordCertification(input: CertificationInput, idempotencyKey: string): Promise<string> {
      const data = await request<{ recordCertification: { id: string } }>(
        'mutation ($input: CertificationWrite!, $key: String!) { recordCertification(input: $input, idempotencyKey: $key) { id } }',
        { input, key: idempotencyKey },
        await systemAuthorization(),
      );
      return data.recordCertification.id;
    },
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
