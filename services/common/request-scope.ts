import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';

// What the hub knows about the HTTP request being served, wherever the code runs inside it
// (a resolver, formatError, the gateway's subgraph fetch, the log): AsyncLocalStorage, filled
// by services/common/http.ts for each request and read back by the log and the metrics.

export interface RequestScope {
  /** The service serving it: gateway, registry, processes, codec. */
  service: string;
  /** X-Request-Id as received when well formed (the gateway's, passed to the subgraphs), else a new UUID. */
  requestId: string;
  /** X-Workflow-Id as received (an activity calling the registry), or set by a resolver acting on one run. */
  workflowId?: string;
  /** The GraphQL operation once resolved (services/common/metrics.ts bounds the names it counts). */
  operation?: string;
  operationType?: string;
  /** `ok`, or the first error's extensions.code. */
  outcome?: string;
  /** References of the internal errors masked in this request (formatError). */
  references?: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

export const REQUEST_ID_HEADER = 'x-request-id';
export const WORKFLOW_ID_HEADER = 'x-workflow-id';

// Ids from outside are taken only when they look like ids: no spaces, no control characters,
// nothing a log reader could mistake for another field, and short.
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}$/;

/** A header's value when it is one well-formed id, else undefined. */
export function wellFormedId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && WELL_FORMED.test(value) ? value : undefined;
}

/** The scope of a request arriving with these headers. */
export function newRequestScope(service: string, headers: IncomingHttpHeaders): RequestScope {
  const workflowId = wellFormedId(headers[WORKFLOW_ID_HEADER]);
  return {
    service,
    requestId: wellFormedId(headers[REQUEST_ID_HEADER]) ?? randomUUID(),
    ...(workflowId ? { workflowId } : {}),
  };
}

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The request being served, or undefined outside one (start-up, the worker's activities). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * Headers that carry the current request id (and the run, when known) to another hub service,
 * so its log lines for this call share them: the gateway's subgraph fetches, the processes
 * side's calls to the registry. `workflowId` names the run outside a request (an activity).
 */
export function correlationHeaders(workflowId?: string): Record<string, string> {
  const scope = storage.getStore();
  const headers: Record<string, string> = {};
  if (scope) headers[REQUEST_ID_HEADER] = scope.requestId;
  const run = workflowId ?? scope?.workflowId;
  if (run && wellFormedId(run)) headers[WORKFLOW_ID_HEADER] = run;
  return headers;
}

/** The first root field of an anonymous operation (`anonymous:organizations`): schema names, so bounded. */
function anonymousName(operation: OperationDefinitionNode): string {
  const first = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return first && first.kind === Kind.FIELD ? `anonymous:${first.name.value}` : 'anonymous';
}

/** The code a refusal carries (HubError, GraphQLError), or INTERNAL_SERVER_ERROR. */
function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Fills the request's scope from Apollo Server's hooks: the operation once resolved, and the
 * outcome of the answer (`ok`, or the first formatted error's code, so a masked error counts as
 * INTERNAL_SERVER_ERROR), also for requests refused before any operation ran (a bad token in
 * the context, a malformed request). The HTTP front (http.ts) logs and counts it at the end.
 */
export function requestScopePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async contextCreationDidFail({ error }) {
      const scope = storage.getStore();
      if (scope) scope.outcome = codeOf(error);
    },
    async invalidRequestWasReceived() {
      const scope = storage.getStore();
      if (scope) scope.outcome = 'BAD_REQUEST';
    },
    async requestDidStart() {
      const scope = storage.getStore();
      if (!scope) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          scope.operation = operationName ?? anonymousName(operation);
          scope.operationType = operation.operation;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return void (scope.outcome = 'ok');
          const errors = response.body.singleResult.errors;
          scope.outcome = errors?.length ? codeOf(errors[0]) : 'ok';
        },
      };
    },
  };
}
