import type { Bilingual } from './i18n';

// What the gateway tells the console about signing in (GET /console/session/config).
export interface DevIdentity {
  id: string;
  name: Bilingual;
  /** One line on what this identity does in the seed (whose tasks it sees). */
  description: Bilingual;
  roles: string[];
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  scope: string;
  /** Claim names (dotted paths) that carry the hub's roles and organisation ids. */
  rolesClaim: string;
  orgsClaim: string;
}

export interface ConsoleConfig {
  /** Dev identities exist only when the hub runs with its dev secret. */
  devSignIn: boolean;
  identities: DevIdentity[];
  oidc?: OidcSettings;
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/session/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /console/session/config answered ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}

/** POST /console/session/dev-token: a token for one of the seeded identities. */
export async function devToken(identity: string): Promise<string> {
  const response = await fetch('/console/session/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  const body = (await response.json()) as { token?: string; errors?: { message: string }[] };
  if (!response.ok || !body.token)
    throw new Error(body.errors?.[0]?.message ?? `dev sign-in answered ${response.status}`);
  return body.token;
}
