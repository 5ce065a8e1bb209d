import type { HubConfig } from '../../common/config.js';
import { signToken } from '../../common/identity.js';
import { subgraphSignatureHeaders } from '../../common/subgraph-signature.js';
import { HubError } from '../../common/errors.js';

// The integrator clients as the gateway knows them: asked of the registry, which keeps them
// (services/registry/resolvers/integrator-grant.ts), over GraphQL as the hub's SYSTEM identity,
// signed like any subgraph request. A client's state is read again at most every STATE_TTL_MS,
// so a disabled client or a rotated secret takes effect within that time on every replica,
// and a busy client costs the registry one small query every few seconds, not one a request.

/** What a client may do now (the registry's IntegratorGrant). */
export interface ClientGrant {
  clientId: string;
  enabled: boolean;
  operations: string[];
  requestsPerMinute: number | null;
  requestsPerDay: number | null;
  federationId: string | null;
  secretVersion: number;
  /** Requests recorded today by every replica, as of the read. */
  requestsToday: number;
}

/** One day's counts of one client and operation, as the registry adds them up. */
export interface UsageEntry {
  clientId: string;
  day: string;
  operation: string;
  requests: number;
  errors: number;
  rows: number;
}

export const STATE_TTL_MS = 5_000;
const GRANT_FIELDS =
  'clientId enabled operations requestsPerMinute requestsPerDay federationId secretVersion requestsToday';

export class IntegratorDirectory {
  private readonly states = new Map<string, { grant: ClientGrant | null; readAt: number; read: number }>();
  private systemToken?: { token: string; until: number };

  constructor(
    private readonly settings: Pick<HubConfig, 'registryUrl' | 'jwtSecret' | 'subgraphSecrets' | 'subgraphTimeoutMs'>,
  ) {}

  /** The client when `secret` is its current one; null for an unknown client or a wrong secret. */
  async grant(clientId: string, secret: string): Promise<ClientGrant | null> {
    const data = await this.ask<{ integratorGrant: ClientGrant | null }>(
      `query ($clientId: String!, $secret: String!) { integratorGrant(clientId: $clientId, secret: $secret) { ${GRANT_FIELDS} } }`,
      { clientId, secret },
    );
    return data.integratorGrant;
  }

  /**
   * What the client may do now, read at most every STATE_TTL_MS, and the requests this replica
   * counted since the read (`count`), which the daily quota adds to the registry's count.
   */
  async state(clientId: string, now = Date.now()): Promise<{ grant: ClientGrant | null; sinceRead: number }> {
    let known = this.states.get(clientId);
    if (!known || now - known.readAt > STATE_TTL_MS) {
      const data = await this.ask<{ integratorClientState: ClientGrant | null }>(
        `query ($clientId: String!) { integratorClientState(clientId: $clientId) { ${GRANT_FIELDS} } }`,
        { clientId },
      );
      known = { grant: data.integratorClientState, readAt: now, read: 0 };
      this.states.set(clientId, known);
    }
    return { grant: known.grant, sinceRead: known.read };
  }

  /** One more request of the client against its daily quota since its state was read. */
  count(clientId: string): void {
    const known = this.states.get(clientId);
    if (known) known.read += 1;
  }

  async recordUsage(entries: UsageEntry[]): Promise<void> {
    await this.ask('mutation ($entries: [IntegratorUsageInput!]!) { recordIntegratorUsage(entries: $entries) }', {
      entries,
    });
  }

  private async token(): Promise<string> {
    const now = Date.now();
    if (!this.systemToken || this.systemToken.until < now) {
      const token = await signToken(
        { subject: 'gateway:integrators', roles: ['SYSTEM'], organizationIds: [] },
        this.settings.jwtSecret,
        '10m',
      );
      this.systemToken = { token, until: now + 5 * 60_000 };
    }
    return this.systemToken.token;
  }

  private async ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const body = JSON.stringify({ query, variables });
    const authorization = `Bearer ${await this.token()}`;
    const url = new URL(this.settings.registryUrl);
    const signature = subgraphSignatureHeaders(this.settings.subgraphSecrets, {
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      authorization,
      body,
    });
    let answer: { data?: T; errors?: { message: string }[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...signature },
        body,
        signal: AbortSignal.timeout(this.settings.subgraphTimeoutMs),
      });
      answer = (await response.json()) as typeof answer;
    } catch {
      throw new HubError('SERVICE_UNAVAILABLE', 'The registry service is unavailable', { serviceName: 'registry' });
    }
    if (answer.errors?.length || !answer.data)
      throw new HubError('SERVICE_UNAVAILABLE', `The registry refused the gateway: ${answer.errors?.[0]?.message}`, {
        serviceName: 'registry',
      });
    return answer.data;
  }
}
