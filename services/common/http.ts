import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubConfig } from './config.js';
import { formatError } from './errors.js';
import { BodyError, readJsonBody, type BodyLimits } from './http-body.js';
import { edgeGuard } from './edge-guard.js';
import { log } from './log.js';
import { GraphQLMetrics, metricsAuthorized, ServiceMetrics } from './metrics.js';
import {
  currentRequest,
  newRequestScope,
  REQUEST_ID_HEADER,
  requestScopePlugin,
  runInRequestScope,
  type RequestScope,
} from './request-scope.js';
import { startServerSpan, type ServerSpan } from './tracing.js';
import type { Health } from './health.js';
import { inProcessSubgraph } from './in-process.js';
import { checkSubgraphSignature, signatureRefusal, SIGNATURE_HEADER } from './subgraph-signature.js';
// The subgraphs' second wall is the gateway's own set of limits (depth, aliases, tokens,
// directives, cost), so both refuse by the same rules and name the same variables.
import { costLimit, limitRules, parseOptions } from './limits/index.js';

// One HTTP front for the gateway and both subgraphs, on node:http instead of Apollo's
// standalone server: its body parser answered malformed bodies with an HTML page carrying a
// stack trace and absolute paths. Here the body is read with a size limit, its nesting
// checked, parsed as JSON, and any refusal is a JSON GraphQL error with extensions.code.
// Each request runs in a scope (request-scope.ts) with its request id, answered in X-Request-Id;
// when it ends, one log line and the GraphQL metrics record it. GET /metrics is Prometheus's.
// When the process traces (tracing.ts), each request is served inside a SERVER span too.

const JSON_TYPE = 'application/json; charset=utf-8';

/** Answers one HTTP request that is not GraphQL (serveGraphQL's `route`). */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Writes { errors: [{ message, extensions: { code } }] } with the given status. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': JSON_TYPE, ...CORS });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

// Bearer tokens, not cookies, carry identity, so any origin may call (as before, with the
// standalone server's cors()); Apollo's CSRF prevention still guards simple requests.
const CORS = { 'access-control-allow-origin': '*' };

/** Serves an ApolloServer (started here) on node:http; `context` builds each request's context. */
export async function serveGraphQL<C extends BaseContext>(
  server: ApolloServer<C>,
  options: {
    name: string;
    port: number;
    host: string;
    limits: BodyLimits;
    context: (req: IncomingMessage) => Promise<C>;
    /** The service's metrics (a new set when omitted); GET /metrics serves them, with METRICS_TOKEN when set. */
    metrics?: ServiceMetrics;
    metricsToken?: string;
    /**
     * Requests that are not GraphQL (the gateway's console): the handler for this request, or
     * undefined to serve it as GraphQL. Decided from the raw request before its body is read.
     */
    route?: (req: IncomingMessage) => HttpHandler | undefined;
    /** GET /healthz and /readyz (services/common/health.ts); none when omitted. */
    health?: Health;
    /**
     * SUBGRAPH_SECRET's secrets: every GraphQL request must carry a valid X-Hub-Signature
     * (services/common/subgraph-signature.ts), checked before its body is parsed. Subgraphs only.
     */
    requireSignature?: readonly string[];
  },
) {
  const metrics = options.metrics ?? new ServiceMetrics(options.name);
  const graphql = new GraphQLMetrics(metrics);
  const httpServer = createServer((req, res) => {
    const scope = newRequestScope(options.name, req.headers);
    const started = performance.now();
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    runInRequestScope(scope, () => {
      if (options.health?.handles(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/metrics') {
        return void serveMetrics(req, res, metrics, options.metricsToken).catch((error: unknown) =>
          internalError(res, scope, error),
        );
      }
      const routed = options.route?.(req);
      if (routed && options.requireSignature) {
        // A subgraph's other endpoints (the registry's exports) answer only the hub's parts too.
        const problem = checkSubgraphSignature(options.requireSignature, req.headers[SIGNATURE_HEADER], {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          authorization: req.headers.authorization,
          body: '',
        });
        if (problem) {
          const { status, message } = signatureRefusal(problem);
          return sendError(res, status, status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message, {
            signature: problem,
          });
        }
      }
      if (routed) {
        // Files and small JSON answers: a debug line each, not GraphQL's metrics or spans.
        res.once('close', () =>
          log.debug(`${req.method} ${req.url} -> ${res.statusCode} in ${Math.round(performance.now() - started)} ms`, {
            method: req.method,
            path,
            status: res.statusCode,
          }),
        );
        return void routed(req, res).catch((error: unknown) => internalError(res, scope, error));
      }
      const span = req.method === 'OPTIONS' ? undefined : startServerSpan(options.name, req, path, scope.requestId);
      res.once('close', () =>
        finished(
          { method: req.method, path, status: res.statusCode, sent: res.writableFinished },
          scope,
          (performance.now() - started) / 1000,
          span,
        ),
      );
      const serve = () => void handle(req, res).catch((error: unknown) => internalError(res, scope, error));
      if (span) span.run(serve);
      else serve();
    });
  });

  function internalError(res: ServerResponse, scope: RequestScope, error: unknown) {
    const reference = Math.random().toString(36).slice(2, 10);
    (scope.references ??= []).push(reference);
    scope.outcome = 'INTERNAL_SERVER_ERROR';
    log.error(`internal error (reference ${reference})`, { reference, error });
    sendError(
      res,
      500,
      'INTERNAL_SERVER_ERROR',
      `Internal error (reference ${reference}); the server log has the details`,
      { reference },
    );
  }

  /**
   * One line and one observation per request, when its answer is sent (or the client left),
   * whether it came over HTTP or from a gateway in this process (in-process.ts).
   */
  function finished(
    answer: { method?: string; path: string; status: number; sent: boolean },
    scope: RequestScope,
    seconds: number,
    span?: ServerSpan,
  ) {
    const { method, path, status } = answer;
    if (method === 'OPTIONS') return log.debug('preflight', { method, path, status });
    const outcome = scope.outcome ?? (!answer.sent ? 'ABORTED' : status < 400 ? 'ok' : 'BAD_REQUEST');
    graphql.observe(scope.operation, scope.operationType, outcome, seconds);
    span?.end({
      status,
      operation: scope.operation,
      operationType: scope.operationType,
      outcome,
      references: scope.references,
    });
    const durationMs = Math.round(seconds * 10_000) / 10;
    log.info(
      'request',
      {
        method,
        path,
        status,
        operation: scope.operation?.slice(0, 100),
        operationType: scope.operationType,
        outcome,
        durationMs,
        references: scope.references,
        traceId: span?.traceId,
      },
      `${scope.operationType ?? method} ${scope.operation ?? path} -> ${outcome}, ${status} in ${durationMs} ms (request ${scope.requestId.slice(0, 8)}${scope.references ? `, reference ${scope.references.join(', ')}` : ''})`,
    );
  }

  // A request Node cannot even parse as HTTP: a JSON answer too, then close.
  httpServer.on('clientError', (_error, socket) => {
    const body = JSON.stringify({
      errors: [{ message: 'Malformed HTTP request', extensions: { code: 'BAD_REQUEST' } }],
    });
    if (socket.writable)
      socket.end(
        `HTTP/1.1 400 Bad Request\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    else socket.destroy();
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      });
      return void res.end();
    }
    let body: unknown;
    try {
      body = await readJsonBody(
        req,
        options.limits,
        options.requireSignature && verifySignature(req, options.requireSignature),
      );
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      res.setHeader('connection', 'close'); // the rest of an oversized body is not read
      const scope = currentRequest();
      if (scope) scope.outcome = error.code;
      if (error.status === 401) res.setHeader('www-authenticate', 'HubSignature');
      return sendError(res, error.status, error.code, error.message, error.extensions);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method!.toUpperCase(),
        headers,
        search: new URL(req.url ?? '/', 'http://x').search,
        body,
      },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    for (const [key, value] of Object.entries(CORS)) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') return void res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  // Apollo's landing page loads its sandbox from a CDN: blank offline, so none at all (the
  // gateway sends browsers to the console instead; GET ?query= still answers GraphQL).
  server.addPlugin(ApolloServerPluginLandingPageDisabled());
  server.addPlugin(requestScopePlugin());
  await server.start();
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  // The same server for a gateway in this process (SUBGRAPHS_IN_PROCESS): no socket in between,
  // the same metrics and request line.
  const local = inProcessSubgraph(options.name, server, options.context, (status, scope, seconds) =>
    finished({ method: 'POST', path: '/graphql', status, sent: true }, scope, seconds),
  );
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    metrics,
    local,
    stop: () => server.stop(),
  };
}

/** The body's check for a subgraph: refuses (401/403) a request no part of the hub signed. */
function verifySignature(req: IncomingMessage, secrets: readonly string[]) {
  return (text: string) => {
    const problem = checkSubgraphSignature(secrets, req.headers[SIGNATURE_HEADER], {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      authorization: req.headers.authorization,
      body: text,
    });
    if (!problem) return;
    const { status, message } = signatureRefusal(problem);
    throw new BodyError(status, message, status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', { signature: problem });
  };
}

/** GET /metrics: the service's metrics in Prometheus's text format; 401 without the token when METRICS_TOKEN is set. */
async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: ServiceMetrics,
  token: string | undefined,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendError(res, 405, 'BAD_REQUEST', 'GET /metrics');
  }
  if (!metricsAuthorized(req, token)) {
    res.setHeader('www-authenticate', 'Bearer');
    return sendError(res, 401, 'UNAUTHENTICATED', 'GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"');
  }
  const { contentType, body } = await metrics.render();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The Apollo Server options both subgraphs and the gateway share. */
export function commonServerOptions(settings: { introspection: boolean }) {
  return {
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: settings.introspection,
    // "Did you mean ...?" names fields a caller may not know of: hidden with introspection.
    hideSchemaDetailsFromClientErrors: !settings.introspection,
    // Ctrl-C and SIGTERM are the entry points' to handle (each stops its parts in order). Apollo
    // Server's own handler raced them: a second stop() while the first is under way waits on a
    // barrier Apollo Server 5 never resolves, so npm start's gateway never stopped.
    stopOnTerminationSignals: false,
  };
}

/**
 * The gateway's limits as a subgraph applies them. The gateway's query plan wraps an entity
 * fetch in `_entities(representations:)` (one level deeper) and adds key fields and
 * `__typename`s (more tokens) to what the client sent, so depth gets one level more and tokens
 * twice the gateway's; aliases, directives and cost stay the same (an entity fetch's list counts
 * as 10 items, below the page size the gateway counted for it).
 */
export function subgraphLimits(limits: HubConfig['limits']): HubConfig['limits'] {
  return { ...limits, maxDepth: limits.maxDepth + 1, maxTokens: limits.maxTokens * 2 };
}

// One way to serve a subgraph: masked errors, no stack traces, a context per request.
export async function serveSubgraph<C extends BaseContext>(options: {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host: string;
  context: (req: IncomingMessage) => Promise<C>;
  plugins?: ApolloServerPlugin<C>[];
  /** The body limits, introspection switch, metrics token, query limits and signing secrets, as for the gateway. */
  settings: Pick<HubConfig, 'http' | 'introspection' | 'metricsToken' | 'limits' | 'subgraphSecrets'>;
  /** The service's metrics, to which the caller adds its pool (metrics.ts). */
  metrics?: ServiceMetrics;
  /** Requests that are not GraphQL (the registry's exports), as for serveGraphQL. */
  route?: (req: IncomingMessage) => HttpHandler | undefined;
  /** /healthz and /readyz with the subgraph's checks. */
  health?: Health;
}) {
  const limits = subgraphLimits(options.settings.limits);
  const server = new ApolloServer<C>({
    schema: options.schema,
    ...commonServerOptions(options.settings),
    // A second wall behind the gateway's: the same rules, so that a request that got here
    // (signed, so through a part of the hub) cannot be more expensive than the gateway allows.
    parseOptions: parseOptions(limits),
    validationRules: limitRules(limits),
    // No Apollo Studio here: inline traces would only add bytes to every subgraph response.
    // No cache hints are set or read anywhere in the hub; the default cache-control plugin
    // still ran a hook on every field (and made Apollo wrap every resolver to call it): a
    // chamber's 126 edges and their ends are ~900 fields (issue 12's profile).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      edgeGuard(),
      costLimit(limits),
      ...(options.plugins ?? []),
    ],
  });
  const { url, metrics, local } = await serveGraphQL(server, {
    ...options,
    limits: options.settings.http,
    metricsToken: options.settings.metricsToken,
    requireSignature: options.settings.subgraphSecrets,
  });
  log.info(`subgraph ready at ${url}`, { service: options.name });
  return { server, url, metrics, local, stop: () => server.stop() };
}
