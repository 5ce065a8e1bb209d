// The codec endpoint for the Temporal UI and CLI ("remote codec server"): POST <url>/decode and
// <url>/encode with {"payloads": [...]} (Payload messages in proto JSON, bytes as base64). It
// turns the hub's encrypted payloads back into JSON for whoever may read every process: ADMIN
// tokens only, since a decoded history holds applicants' names and approvers' comments.
// A node:http server of its own, not a route of the gateway, so it has nothing to do with
// GraphQL's limits and a fault in one cannot take down the other.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Payload } from '@temporalio/common';
// @temporalio/proto is CommonJS: Node's ESM loader sees only its default export.
import proto from '@temporalio/proto';
import { config, type HubConfig } from '../common/config.js';
import { bearerToken, hasRole, tokenVerifier, type TokenVerifier } from '../common/identity.js';
import { AesGcmPayloadCodec, refusalOf } from '../common/payload-codec.js';
import { Health, stopOnSignals } from '../common/health.js';
import { assertProductionKeys } from '../common/payload-keys.js';
import { configureLogs, log } from '../common/log.js';
import { LATENCY_BUCKETS, metricsAuthorized, ServiceMetrics } from '../common/metrics.js';
import { newRequestScope, REQUEST_ID_HEADER, runInRequestScope } from '../common/request-scope.js';
import client from 'prom-client';
import { isEntryPoint } from '../common/entry.js';

const MAX_BODY_BYTES = 4 * 1024 * 1024; // Temporal's own payload limit is 2 MB; a batch may hold several
const ProtoPayload = proto.temporal.api.common.v1.Payload;

type CodecSettings = Pick<
  HubConfig,
  'codecPort' | 'listenHost' | 'jwtSecret' | 'payloadKeys' | 'codecCorsOrigins' | 'tokenMaxLifetimeMs'
> &
  Partial<Pick<HubConfig, 'metricsToken' | 'oidc'>>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The UI calls from the browser: answer its origin (and its preflight, which carries no token). */
function cors(request: IncomingMessage, response: ServerResponse, origins: string[]) {
  const origin = request.headers.origin;
  if (!origin || !origins.includes(origin)) return;
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('vary', 'Origin');
  response.setHeader('access-control-allow-credentials', 'true');
  response.setHeader('access-control-allow-methods', 'POST, OPTIONS');
  response.setHeader('access-control-allow-headers', 'Authorization, Content-Type, X-Namespace');
}

async function readPayloads(request: IncomingMessage): Promise<Payload[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
  const payloads = (body as { payloads?: unknown })?.payloads;
  if (!Array.isArray(payloads)) throw new HttpError(400, 'The body must be {"payloads": [...]}');
  try {
    return payloads.map((p) => {
      const message = ProtoPayload.fromObject(p as object); // base64 strings become bytes
      return { metadata: message.metadata, data: message.data };
    });
  } catch {
    throw new HttpError(400, 'A payload is not a Payload message in proto JSON');
  }
}

/** Only a verified ADMIN token: 401 without one (or with a bad one), 403 for any other role. */
async function requireAdmin(request: IncomingMessage, verify: TokenVerifier) {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new HttpError(401, 'Authorization: Bearer <token> of an ADMIN is required');
  const identity = await verify(token).catch(() => {
    throw new HttpError(401, 'The bearer token is not valid');
  });
  if (!hasRole(identity, 'ADMIN')) throw new HttpError(403, 'Only ADMIN tokens may use the codec endpoint');
}

export async function startCodecServer(settings: CodecSettings = config()) {
  assertProductionKeys(settings.payloadKeys);
  // A display path: a history holds plain payloads the hub never sealed (the SDK core's marker
  // data, a forged signal's argument), shown as they are, since they were never secret; anything
  // sealed under an unknown key or tampered with is refused (400) below. Refusing plain payloads
  // matters where they would act: in the workers and clients (services/common/temporal.ts).
  const codec = new AesGcmPayloadCodec(settings.payloadKeys).acceptingPlaintext();
  const verify = tokenVerifier(settings); // the hub's own ADMIN tokens and, when configured, the OIDC issuer's
  const metrics = new ServiceMetrics('codec');
  const requests = new client.Histogram({
    name: 'hub_codec_request_duration_seconds',
    help: 'Codec requests by operation (decode, encode, other) and HTTP status',
    labelNames: ['operation', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [metrics.registry],
  });
  // Nothing to wait for: the keys are loaded, and the codec reaches no other service.
  const health = new Health('codec');
  const server = createServer((request, response) => {
    if (health.handles(request, response)) return;
    const scope = newRequestScope('codec', request.headers);
    response.setHeader(REQUEST_ID_HEADER, scope.requestId);
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://codec').pathname;
    if (path === '/metrics') return void runInRequestScope(scope, () => serveMetrics(request, response));
    const operation = path === '/codec/decode' ? 'decode' : path === '/codec/encode' ? 'encode' : undefined;
    response.once('close', () => {
      if (request.method === 'OPTIONS') return;
      const seconds = (performance.now() - started) / 1000;
      requests.observe({ operation: operation ?? 'other', status: String(response.statusCode) }, seconds);
      const durationMs = Math.round(seconds * 10_000) / 10;
      runInRequestScope(scope, () =>
        log.info(
          'request',
          { method: request.method, path, status: response.statusCode, operation, durationMs },
          `${request.method} ${path} -> ${response.statusCode} in ${durationMs} ms (request ${scope.requestId.slice(0, 8)})`,
        ),
      );
    });
    void runInRequestScope(scope, () => answer(request, response, operation));
  });

  async function serveMetrics(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response.setHeader('allow', 'GET, HEAD'), 405, { error: 'GET /metrics' });
    if (!metricsAuthorized(request, settings.metricsToken)) {
      response.setHeader('www-authenticate', 'Bearer');
      return send(response, 401, { error: 'GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"' });
    }
    const { contentType, body } = await metrics.render();
    response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  }

  async function answer(
    request: IncomingMessage,
    response: ServerResponse,
    operation: 'decode' | 'encode' | undefined,
  ) {
    try {
      cors(request, response, settings.codecCorsOrigins);
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      if (!operation) throw new HttpError(404, 'Not found: POST /codec/decode or /codec/encode');
      if (request.method !== 'POST') throw new HttpError(405, 'Use POST');
      await requireAdmin(request, verify); // before reading a byte of the body
      const payloads = await readPayloads(request);
      // X-Namespace names the UI's namespace; one key set serves them all, so it changes nothing.
      const result = await codec[operation](payloads).catch((error: Error) => {
        throw new HttpError(400, error.message);
      });
      // An unknown key id, tampered ciphertext.
      const refused = result.map(refusalOf).findIndex((reason) => reason !== undefined);
      if (refused !== -1) throw new HttpError(400, `Payload ${refused} refused: ${refusalOf(result[refused])}`);
      send(response, 200, {
        payloads: result.map((p) => ProtoPayload.toObject(ProtoPayload.create(p), { bytes: String })),
      });
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { error: error.message });
      const reference = Math.random().toString(36).slice(2, 10);
      log.error(`internal error (reference ${reference})`, { reference, error });
      send(response, 500, { error: `Internal error (reference ${reference}); the server log has the details` });
    }
  }
  server.listen(settings.codecPort, settings.listenHost);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${settings.listenHost === '0.0.0.0' ? '127.0.0.1' : settings.listenHost}:${port}/codec`;
  log.info(`Temporal UI codec endpoint at ${url}`, { service: 'codec' });
  return {
    url,
    health,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

if (isEntryPoint(import.meta.url)) {
  configureLogs(config().log);
  const codec = await startCodecServer();
  stopOnSignals(codec.health, () => codec.stop(), { delayMs: config().shutdownDelayMs });
}
