import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { formatError } from './errors.js';

// One way to serve a subgraph: masked errors, no stack traces, a context per request.
export async function serveSubgraph<C extends BaseContext>(options: {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host: string;
  context: (req: IncomingMessage) => Promise<C>;
  plugins?: ApolloServerPlugin<C>[];
}) {
  const server = new ApolloServer<C>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: inline traces would only add bytes to every subgraph response.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host },
    context: async ({ req }) => options.context(req),
  });
  console.log(`[${options.name}] subgraph ready at ${url}`);
  return { server, url, stop: () => server.stop() };
}
