import { inject } from 'vitest';
import pg from 'pg';
import type { Client } from '@temporalio/client';
import { signToken, type Role } from '../../services/common/identity.js';
import { seedOrganizationId } from '../../infra/seed/run.js';
import { readConfig } from '../../services/common/config.js';
import { connectClient, hubClient } from '../../services/common/temporal.js';
import { subgraphSignatureHeaders } from '../../services/common/subgraph-signature.js';

// What tests use to talk to the hub the global setup started: GraphQL over HTTP through the
// gateway, SQL to check what was (not) written, and a Temporal client to read workflow state.

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  url = inject('gatewayUrl'),
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const authorization = token ? `Bearer ${token}` : undefined;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...signedAsTheHub(url, { method: 'POST', authorization, body }),
    },
    body,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/**
 * The subgraph signature of the test hub (SUBGRAPH_SECRET), so tests may ask a subgraph
 * directly as the gateway does; the gateway ignores it. `secret` overrides the run's (a test's
 * own hub). The one helper every direct subgraph request of the tests goes through.
 */
export function signedAsTheHub(
  url: string,
  request: { method: string; authorization?: string; body: string },
  secret = inject('subgraphSecret'),
): Record<string, string> {
  const { pathname, search } = new URL(url);
  return subgraphSignatureHeaders([secret], { ...request, path: `${pathname}${search}` });
}

export function token(
  roles: Role[],
  organizationIds: string[] = [],
  subject = `test-${roles.join('-').toLowerCase()}`,
) {
  return signToken({ subject, roles, organizationIds }, inject('jwtSecret'));
}

export const orgId = seedOrganizationId;

/** A token of an officer or admin of the seed's Federation `federationKey` (docs/jurisdiction.md). */
export function federationToken(roles: Role[], federationKey: string, subject = `test-${federationKey}`) {
  return signToken(
    { subject, roles, organizationIds: [], federationId: seedOrganizationId(federationKey) },
    inject('jwtSecret'),
  );
}

let pool: pg.Pool | undefined;
export async function sql<R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []): Promise<R[]> {
  pool ??= new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
  return (await pool.query<R>(text, values)).rows;
}

/** The Temporal settings of the test hub: its server and its payload keys. */
export const temporalSettings = () =>
  readConfig({ TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_PAYLOAD_KEYS: inject('temporalPayloadKeys') });

let temporal: Client | undefined;
/** A client as the hub makes them: it decrypts the runs' payloads (test/private-payloads reads them raw). */
export async function temporalClient(): Promise<Client> {
  const settings = temporalSettings();
  temporal ??= hubClient(await connectClient(settings), settings);
  return temporal;
}

/** The first error's code, for assertions like expect(codeOf(r)).toBe('NOT_FOUND'). */
export function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
