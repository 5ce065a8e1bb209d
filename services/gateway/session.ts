import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEV_JWT_SECRET, type HubConfig } from '../common/config.js';
import { sendError } from '../common/http.js';
import { BodyError, readJsonBody } from '../common/http-body.js';
import { devTokenLifetime, signToken, type Role } from '../common/identity.js';
import { log } from '../common/log.js';
import type { OidcIssuer } from '../common/oidc.js';

// How the console signs in (console/src/shell/console-config.ts reads these):
// GET /console/session/config says which ways exist; POST /console/session/dev-token hands out
// a token for one of the seeded identities, only while the hub runs with its dev secret (a
// hub with a real JWT_SECRET never signs tokens for whoever asks). The identities themselves
// are the dev stack's (infra/dev/identities.ts), handed to startGateway: services know no seed.

export type Bilingual = { zh: string; en: string };

export interface DevIdentity {
  /** What the console sends back to POST /console/session/dev-token. */
  id: string;
  /** The token's subject: the seed's person id where tasks name a person (reviewers, agency staff). */
  subject: string;
  name: Bilingual;
  /** One line on what this identity does in the seed (whose tasks it sees). */
  description: Bilingual;
  roles: Role[];
  organizationIds: string[];
}

/**
 * Whether a request's Host header names this machine's loopback (127.0.0.1, localhost, [::1],
 * any port). Dev sign-in answers only those: a page elsewhere that rebinds its own name to
 * 127.0.0.1 (DNS rebinding) reaches the developer's stack with its own name as Host, and must
 * not be handed an ADMIN token.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(:\d{1,5})?$/.exec((host ?? '').trim().toLowerCase());
  return !!match && ['127.0.0.1', 'localhost', '[::1]'].includes(match[1]);
}
const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': JSON_TYPE, 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function consoleSession(
  settings: Pick<HubConfig, 'jwtSecret' | 'oidc' | 'http' | 'tokenMaxLifetimeMs'>,
  devIdentities: DevIdentity[],
  oidc: OidcIssuer | undefined,
) {
  const devSignIn = settings.jwtSecret === DEV_JWT_SECRET && devIdentities.length > 0;

  /** GET /console/session/config: dev identities (when allowed) and the OIDC issuer's endpoints. */
  async function config(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendError(res, 405, 'BAD_REQUEST', 'GET /console/session/config');
    }
    // Offered only where it would be answered (see isLoopbackHost).
    const offered = devSignIn && isLoopbackHost(req.headers.host);
    const identities = offered
      ? devIdentities.map(({ id, name, description, roles }) => ({ id, name, description, roles }))
      : [];
    if (!oidc) return sendJson(res, { devSignIn: offered, identities });
    let discovery;
    try {
      discovery = await oidc.discovery();
    } catch (error) {
      return sendError(
        res,
        503,
        'SERVICE_UNAVAILABLE',
        `The OIDC issuer's discovery document (${oidc.discoveryUrl}) could not be read: ${(error as Error).message}`,
      );
    }
    const { issuer, clientId, scope, rolesClaim, orgsClaim } = oidc.settings;
    sendJson(res, {
      devSignIn: offered,
      identities,
      oidc: {
        issuer,
        clientId,
        scope,
        rolesClaim,
        orgsClaim,
        authorizationEndpoint: discovery.authorization_endpoint,
        tokenEndpoint: discovery.token_endpoint,
        ...(discovery.end_session_endpoint ? { endSessionEndpoint: discovery.end_session_endpoint } : {}),
      },
    });
  }

  /** POST /console/session/dev-token {"identity": "<id>"} -> {"token": "<jwt>"}. */
  async function devToken(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'BAD_REQUEST', 'POST /console/session/dev-token with {"identity": "<id>"}');
    }
    if (!devSignIn) {
      return sendError(
        res,
        403,
        'FORBIDDEN',
        'Dev sign-in exists only while the hub runs with its dev secret (JWT_SECRET unset) under npm start; sign in with the OIDC issuer instead',
      );
    }
    if (!isLoopbackHost(req.headers.host)) {
      return sendError(
        res,
        403,
        'FORBIDDEN',
        `Dev sign-in answers only on this machine's loopback address (http://127.0.0.1, http://localhost or http://[::1], any port), not for the host "${String(req.headers.host ?? '').slice(0, 100)}"`,
      );
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, settings.http);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      res.setHeader('connection', 'close');
      return sendError(res, error.status, error.code, error.message);
    }
    const id = (body as { identity?: unknown } | null)?.identity;
    const known = devIdentities.map((i) => i.id).join(', ');
    if (typeof id !== 'string')
      return sendError(res, 400, 'BAD_USER_INPUT', `Send {"identity": "<id>"}, one of ${known}`, { field: 'identity' });
    const identity = devIdentities.find((i) => i.id === id);
    if (!identity)
      return sendError(res, 400, 'BAD_USER_INPUT', `No dev identity "${id}"; the known ones are ${known}`, {
        field: 'identity',
      });
    const token = await signToken(
      { subject: identity.subject, roles: identity.roles, organizationIds: identity.organizationIds },
      settings.jwtSecret,
      devTokenLifetime(settings.tokenMaxLifetimeMs),
      { name: identity.name.zh },
    );
    log.info(`dev sign-in as ${identity.id} (${identity.subject})`, { identity: identity.id });
    sendJson(res, { token });
  }

  return { devSignIn, config, devToken };
}
