import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

// A real, small OIDC issuer for the tests and the end-to-end runs: discovery, JWKS (an RSA key
// made at start), the authorization-code flow with PKCE (S256 only) and a sign-in page that
// lists its users, one button each. Its tokens are what an enterprise issuer (Keycloak, an
// IdP of the government cloud) would send: RS256, iss/aud/sub/exp, roles and orgs claims.
//
//   const issuer = await startOidcIssuer({ users, clientId: 'chamber-console', audience: 'chamber-hub' });
//   hub env: OIDC_ISSUER=issuer.issuer OIDC_AUDIENCE=chamber-hub OIDC_CLIENT_ID=chamber-console
//   issuer.mint({ sub, roles, orgs }, { expiresIn: '-1m' })  // tokens for negative tests
//   await issuer.stop()
//
// Tests in other processes than the one that started it mint with mintAt(issuer.issuer, ...),
// which asks its POST /test/mint (a test issuer only: it signs whatever it is sent).

export interface OidcUser {
  sub: string;
  /** Shown on the sign-in page and put in the `name` claim. */
  name: string;
  roles: string[];
  orgs: string[];
  /** The Federation an officer or admin works for (the `fed` claim, docs/jurisdiction.md). */
  fed?: string;
}

export interface MintOptions {
  /** A jose time span, '1h' by default ('-5m': expired five minutes ago), or an absolute epoch second. */
  expiresIn?: string | number;
  audience?: string | string[];
  issuer?: string;
  /** Sign with a key the JWKS does not publish (same kid format). */
  unknownKey?: boolean;
}

export interface OidcIssuerHandle {
  /** The `iss` of its tokens and the base of its discovery document (…/realms/hub). */
  issuer: string;
  /** Its origin, http://127.0.0.1:<port>. */
  url: string;
  clientId: string;
  audience: string;
  users: OidcUser[];
  /** An access token with these claims (iss, aud, iat, exp filled in unless given). */
  mint(claims: JWTPayload, options?: MintOptions): Promise<string>;
  stop(): Promise<void>;
}

interface PendingCode {
  user: OidcUser;
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  scope: string;
  expiresAt: number;
}

const CODE_LIFETIME_MS = 60_000;
const TOKEN_LIFETIME_S = 3600;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, accept, authorization',
};

export async function startOidcIssuer(options: {
  users: OidcUser[];
  clientId: string;
  audience: string;
  host?: string;
  port?: number;
}): Promise<OidcIssuerHandle> {
  const { users, clientId, audience } = options;
  const keys = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const kid = `test-${randomBytes(4).toString('hex')}`;
  const publicJwk: JWK = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  let issuer = '';

  async function sign(claims: JWTPayload, mint: MintOptions = {}): Promise<string> {
    const key: CryptoKey = mint.unknownKey ? stranger.privateKey : keys.privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? mint.issuer ?? issuer)
      .setAudience(claims.aud ?? mint.audience ?? audience)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? mint.expiresIn ?? '1h')
      .sign(key);
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: Error) => {
      if (!res.headersSent) json(res, 500, { error: 'server_error', error_description: error.message });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://issuer');
    const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : undefined;
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    if (path === '/.well-known/openid-configuration' && req.method === 'GET') return json(res, 200, discovery());
    if (path === '/protocol/openid-connect/certs' && req.method === 'GET') return json(res, 200, { keys: [publicJwk] });
    if (path === '/protocol/openid-connect/auth' && req.method === 'GET') return authorizePage(url.searchParams, res);
    if (path === '/protocol/openid-connect/auth' && req.method === 'POST')
      return authorize(new URLSearchParams(await text(req)), res);
    if (path === '/protocol/openid-connect/token' && req.method === 'POST')
      return token(req, new URLSearchParams(await text(req)), res);
    if (path === '/protocol/openid-connect/logout' && req.method === 'GET') {
      const back = url.searchParams.get('post_logout_redirect_uri');
      return void res
        .writeHead(back ? 302 : 200, back ? { location: back } : { 'content-type': 'text/plain; charset=utf-8' })
        .end(back ? undefined : 'Signed out / 已退出');
    }
    if (path === '/test/mint' && req.method === 'POST') {
      const body = JSON.parse(await text(req)) as { claims: JWTPayload; options?: MintOptions };
      return json(res, 200, { token: await sign(body.claims, body.options) });
    }
    json(res, 404, { error: 'not_found', error_description: `${req.method} ${url.pathname}` });
  }

  function discovery() {
    const base = `${issuer}/protocol/openid-connect`;
    return {
      issuer,
      authorization_endpoint: `${base}/auth`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/certs`,
      end_session_endpoint: `${base}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile'],
    };
  }

  /** The request's problem, or undefined; checked on GET (the page) and again on POST (the choice). */
  function badRequest(params: URLSearchParams): string | undefined {
    if (params.get('client_id') !== clientId) return `unknown client_id "${params.get('client_id')}"`;
    const redirect = params.get('redirect_uri') ?? '';
    if (!/^https?:\/\//.test(redirect)) return 'redirect_uri must be an http(s) URL';
    if (params.get('response_type') !== 'code') return 'response_type must be code';
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge'))
      return 'PKCE is required: code_challenge with code_challenge_method=S256';
    return undefined;
  }

  function authorizePage(params: URLSearchParams, res: ServerResponse) {
    const problem = badRequest(params);
    if (problem)
      return html(res, 400, `<h1>登录请求无效 / Invalid sign-in request</h1><p role="alert">${escape(problem)}</p>`);
    const hidden = [
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
      'nonce',
      'code_challenge',
      'code_challenge_method',
    ]
      .filter((name) => params.has(name))
      .map((name) => `<input type="hidden" name="${name}" value="${escape(params.get(name)!)}">`)
      .join('');
    const buttons = users
      .map(
        (u) =>
          `<li><button type="submit" name="user" value="${escape(u.sub)}">${escape(u.name)}</button> <small>${escape(u.roles.join(', '))}</small></li>`,
      )
      .join('');
    html(
      res,
      200,
      `<h1>测试身份认证 / Test sign-in</h1>
<form method="post" action="${PREFIX}/protocol/openid-connect/auth">${hidden}
<fieldset><legend>选择用户登录 / Sign in as</legend><ul>${buttons}</ul></fieldset></form>`,
    );
  }

  function authorize(params: URLSearchParams, res: ServerResponse) {
    const problem = badRequest(params);
    if (problem) return html(res, 400, `<p role="alert">${escape(problem)}</p>`);
    const user = users.find((u) => u.sub === params.get('user'));
    const redirect = new URL(params.get('redirect_uri')!);
    if (params.get('state')) redirect.searchParams.set('state', params.get('state')!);
    if (!user) {
      redirect.searchParams.set('error', 'access_denied');
    } else {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, {
        user,
        clientId,
        redirectUri: params.get('redirect_uri')!,
        challenge: params.get('code_challenge')!,
        nonce: params.get('nonce') ?? undefined,
        scope: params.get('scope') ?? 'openid',
        expiresAt: Date.now() + CODE_LIFETIME_MS,
      });
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('iss', issuer); // RFC 9207
    }
    res.writeHead(302, { location: redirect.toString(), 'cache-control': 'no-store' }).end();
  }

  async function token(req: IncomingMessage, params: URLSearchParams, res: ServerResponse) {
    const refuse = (error: string, description: string) => json(res, 400, { error, error_description: description });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return refuse('invalid_request', 'send application/x-www-form-urlencoded');
    if (params.get('grant_type') !== 'authorization_code')
      return refuse('unsupported_grant_type', 'only authorization_code');
    if (params.get('client_id') !== clientId)
      return refuse('invalid_client', `unknown client_id "${params.get('client_id')}"`);
    const code = params.get('code') ?? '';
    const pending = codes.get(code);
    if (!pending || pending.expiresAt < Date.now()) {
      codes.delete(code);
      return refuse('invalid_grant', 'the code is unknown, used or expired');
    }
    if (params.get('redirect_uri') !== pending.redirectUri)
      return refuse('invalid_grant', 'redirect_uri differs from the authorization request');
    const verifier = params.get('code_verifier');
    if (!verifier) return refuse('invalid_grant', 'code_verifier is required (PKCE)');
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge)
      return refuse('invalid_grant', 'code_verifier does not match the code_challenge (S256)');
    codes.delete(code); // single use
    const { user } = pending;
    const accessToken = await sign({
      sub: user.sub,
      name: user.name,
      roles: user.roles,
      orgs: user.orgs,
      ...(user.fed ? { fed: user.fed } : {}),
      scope: pending.scope,
      azp: clientId,
      jti: randomUUID(),
    });
    const idToken = await sign(
      { sub: user.sub, name: user.name, ...(pending.nonce ? { nonce: pending.nonce } : {}) },
      { audience: clientId },
    );
    json(res, 200, {
      access_token: accessToken,
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_S,
      scope: pending.scope,
    });
  }

  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  issuer = `${origin}${PREFIX}`;
  return {
    issuer,
    url: origin,
    clientId,
    audience,
    users,
    mint: sign,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Keycloak's layout (…/realms/<name>/protocol/openid-connect/…): issuers with a path are the common case. */
const PREFIX = '/realms/hub';

/** A token from the issuer at `issuer` (started by another process, e.g. the global set-up). */
export async function mintAt(issuer: string, claims: JWTPayload, options: MintOptions = {}): Promise<string> {
  const response = await fetch(`${issuer}/test/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ claims, options }),
  });
  if (!response.ok) throw new Error(`the test issuer answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown) {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS })
    .end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试身份认证 / Test sign-in</title></head><body><main>${body}</main></body></html>`,
  );
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
