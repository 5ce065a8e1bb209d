import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubConfig } from '../../common/config.js';
import { signToken } from '../../common/identity.js';
import { HubError } from '../../common/errors.js';
import { log } from '../../common/log.js';
import type { HttpHandler } from '../../common/http.js';
import type { SubjectRateLimiter } from '../limits/shared-rate.js';
import type { IntegratorDirectory } from './directory.js';

// POST /oauth/token: OAuth 2.0's client-credentials grant (RFC 6749 §4.4) for registered
// integrator clients. The client id and secret come in the body (form or JSON) or as HTTP Basic
// (client_secret_basic). The answer is a short-lived hub-signed JWT with role INTEGRATOR, the
// client id and secret version (cid, sv) and the registration's Federation (fed) when it has a
// data scope: never more than the registration. A wrong secret, an unknown client and a disabled
// one get the same 401 invalid_client, which says nothing about which it was.

export const TOKEN_PATH = '/oauth/token';
/** How long a client-credentials token lives: 15 minutes (less when TOKEN_MAX_LIFETIME_HOURS is shorter). */
const TOKEN_LIFETIME_S = 15 * 60;
const MAX_BODY_BYTES = 8 * 1024;

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    pragma: 'no-cache',
    ...extra,
  });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new OAuthError(413, 'invalid_request', `请求体超过 ${MAX_BODY_BYTES} 字节`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's parameters, from a form or a JSON object. */
async function parameters(req: IncomingMessage): Promise<Record<string, string | undefined>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const text = await readBody(req);
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new OAuthError(400, 'invalid_request', '请求体不是合法的 JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new OAuthError(400, 'invalid_request', '请求体须是一个 JSON 对象');
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
  }
  throw new OAuthError(
    400,
    'invalid_request',
    'Content-Type 须是 application/x-www-form-urlencoded 或 application/json',
  );
}

/** client_secret_basic: "Authorization: Basic base64(id:secret)", each part form-encoded. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return undefined;
  }
}

export function tokenEndpoint(deps: {
  settings: Pick<HubConfig, 'jwtSecret' | 'tokenMaxLifetimeMs'>;
  directory: IntegratorDirectory;
  rate: SubjectRateLimiter;
}) {
  const lifetime = Math.min(TOKEN_LIFETIME_S, Math.floor(deps.settings.tokenMaxLifetimeMs / 1000));

  async function issue(req: IncomingMessage, res: ServerResponse) {
    try {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        throw new OAuthError(405, 'invalid_request', `只接受 POST ${TOKEN_PATH}`);
      }
      // Each try costs a scrypt: a caller's tries count against its address's rate.
      await deps.rate.take(`oauth-token:${req.socket.remoteAddress}`);
      const params = await parameters(req);
      if (params.grant_type !== 'client_credentials')
        throw new OAuthError(
          400,
          params.grant_type ? 'unsupported_grant_type' : 'invalid_request',
          'grant_type 须是 client_credentials',
        );
      const basic = basicCredentials(req.headers.authorization);
      const id = basic?.id ?? params.client_id;
      const secret = basic?.secret ?? params.client_secret;
      if (!id || !secret) throw new OAuthError(400, 'invalid_request', '请提供 client_id 和 client_secret');
      if (id.length > 200 || secret.length > 200) throw new OAuthError(401, 'invalid_client', '客户端认证失败');
      const grant = await deps.directory.grant(id, secret);
      if (!grant || !grant.enabled)
        throw new OAuthError(401, 'invalid_client', '客户端认证失败（客户端编号或密钥不对，或客户端已停用）');
      const token = await signToken(
        {
          subject: `integrator:${grant.clientId}`,
          roles: ['INTEGRATOR'],
          organizationIds: [],
          ...(grant.federationId ? { federationId: grant.federationId } : {}),
        },
        deps.settings.jwtSecret,
        `${lifetime}s`,
        { cid: grant.clientId, sv: grant.secretVersion },
      );
      send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
    } catch (error) {
      if (error instanceof OAuthError)
        return send(
          res,
          error.status,
          { error: error.error, error_description: error.message },
          error.status === 401 ? { 'www-authenticate': 'Basic realm="hub", charset="UTF-8"' } : {},
        );
      if (error instanceof HubError && error.extensions.code === 'RATE_LIMITED')
        return send(
          res,
          429,
          { error: 'slow_down', error_description: '请求过于频繁，请稍后再试' },
          { 'retry-after': String(error.extensions.retryAfter) },
        );
      log.error('oauth token: the client could not be checked', { error: (error as Error).message });
      send(res, 503, { error: 'temporarily_unavailable', error_description: '暂时无法核验客户端，请稍后再试' });
    }
  }

  return (req: IncomingMessage): HttpHandler | undefined =>
    new URL(req.url ?? '/', 'http://x').pathname === TOKEN_PATH ? issue : undefined;
}
