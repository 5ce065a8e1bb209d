import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { log } from './log.js';
import { currentRequest } from './request-scope.js';

// Typed errors: each carries a literal extensions.code that clients can branch on.
// QUERY_TOO_COMPLEX: a gateway limit (depth, aliases, tokens, directives, cost), named in
// extensions.limit with its maximum; RATE_LIMITED: too many requests, retry after extensions.retryAfter s;
// BAD_REQUEST: an HTTP body the servers do not read (not JSON, too large, wrong content type).
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  // The gateway could not reach a subgraph in time; extensions.serviceName names it.
  | 'SERVICE_UNAVAILABLE'
  // The gateway runs registered operations only (TRUSTED_DOCUMENTS=enforce) and this is not one.
  | 'OPERATION_NOT_TRUSTED'
  // An integrator client ran an operation its registration does not allow (HTTP 403).
  | 'OPERATION_NOT_ALLOWED'
  // An integrator client used up its quota (HTTP 429, extensions.retryAfter s).
  | 'QUOTA_EXCEEDED';

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}
export const badInput = (message: string, field?: string) =>
  new HubError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => new HubError('NOT_FOUND', message);
export const forbidden = (message: string) => new HubError('FORBIDDEN', message);
// A missing or bad token is HTTP 401 wherever it is found (gateway or subgraph context).
export const unauthenticated = (message = 'A valid bearer token is required (Authorization: Bearer <jwt>)') =>
  new HubError('UNAUTHENTICATED', message, { http: { status: 401 } });
export const conflict = (message: string) => new HubError('CONFLICT', message);

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'OPERATION_NOT_TRUSTED',
  'OPERATION_NOT_ALLOWED',
  'QUOTA_EXCEEDED',
  // Apollo's own codes for malformed requests: the client's fault, safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place errors are shaped for clients: known codes pass through, everything else is
 * masked as INTERNAL_SERVER_ERROR with a reference that matches the server log line (which also
 * carries the request id, the service and the path).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  formatted = limitRefusal(formatted);
  // type-graphql's argument validation (ArgumentValidationError, a GraphQLError with or without
  // a code) says only "Argument Validation Error"; class-validator's report in its extensions says
  // which argument broke which rule, and that becomes the message.
  const original = (error as { originalError?: { name?: string; extensions?: Record<string, unknown> } })
    ?.originalError;
  const report = formatted.extensions?.validationErrors ?? original?.extensions?.validationErrors;
  if (original?.name === 'ArgumentValidationError' || Array.isArray(report)) {
    const broken = validationFailures(report);
    return {
      message: broken.length ? broken.map((b) => b.message).join('; ') : formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', ...(broken.length ? { field: broken[0].field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // graphql's variable coercion stops after 50 errors with one of its own, without a code or a
  // variable node (so Apollo Server does not mark it as it marks the 50 before it).
  if (formatted.message.startsWith('Too many errors processing variables')) {
    return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const reference = Math.random().toString(36).slice(2, 10);
  const scope = currentRequest();
  if (scope) (scope.references ??= []).push(reference);
  log.error(`internal error (reference ${reference})`, { reference, path: formatted.path?.join('.'), error });
  return {
    message: `Internal error (reference ${reference}); the server log has the details`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
  };
}

interface ValidationFailure {
  property?: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator's failures, flattened: each rule's message with the argument's path. */
function validationFailures(errors: unknown, parent = ''): { field: string; message: string }[] {
  if (!Array.isArray(errors)) return [];
  return (errors as ValidationFailure[]).flatMap((error) => {
    const field = parent ? `${parent}.${error.property ?? ''}` : (error.property ?? '');
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationFailures(error.children, field)];
  });
}

/**
 * Apollo Server stamps its own code on validation and parse errors; a limit's refusal (marked
 * with extensions.limit by services/gateway/limits/, or graphql's own token limit in the
 * parser) gets QUERY_TOO_COMPLEX back, so clients can tell "too big" from "wrong".
 */
function limitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError {
  // graphql 16's own wording is "more that N tokens".
  const tokens = /more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    return {
      message: `The document has more than ${tokens[1]} tokens, the limit (MAX_QUERY_TOKENS); parsing stopped there`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: Number(tokens[1]) },
    };
  }
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof formatted.extensions.limit === 'string') {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX' } };
  }
  return formatted;
}
