import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HttpHandler } from '../common/http.js';
import { sendError } from '../common/http.js';
import { HubError } from '../common/errors.js';
import { bearerToken, type TokenVerifier } from '../common/identity.js';
import { log } from '../common/log.js';
import { correlationHeaders } from '../common/request-scope.js';
import { injectTraceContext } from '../common/tracing.js';
import { forwardIdentity } from './forward.js';
import type { SubjectRateLimiter } from './limits/shared-rate.js';
import { subgraphSignatureHeaders } from '../common/subgraph-signature.js';

// GET /export/<list>.csv|.xlsx at the gateway: the same path on the registry, which makes the
// file (services/registry/export/). Here, as for GraphQL: the token is verified and counted
// against the caller's rate, and forwarded with the request id and trace context; the answer
// streams through, a chunk at a time, never held whole.

const EXPORT_PATH = /^\/export\/[A-Za-z]+\.(csv|xlsx)$/;
/** What the registry's answer may carry on to the client. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'x-content-type-options'];

export function exportProxy(deps: {
  registryUrl: string;
  verify: TokenVerifier;
  rate: SubjectRateLimiter;
  /** SUBGRAPH_SECRET: the registry answers only what a part of the hub signed. */
  secrets: readonly string[];
  timeoutMs: number;
}) {
  async function proxy(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendError(res, 405, 'BAD_REQUEST', `GET ${req.url?.split('?')[0]}`);
    }
    const token = bearerToken(req.headers.authorization);
    try {
      if (!token)
        throw new HubError('UNAUTHENTICATED', 'A bearer token is required: send "Authorization: Bearer <jwt>"');
      const identity = await deps.verify(token);
      // A registered integrator client runs its allowed trusted documents only, never an export.
      if (identity.client)
        throw new HubError(
          'FORBIDDEN',
          '接入方客户端只能调用登记给它的操作，不能导出文件。An integrator client cannot export.',
        );
      await deps.rate.take(identity.subject);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      const code = String(error.extensions.code);
      const status = code === 'FORBIDDEN' ? 403 : code === 'RATE_LIMITED' ? 429 : 401;
      if (code === 'RATE_LIMITED') res.setHeader('retry-after', String(error.extensions.retryAfter));
      return sendError(res, status, code, error.message);
    }
    const headers = new Headers(correlationHeaders());
    forwardIdentity(headers, token);
    injectTraceContext(headers);
    const target = new URL(req.url!, deps.registryUrl);
    const signature = subgraphSignatureHeaders(deps.secrets, {
      method: 'GET',
      path: target.pathname + target.search,
      authorization: headers.get('authorization') ?? undefined,
      body: '',
    });
    for (const [name, value] of Object.entries(signature)) headers.set(name, value);
    // The deadline is for the answer to begin; a long file may take longer to stream.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
    let upstream: Response;
    try {
      upstream = await fetch(target, { headers, signal: abort.signal });
    } catch (error) {
      log.error('export: the registry did not answer', { error });
      return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The registry service is unavailable', {
        serviceName: 'registry',
      });
    } finally {
      clearTimeout(timer);
    }
    res.statusCode = upstream.status;
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!upstream.body) return void res.end();
    try {
      await pipeline(Readable.fromWeb(upstream.body as never), res);
    } catch (error) {
      // The registry cut its answer (or the client left): cut ours too, never a whole-looking half.
      log.warn('export: the transfer broke off', { error: (error as Error).message });
      res.destroy();
    }
  }

  return (req: IncomingMessage): HttpHandler | undefined =>
    EXPORT_PATH.test((req.url ?? '/').split('?')[0]) ? proxy : undefined;
}
