import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { readFile } from 'node:fs/promises';
import type { HubConfig } from '../common/config.js';
import { HubError } from '../common/errors.js';
import { edgeGuard } from '../common/edge-guard.js';
import { commonServerOptions, serveGraphQL } from '../common/http.js';
import { bearerToken, tokenVerifier } from '../common/identity.js';
import { OidcIssuer } from '../common/oidc.js';
import { configureLogs, log } from '../common/log.js';
import { dependencyGauge, ServiceMetrics, subgraphFetchHistogram } from '../common/metrics.js';
import { correlationHeaders } from '../common/request-scope.js';
import { injectTraceContext, startTracing } from '../common/tracing.js';
import { costLimit, limitRules, parseOptions } from '../common/limits/index.js';
import { subgraphSignatureHeaders } from '../common/subgraph-signature.js';
import { Health, stopOnSignals } from '../common/health.js';
import { rateLimiterFor } from './limits/shared-rate.js';
import type { DevIdentity } from './session.js';
import { SubgraphSource, type GatewayContext } from './data-source.js';
import { InProcessSource } from './in-process-source.js';
import type { InProcessSubgraph } from '../common/in-process.js';
import { checkScalarVariables, scalarLiteralRule } from './scalars.js';
import { gatewayRoutes } from './web.js';
import { isEntryPoint } from '../common/entry.js';
import { exportProxy } from './export.js';
import { publishedDocuments, trustedDocumentsOnly, trustedHashes } from './trusted-documents.js';
import { publishable, restRoutes } from './rest.js';
import { IntegratorDirectory } from './integrators/directory.js';
import { integratorPolicy } from './integrators/policy.js';
import { tokenEndpoint } from './integrators/token-endpoint.js';
import { UsageCounter } from './integrators/usage.js';
import type { GraphQLSchema } from 'graphql';
import type { HttpHandler } from '../common/http.js';
import { importUploadProxy } from './import-upload.js';
import type { IncomingMessage } from 'node:http';

const SUPERGRAPH = new URL('../../schema/supergraph.graphql', import.meta.url);

type FetchHistogram = ReturnType<typeof subgraphFetchHistogram>;

/**
 * Subgraph requests go through Node's own fetch (undici): its keep-alive pool honours the
 * subgraphs' `Keep-Alive: timeout` and closes idle sockets before the server does, where the
 * gateway's default agent reused sockets the server had just closed (ECONNRESET under load).
 * Every request has a deadline, so a stuck subgraph fails the query instead of holding it.
 * The answer is read here, under the same deadline, so the histogram times the whole fetch
 * (to the last byte), and the request id goes along so the subgraph's log line carries it, as
 * does the trace context (of Apollo Gateway's gateway.fetch span) when the gateway traces.
 */
function subgraphFetcher(
  name: string,
  timeoutMs: number,
  histogram: FetchHistogram,
  secrets: readonly string[],
): Fetcher {
  return (async (url: string, init?: RequestInit) => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      const headers = new Headers(init?.headers);
      for (const [key, value] of Object.entries(correlationHeaders())) headers.set(key, value);
      injectTraceContext(headers);
      // The subgraph answers only what a part of the hub signed (services/common/subgraph-signature.ts).
      const target = new URL(url);
      const signature = subgraphSignatureHeaders(secrets, {
        method: init?.method ?? 'GET',
        path: `${target.pathname}${target.search}`,
        authorization: headers.get('authorization') ?? undefined,
        body: typeof init?.body === 'string' ? init.body : '',
      });
      for (const [key, value] of Object.entries(signature)) headers.set(key, value);
      const response = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
      const body = await response.text();
      if (!response.ok) outcome = 'http_error';
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      // Down or too slow: the client learns which service (the rest of the answer still comes),
      // the log gets the cause; otherwise formatError masked it as an anonymous internal error.
      const timedOut = (error as Error).name === 'TimeoutError';
      outcome = timedOut ? 'timeout' : 'unreachable';
      log.error(`subgraph ${name} ${timedOut ? `timed out after ${timeoutMs} ms` : 'unreachable'}`, {
        subgraph: name,
        error: (error as Error).cause ?? error,
      });
      const message = timedOut
        ? `The ${name} service did not answer within ${timeoutMs} ms`
        : `The ${name} service is unavailable`;
      throw new HubError('SERVICE_UNAVAILABLE', message, { serviceName: name });
    } finally {
      histogram.observe({ subgraph: name, outcome }, (performance.now() - started) / 1000);
    }
  }) as unknown as Fetcher;
}

export interface GatewayOptions {
  /** The seeded identities the console offers for dev sign-in (only with the dev secret; infra/dev/identities.ts). */
  devIdentities?: DevIdentity[];
  /** The composed supergraph to serve instead of the committed schema/supergraph.graphql (a test's own catalog). */
  supergraphSdl?: string;
  /**
   * Subgraphs started in this process, called without HTTP (SUBGRAPHS_IN_PROCESS, infra/dev/hub.ts);
   * the others are fetched from their URLs.
   */
  inProcess?: Partial<Record<string, InProcessSubgraph>>;
}

/**
 * Serves the committed supergraph, routing each subgraph by name to its configured URL, and
 * the web console with its session endpoints (web.ts) on the same server.
 */
export async function startGateway(settings: HubConfig, options: GatewayOptions = {}) {
  const urls: Record<string, string> = { registry: settings.registryUrl, processes: settings.processesUrl };
  const metrics = new ServiceMetrics('gateway');
  const fetches = subgraphFetchHistogram(metrics);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? (await readFile(SUPERGRAPH, 'utf8')),
    buildService: ({ name }) => {
      const local = options.inProcess?.[name];
      if (local) return new InProcessSource(name, local, fetches);
      return new SubgraphSource(
        urls[name],
        subgraphFetcher(name, settings.subgraphTimeoutMs, fetches, settings.subgraphSecrets),
      );
    },
  });
  // Before Apollo Server's own listener: the first request already meets the checked scalars.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = loaded.apiSchema;
    checkScalarVariables(loaded.apiSchema);
  });
  const published = publishable(publishedDocuments(settings));
  const trusted = settings.trustedDocuments.enforce ? trustedHashes(settings) : undefined;
  // Registered integrator clients (integrators/): their tokens, their operations, quotas and usage.
  const integrators = new IntegratorDirectory(settings);
  const usage = new UsageCounter((entries) => integrators.recordUsage(entries), settings.integratorUsageFlushMs);
  if (trusted)
    log.info(`running ${trusted.size} registered operations only (TRUSTED_DOCUMENTS=enforce)`, { service: 'gateway' });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    ...commonServerOptions(settings),
    // Limits run before the query plan: tokens while parsing, depth/aliases/directives while
    // validating, bad text and cost once the operation and its variables are known.
    parseOptions: parseOptions(settings.limits),
    validationRules: [...limitRules(settings.limits), scalarLiteralRule],
    // No cache hints anywhere in the hub: the cache-control plugin's per-field hook is pure cost.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      edgeGuard(),
      costLimit(settings.limits),
      ...(trusted ? [trustedDocumentsOnly<GatewayContext>(trusted)] : []),
      integratorPolicy({ directory: integrators, usage, names: trusted ?? trustedHashes(settings) }),
    ],
  });
  // One bucket per subject for every gateway replica (PostgreSQL), or this process's own.
  const rate = rateLimiterFor(settings);
  let composed = false;
  const health = new Health('gateway', {
    supergraph: async () => {
      if (!composed) throw new Error('the supergraph is not loaded yet');
    },
    ...rate.readinessChecks(),
  });
  dependencyGauge(metrics, () => health.readiness());
  const oidc = settings.oidc ? new OidcIssuer(settings.oidc) : undefined;
  const verify = tokenVerifier(settings, { issuer: oidc });
  const { url } = await serveGraphQL(server, {
    name: 'gateway',
    port: settings.gatewayPort,
    host: settings.listenHost,
    limits: settings.http,
    metrics,
    metricsToken: settings.metricsToken,
    health,
    route: routes(
      tokenEndpoint({ settings, directory: integrators, rate }),
      importUploadProxy({ processesUrl: settings.processesUrl, verify, rate, secrets: settings.subgraphSecrets }),
      restRoutes({ published, schema: () => apiSchema }),
      exportProxy({
        registryUrl: settings.registryUrl,
        verify,
        rate,
        timeoutMs: settings.subgraphTimeoutMs,
        secrets: settings.subgraphSecrets,
      }),
      gatewayRoutes(settings, options.devIdentities ?? [], oidc),
    ),
    context: async (req) => {
      const token = bearerToken(req.headers.authorization);
      if (!token)
        throw unauthenticated401(
          'A bearer token is required: send "Authorization: Bearer <jwt>" (npm run token prints one)',
        );
      // The verifier answers UNAUTHENTICATED (401) or, for a token with no role, FORBIDDEN (403).
      const identity = await verify(token);
      await rate.take(identity.subject);
      return { identity, token };
    },
  });
  composed = true; // serveGraphQL started the server: the gateway has loaded the supergraph
  log.info(`ready at ${url}`, { service: 'gateway' });
  return {
    url,
    health,
    async stop() {
      await server.stop();
      await usage.stop();
      await rate.close();
    },
  };
}

/** The first of `routers` that takes the request (the exports, then the console's files). */
const routes =
  (...routers: ((req: IncomingMessage) => HttpHandler | undefined)[]) =>
  (req: IncomingMessage): HttpHandler | undefined => {
    for (const router of routers) {
      const handler = router(req);
      if (handler) return handler;
    }
    return undefined;
  };

function unauthenticated401(message: string): HubError {
  return new HubError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

if (isEntryPoint(import.meta.url)) {
  const { config } = await import('../common/config.js');
  configureLogs(config().log);
  const tracing = await startTracing(config().tracing, 'gateway');
  const gateway = await startGateway(config());
  stopOnSignals(gateway.health, () => gateway.stop().finally(() => tracing.shutdown()), {
    delayMs: config().shutdownDelayMs,
  });
}
