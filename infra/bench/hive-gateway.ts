import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubConfig } from '../../services/common/config.js';
import { bearerToken, tokenVerifier } from '../../services/common/identity.js';
import { limitRules } from '../../services/common/limits/index.js';
import { isEntryPoint } from '../../services/common/entry.js';
import { subgraphSignatureHeaders } from '../../services/common/subgraph-signature.js';

// The Guild's Hive Gateway on the same committed supergraph and the same subgraphs, measured
// beside Apollo Gateway by `npm run bench:registry -- --ways gateway,hive,...` (issue 12).
// It checks the bearer token as the hub's gateway does and forwards it, runs the same depth /
// aliases / directives rules and masks unexpected errors; it does not serve the console, the
// cost limit, the rate limit or the hub's metrics and logs (see the README's benchmark section
// for why it is measured, not offered).

const SUPERGRAPH = new URL('../../schema/supergraph.graphql', import.meta.url);

/** The supergraph with each subgraph's placeholder URL (infra/schema/compose.ts) replaced by its configured one. */
async function routedSupergraph(urls: Record<string, string>): Promise<string> {
  let sdl = await readFile(SUPERGRAPH, 'utf8');
  for (const [name, url] of Object.entries(urls)) sdl = sdl.replaceAll(`http://${name}.invalid/graphql`, url);
  return sdl;
}

function unauthenticated(message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
    status: 401,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

export async function startHiveGateway(settings: HubConfig) {
  const verify = tokenVerifier(settings);
  const rules = limitRules(settings.limits);
  const hubChecks: GatewayPlugin = {
    // The token is verified before anything is parsed, as at the hub's gateway.
    async onRequest(payload) {
      const token = bearerToken(payload.request.headers.get('authorization') ?? undefined);
      if (!token) return payload.endResponse(unauthenticated('A bearer token is required'));
      try {
        await verify(token);
      } catch (error) {
        payload.endResponse(
          unauthenticated(error instanceof GraphQLError ? error.message : 'The bearer token is not valid'),
        );
      }
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
    // Subgraphs answer only signed requests: signed as the fetch leaves, with its final headers and body.
    onFetch({ fetchFn, setFetchFn }) {
      setFetchFn((url, options = {}, ...rest) => {
        const target = new URL(url);
        const headers = { ...(options.headers ?? {}) };
        const signature = subgraphSignatureHeaders(settings.subgraphSecrets, {
          method: options.method ?? 'GET',
          path: `${target.pathname}${target.search}`,
          authorization: headers.authorization,
          body: typeof options.body === 'string' ? options.body : '',
        });
        return fetchFn(url, { ...options, headers: { ...headers, ...signature } }, ...rest);
      });
    },
  };
  const runtime = createGatewayRuntime({
    supergraph: await routedSupergraph({ registry: settings.registryUrl, processes: settings.processesUrl }),
    logging: 'error',
    landingPage: false,
    graphiql: false,
    maskedErrors: true,
    // Hive merges identical subgraph requests in flight: the benchmark's clients all send one
    // query, so Hive answered most of them from another client's fetch (list page ceiling 1,141
    // req/s against the subgraph's own 484). Off, so both gateways do the same work.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
    plugins: () => [hubChecks],
  });
  const server = createServer((request, response) => void runtime(request, response));
  await new Promise<void>((resolve) => server.listen(settings.gatewayPort, settings.listenHost, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

if (isEntryPoint(import.meta.url)) {
  const { config } = await import('../../services/common/config.js');
  const gateway = await startHiveGateway(config());
  console.log(`hive gateway ready at ${gateway.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void gateway.stop().finally(() => process.exit(0)));
}
