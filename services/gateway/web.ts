import type { IncomingMessage } from 'node:http';
import type { HubConfig } from '../common/config.js';
import type { HttpHandler } from '../common/http.js';
import { log } from '../common/log.js';
import type { OidcIssuer } from '../common/oidc.js';
import { consoleFiles } from './console.js';
import { consoleSession, type DevIdentity } from './session.js';

// What the gateway serves besides GraphQL, decided from the raw request line before any body
// is read (services/common/http.ts `route`): the console under /console/, its session
// endpoints, and a browser's visit to / sent on to the console. Everything else, /graphql
// and / included, is GraphQL as before.

export function gatewayRoutes(settings: HubConfig, devIdentities: DevIdentity[], oidc: OidcIssuer | undefined) {
  const session = consoleSession(settings, devIdentities, oidc);
  // The issuer's origins the console may talk to (token endpoint) and be sent to (sign-in).
  const issuerOrigins = () => {
    if (!oidc) return [];
    const known = oidc.discoveredSoFar;
    const urls = [
      oidc.settings.issuer,
      ...(known ? [known.authorization_endpoint, known.token_endpoint, known.end_session_endpoint] : []),
    ];
    return [...new Set(urls.filter((u): u is string => !!u).map((u) => new URL(u).origin))];
  };
  const files = consoleFiles(settings.consoleDir, issuerOrigins);
  if (oidc) {
    // Early, so the console's first page already names the issuer's endpoints in its policy.
    void oidc
      .discovery()
      .catch(() => log.warn('the console cannot offer OIDC sign-in until the issuer answers its discovery request'));
  }

  return (req: IncomingMessage): HttpHandler | undefined => {
    const raw = req.url ?? '/';
    const query = raw.indexOf('?');
    const path = query === -1 ? raw : raw.slice(0, query);
    if (path === '/console/session/config') return session.config;
    if (path === '/console/session/dev-token') return session.devToken;
    if (path === '/console' || path.startsWith('/console/')) {
      const rest = path.slice('/console'.length);
      return (request, res) => files.serve(request, res, rest);
    }
    if (
      path === '/' &&
      req.method === 'GET' &&
      wantsPage(req) &&
      !new URLSearchParams(query === -1 ? '' : raw.slice(query + 1)).has('query')
    ) {
      return async (_request, res) =>
        void res.writeHead(302, { location: '/console/', 'cache-control': 'no-store' }).end();
    }
    return undefined;
  };
}

/** A browser navigating (Accept: text/html), not a GraphQL client. */
function wantsPage(req: IncomingMessage): boolean {
  return /\btext\/html\b/.test(String(req.headers.accept ?? ''));
}
