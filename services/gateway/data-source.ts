import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { Identity } from '../common/identity.js';
import { forwardIdentity } from './forward.js';

export interface GatewayContext {
  identity: Identity;
  /** The verified token, forwarded unchanged so each subgraph checks it too. */
  token: string;
}

// Codes a subgraph gives to a refusal of the client's own request: they reach the client as
// they are. Apollo Gateway turned any non-2xx answer into "400: Bad Request" without a code,
// which formatError then masked as INTERNAL_SERVER_ERROR.
const CLIENT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

type ErrorBody = { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined;

/** A subgraph's 4xx refusal of the client's own request as the client's error, or undefined for any other answer. */
export function clientRefusal(status: number, body: ErrorBody): GraphQLError | undefined {
  if (status < 400 || status >= 500) return undefined;
  const first = body?.errors?.[0];
  const code = first?.extensions?.code;
  if (typeof code !== 'string' || !CLIENT_CODES.has(code) || typeof first!.message !== 'string') return undefined;
  // The message and the named field, not the subgraph's locations (they point into the
  // gateway's query to the subgraph, not the client's document).
  const field = first!.extensions!.field;
  return new GraphQLError(first!.message, {
    extensions: { code, ...(typeof field === 'string' ? { field } : {}) },
  });
}

/** One subgraph as the gateway reaches it: the caller's token forwarded, a refusal kept as such. */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, fetcher: Fetcher) {
    super({ url, fetcher });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    if (request.http) forwardIdentity(request.http.headers, context.token as string | undefined);
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    if (response.status >= 400 && response.status < 500) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as ErrorBody;
      const refusal = clientRefusal(response.status, body);
      if (refusal) return refusal;
    }
    return super.errorFromResponse(response);
  }
}
