import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { STATUS_CODES } from 'node:http';
import type { InProcessSubgraph } from '../common/in-process.js';
import type { subgraphFetchHistogram } from '../common/metrics.js';
import { correlationHeaders } from '../common/request-scope.js';
import { clientRefusal, type GatewayContext } from './data-source.js';
import { forwardIdentity } from './forward.js';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph served in the gateway's own process (SUBGRAPHS_IN_PROCESS): the operation goes to
 * its Apollo Server with the headers a fetch would carry (the caller's token, the request id),
 * and its answer comes back as SubgraphSource would read it off the wire: a refusal of the
 * client's request keeps its code, any other 4xx/5xx becomes the same "status: text" error.
 */
export class InProcessSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    private readonly subgraph: InProcessSubgraph,
    private readonly histogram: ReturnType<typeof subgraphFetchHistogram>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers: Record<string, string> = { ...correlationHeaders() };
    forwardIdentity({ set: (key, value) => (headers[key.toLowerCase()] = value) }, context.token as string | undefined);
    const started = performance.now();
    let outcome = 'ok';
    try {
      const { status, body } = await this.subgraph.execute(
        { query: request.query!, variables: request.variables, operationName: request.operationName },
        headers,
      );
      if (status < 400) return body as GatewayGraphQLResponse;
      outcome = 'http_error';
      const refusal = clientRefusal(status, body as Parameters<typeof clientRefusal>[1]);
      if (refusal) throw refusal;
      const statusText = STATUS_CODES[status] ?? '';
      throw new GraphQLError(`${status}: ${statusText}`, {
        extensions: {
          response: { url: `in-process:${this.name}`, status, statusText, body },
          ...(status === 401 ? { code: 'UNAUTHENTICATED' } : status === 403 ? { code: 'FORBIDDEN' } : {}),
        },
      });
    } finally {
      this.histogram.observe({ subgraph: this.name, outcome }, (performance.now() - started) / 1000);
    }
  }
}
