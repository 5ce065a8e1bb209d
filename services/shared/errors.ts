import { GraphQLError, type GraphQLFormattedError } from 'graphql';

// Typed errors: each carries a literal extensions.code that clients can branch on.
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}
export const badInput = (message: string, field?: string) =>
  new HubError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => new HubError('NOT_FOUND', message);
export const forbidden = (message: string) => new HubError('FORBIDDEN', message);
export const unauthenticated = (message = 'A valid bearer token is required (Authorization: Bearer <jwt>)') =>
  new HubError('UNAUTHENTICATED', message);
export const conflict = (message: string) => new HubError('CONFLICT', message);

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT',
  // Apollo's own codes for malformed requests: the client's fault, safe to show.
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place errors are shaped for clients: known codes pass through, everything else is
 * masked as INTERNAL_SERVER_ERROR with a reference that matches the server log line.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // type-graphql's argument validation reports as ArgumentValidationError without a code.
  const original = (error as { originalError?: { name?: string } })?.originalError;
  if (original?.name === 'ArgumentValidationError') {
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const reference = Math.random().toString(36).slice(2, 10);
  console.error(`[error ${reference}]`, error);
  return {
    message: `Internal error (reference ${reference}); the server log has the details`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
  };
}
