import type { OidcSettings } from './console-config';

// Sign-in at an OIDC issuer with the authorization-code flow and PKCE (RFC 7636): the console
// is a public client (no secret), so the code is bound to a verifier only this tab knows.
// The verifier and state wait in sessionStorage while the browser visits the issuer.
const PENDING_KEY = 'console.oidc.pending';

interface Pending {
  state: string;
  verifier: string;
  /** Where to go back to after signing in (a console path). */
  returnTo: string;
}

function randomString(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export const callbackUrl = () => `${location.origin}/console/callback`;

/** Sends the browser to the issuer's sign-in page. */
export async function beginOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  const pending: Pending = { state: randomString(16), verifier: randomString(48), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(settings.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: callbackUrl(),
    scope: settings.scope,
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Back from the issuer: checks the state, trades the code and verifier for tokens. */
export async function completeOidcSignIn(
  settings: OidcSettings,
  query: URLSearchParams,
): Promise<{ token: string; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING_KEY);
  const error = query.get('error');
  if (error) throw new Error(`${error}${query.get('error_description') ? `: ${query.get('error_description')}` : ''}`);
  if (!pending || query.get('state') !== pending.state)
    throw new Error('The sign-in answer does not match a sign-in started in this tab; start again.');
  const code = query.get('code');
  if (!code) throw new Error('The issuer sent no authorization code.');
  const response = await fetch(settings.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: callbackUrl(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token)
    throw new Error(body.error_description ?? body.error ?? `The issuer's token endpoint answered ${response.status}`);
  return { token: body.access_token, returnTo: pending.returnTo };
}
