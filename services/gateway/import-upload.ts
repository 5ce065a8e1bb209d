import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Transform } from 'node:stream';
import type { HttpHandler } from '../common/http.js';
import { sendError } from '../common/http.js';
import { HubError } from '../common/errors.js';
import { bearerToken, hasRole, type TokenVerifier } from '../common/identity.js';
import { log } from '../common/log.js';
import { correlationHeaders } from '../common/request-scope.js';
import { injectTraceContext } from '../common/tracing.js';
import { forwardIdentity } from './forward.js';
import type { SubjectRateLimiter } from './limits/shared-rate.js';
import { subgraphSignatureHeaders } from '../common/subgraph-signature.js';
import { MAX_UPLOAD_BYTES } from '../common/import-upload.js';

// POST /api/v1/imports/files?kind=…&fileName=… with an import file's raw bytes: the processes
// service's POST /imports/files (services/processes/registry-import/http.ts), which checks and
// keeps the file. Here, as for GraphQL: the token is verified and counted against the caller's
// rate, a caller who may not import is refused before a byte is read, and the body streams
// through a chunk at a time, cut off (413) once it passes the limit.

export const IMPORT_UPLOAD_PATH = '/api/v1/imports/files';
const UPSTREAM_PATH = '/imports/files';
/** Reading and checking a 20 MiB file takes longer than a GraphQL answer may. */
const UPLOAD_TIMEOUT_MS = 120_000;

const tooLarge = (res: ServerResponse) => {
  res.setHeader('connection', 'close'); // the rest of the body is not read
  sendError(
    res,
    413,
    'PAYLOAD_TOO_LARGE',
    `文件超过 ${MAX_UPLOAD_BYTES / 2 ** 20} MiB 的上限；请拆成多个文件分别导入`,
    {
      field: 'body',
    },
  );
};

class TooLarge extends Error {}

/**
 * Answers 413 once the client has sent the rest of its body (read and dropped, up to the limit
 * once more): a client still writing when the connection closes sees a reset (EPIPE), not the
 * answer. A client that sends more than that is cut off without waiting.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  if (req.complete) return tooLarge(res);
  let dropped = 0;
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    tooLarge(res);
  };
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_UPLOAD_BYTES) answer();
  });
  req.once('end', answer);
  req.resume();
}

export function importUploadProxy(deps: {
  processesUrl: string;
  verify: TokenVerifier;
  rate: SubjectRateLimiter;
  secrets: readonly string[];
}) {
  async function proxy(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'BAD_REQUEST', `POST ${IMPORT_UPLOAD_PATH}?kind=…&fileName=… with the file's bytes`);
    }
    const token = bearerToken(req.headers.authorization);
    try {
      if (!token)
        throw new HubError('UNAUTHENTICATED', 'A bearer token is required: send "Authorization: Bearer <jwt>"');
      const identity = await deps.verify(token);
      await deps.rate.take(identity.subject);
      if (!hasRole(identity, 'FEDERATION_OFFICER', 'ADMIN'))
        throw new HubError('FORBIDDEN', '只有工商联工作人员和管理员可以上传导入文件');
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      const code = String(error.extensions.code);
      const status = code === 'FORBIDDEN' ? 403 : code === 'RATE_LIMITED' ? 429 : 401;
      if (code === 'RATE_LIMITED') res.setHeader('retry-after', String(error.extensions.retryAfter));
      res.setHeader('connection', 'close');
      return sendError(res, status, code, error.message);
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES)
      return declared > 2 * MAX_UPLOAD_BYTES ? tooLarge(res) : refuseTooLarge(req, res);

    const headers = new Headers(correlationHeaders());
    forwardIdentity(headers, token);
    injectTraceContext(headers);
    headers.set('content-type', 'application/octet-stream');
    const url = new URL(req.url!, 'http://x');
    const target = new URL(UPSTREAM_PATH + url.search, deps.processesUrl);
    const signature = subgraphSignatureHeaders(deps.secrets, {
      method: 'POST',
      path: target.pathname + target.search,
      authorization: headers.get('authorization') ?? undefined,
      body: '',
    });
    for (const [name, value] of Object.entries(signature)) headers.set(name, value);
    // Counts the bytes on their way: past the limit the upload to the processes service is cut.
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > MAX_UPLOAD_BYTES ? new TooLarge() : null, chunk);
      },
    });
    req.pipe(counted);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), UPLOAD_TIMEOUT_MS);
    let upstream: Response;
    try {
      upstream = await fetch(target, {
        method: 'POST',
        headers,
        body: Readable.toWeb(counted) as ReadableStream,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit);
    } catch (error) {
      if (size > MAX_UPLOAD_BYTES) return refuseTooLarge(req, res);
      log.error('import upload: the processes service did not answer', { error });
      return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The processes service is unavailable', {
        serviceName: 'processes',
      });
    } finally {
      clearTimeout(timer);
    }
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }

  return (req: IncomingMessage): HttpHandler | undefined =>
    (req.url ?? '/').split('?')[0] === IMPORT_UPLOAD_PATH ? proxy : undefined;
}
