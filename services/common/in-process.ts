import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage } from 'node:http';
import { newRequestScope, REQUEST_ID_HEADER, runInRequestScope, type RequestScope } from './request-scope.js';

// A subgraph the gateway calls in its own process (SUBGRAPHS_IN_PROCESS, infra/dev/hub.ts):
// the same Apollo Server, plugins, limits, context and error formatting as over HTTP, entered
// through its HTTP entry point (executeHTTPGraphQLRequest) with the headers a fetch would carry,
// so a refusal keeps its status and code; only the socket, the body's bytes on the wire and the
// request signature (which proves a request crossed the network from a part of the hub) are gone.

/** One operation as the gateway's query plan sends it. */
export interface SubgraphOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** The subgraph's answer: the HTTP status it would have sent and the parsed body. */
export interface SubgraphAnswer {
  status: number;
  body: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> };
}

export interface InProcessSubgraph {
  /** `headers` are the ones a fetch would carry (authorization, x-request-id), lower-case. */
  execute(operation: SubgraphOperation, headers: Record<string, string>): Promise<SubgraphAnswer>;
}

/** The body as JSON would carry it: a field left undefined is absent (Apollo refuses `operationName: undefined`). */
const asSent = ({ query, variables, operationName }: SubgraphOperation): SubgraphOperation => ({
  query,
  ...(variables !== undefined ? { variables } : {}),
  ...(operationName !== undefined ? { operationName } : {}),
});

/**
 * `server` started, `context` the one its HTTP front builds each request's context with,
 * `finished` its HTTP front's request line and metrics (http.ts), called with each answer.
 */
export function inProcessSubgraph<C extends BaseContext>(
  name: string,
  server: ApolloServer<C>,
  context: (req: IncomingMessage) => Promise<C>,
  finished: (status: number, scope: RequestScope, seconds: number) => void,
): InProcessSubgraph {
  return {
    execute(operation, headers) {
      // Its own scope, as a request arriving over HTTP has: the subgraph's hooks fill it, not the gateway's.
      const scope = newRequestScope(name, { [REQUEST_ID_HEADER]: headers[REQUEST_ID_HEADER] });
      const started = performance.now();
      return runInRequestScope(scope, async () => {
        const map = new HeaderMap([['content-type', 'application/json'], ...Object.entries(headers)]);
        // The context reads only the request's headers (its token), as from a real request.
        const req = { headers: { ...headers }, method: 'POST', url: '/graphql' } as unknown as IncomingMessage;
        const response = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers: map, search: '', body: asSent(operation) },
          context: () => context(req),
        });
        let text = '';
        if (response.body.kind === 'complete') text = response.body.string;
        else for await (const chunk of response.body.asyncIterator) text += chunk;
        const status = response.status ?? 200;
        finished(status, scope, (performance.now() - started) / 1000);
        return { status, body: JSON.parse(text) as SubgraphAnswer['body'] };
      });
    },
  };
}
