import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { HubConfig } from './config.js';
import { HubError, unauthenticated } from './errors.js';
import { UUID_PATTERN } from './ids.js';
import { IssuerKeysUnavailable, OidcIssuer } from './oidc.js';

// Who is calling: verified from the bearer JWT at the gateway and again in each subgraph,
// so a subgraph reached directly is no back door.
// FEDERATION_OFFICER decides the Federation's own tasks; AGENCY_OFFICER and AGENCY_HEAD act for a government
// agency (within its organisation id) in procurement; SYSTEM is the worker's service identity.
export const ROLES = [
  'INTEGRATOR',
  'APPROVER',
  'ADMIN',
  'FEDERATION_OFFICER',
  'AGENCY_OFFICER',
  'AGENCY_HEAD',
  'SYSTEM',
] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  subject: string;
  roles: Role[];
  /** Organizations the caller acts for (an approver decides only their tasks). */
  organizationIds: string[];
  /**
   * The Federation (its organization id) an officer or admin works for: the token's `fed` claim.
   * The hub computes what it supervises (its jurisdiction, services/registry/jurisdiction); the
   * token never lists it. Required with FEDERATION_OFFICER and ADMIN; absent for other callers.
   */
  federationId?: string;
  /**
   * A registered integrator client's token (POST /oauth/token at the gateway): its client id
   * (`cid`) and the secret version it was issued under (`sv`). Only the hub's own tokens carry
   * them; the gateway enforces the client's registration on every request.
   */
  client?: { id: string; secretVersion: number };
}

/** Roles that act for one Federation and are scoped to its jurisdiction: their tokens must name it. */
export const FEDERATION_ROLES: readonly Role[] = ['FEDERATION_OFFICER', 'ADMIN'];

/**
 * The Federation a hub-signed token of an officer or admin names when its identity names none
 * (dev tokens, npm run token, tests): the seed's 嘉兴市工商业联合会 (seedOrganizationId('federation');
 * test/unit/jurisdiction-claim.test.ts keeps the two equal).
 */
export const DEV_FEDERATION_ID = '386fe1fd-9155-565c-bbf5-667a86b0908b';

const key = (secret: string) => new TextEncoder().encode(secret);
/** The `iss` of the hub's own tokens (signToken): HS256 with JWT_SECRET. */
export const HUB_ISSUER = 'chamber-federation-hub';
/** An OIDC issuer signs with a key pair; its public keys come from its JWKS (never a shared secret). */
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
/** Clocks of the issuer and the hub may differ a little, not more. */
export const CLOCK_TOLERANCE_S = 30;

/**
 * `claims` adds to the token (e.g. a display name for the console); it cannot replace sub, roles,
 * orgs or fed. An officer's or admin's token names its Federation: the identity's, else DEV_FEDERATION_ID.
 */
export async function signToken(
  identity: Identity,
  secret: string,
  expiresIn = '12h',
  claims: Record<string, unknown> = {},
): Promise<string> {
  const fed =
    identity.federationId ?? (identity.roles.some((r) => FEDERATION_ROLES.includes(r)) ? DEV_FEDERATION_ID : undefined);
  return new SignJWT({ ...claims, roles: identity.roles, orgs: identity.organizationIds, ...(fed ? { fed } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.subject)
    .setIssuer(HUB_ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** How long a dev token lives (npm start's printed tokens, dev sign-in): 12 hours, or less when tokens may not live that long. */
export const devTokenLifetime = (maxLifetimeMs: number): string =>
  `${Math.min(12 * 3600, Math.floor(maxLifetimeMs / 1000))}s`;

/** Proves a bearer token: the identity it carries, or UNAUTHENTICATED / FORBIDDEN (see tokenVerifier). */
export type TokenVerifier = (token: string) => Promise<Identity>;

/**
 * The one verifier of a process, built from its settings. It trusts two issuers, picked by the
 * token's (still unverified) `iss`: the hub itself (HS256 with JWT_SECRET: dev tokens, the
 * worker's service tokens, npm run token) and, when OIDC_ISSUER is set, that issuer (its JWKS,
 * asymmetric algorithms only, OIDC_AUDIENCE checked). Any other issuer is refused by name.
 * UNAUTHENTICATED (HTTP 401) for a token that is malformed, badly signed, expired, from an
 * untrusted issuer, without subject, or whose orgs are not organization ids, and when the
 * issuer's keys cannot be fetched; FORBIDDEN (403) for a valid token that grants none of the
 * hub's roles (it proves who, but allows nothing).
 */
export function tokenVerifier(
  settings: Pick<HubConfig, 'jwtSecret' | 'oidc' | 'tokenMaxLifetimeMs'>,
  shared: { issuer?: OidcIssuer } = {},
): TokenVerifier {
  const secret = key(settings.jwtSecret);
  // The gateway hands in the issuer its console endpoints use: one discovery and key cache.
  const oidc = settings.oidc ? (shared.issuer ?? new OidcIssuer(settings.oidc)) : undefined;
  return remembered(async (token) => {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch (error) {
      throw unauthenticated(`The bearer token is not valid: ${(error as Error).message}`);
    }
    if (issuer === HUB_ISSUER) {
      const { payload } = await verified(() =>
        jwtVerify(token, secret, { algorithms: ['HS256'], issuer: HUB_ISSUER, requiredClaims: ['exp', 'iat'] }),
      );
      checkLifetime(payload, settings.tokenMaxLifetimeMs);
      const identity = identityOf(payload, { roles: 'roles', orgs: 'orgs', federation: 'fed' }, ROLES);
      return payload.cid === undefined ? identity : { ...identity, client: clientOf(payload) };
    }
    if (oidc && issuer === oidc.settings.issuer) {
      const { payload } = await verified(() =>
        jwtVerify(token, oidc.keys, {
          algorithms: ASYMMETRIC_ALGORITHMS,
          issuer: oidc.settings.issuer,
          audience: oidc.settings.audience,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp'],
        }),
      );
      checkLifetime(payload, settings.tokenMaxLifetimeMs);
      // SYSTEM is the worker's service identity: only the hub's own secret grants it.
      return identityOf(
        payload,
        { roles: oidc.settings.rolesClaim, orgs: oidc.settings.orgsClaim, federation: oidc.settings.federationClaim },
        ROLES.filter((r) => r !== 'SYSTEM'),
      );
    }
    const trusted = [HUB_ISSUER, ...(oidc ? [oidc.settings.issuer] : [])].map((i) => `"${i}"`).join(', ');
    throw unauthenticated(
      `The bearer token is not valid: its issuer ${issuer === undefined ? '(none)' : `"${issuer}"`} is not trusted by the hub (trusted: ${trusted})`,
    );
  });
}

/** How long a proven token is taken on trust at most (also bounds a key the issuer has since withdrawn). */
export const PROVEN_TOKEN_TTL_MS = 5 * 60_000;
const PROVEN_TOKEN_LIMIT = 10_000;

/**
 * Every request of a client carries the same token, and each process (gateway, then subgraph)
 * verified its signature again: 0.2-0.4 ms of CPU a request (issue 12's profile). A token once
 * proven is remembered until it expires, at most PROVEN_TOKEN_TTL_MS; refusals are not kept.
 */
function remembered(verify: TokenVerifier): TokenVerifier {
  const proven = new Map<string, { identity: Identity; until: number }>();
  return async (token) => {
    const now = Date.now();
    const known = proven.get(token);
    if (known && known.until > now) return known.identity;
    if (known) proven.delete(token);
    const identity = await verify(token);
    const expires = decodeJwt(token).exp;
    const until = Math.min(now + PROVEN_TOKEN_TTL_MS, expires === undefined ? Infinity : expires * 1000);
    if (proven.size >= PROVEN_TOKEN_LIMIT) proven.delete(proven.keys().next().value!); // the oldest
    proven.set(token, { identity, until });
    return identity;
  };
}

async function verified<T>(verify: () => Promise<T>): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    if (error instanceof IssuerKeysUnavailable) throw unauthenticated(error.message);
    throw unauthenticated(`The bearer token is not valid: ${(error as Error).message}`);
  }
}

/**
 * A token must end (exp, required) and may not live longer than TOKEN_MAX_LIFETIME_HOURS
 * (exp - iat; from now when an OIDC token has no iat), nor be issued in the future beyond the
 * clocks' tolerance: a token with no end, or minted for tomorrow, would outlive any revocation.
 */
export function checkLifetime(payload: JWTPayload, maxLifetimeMs: number, now = Date.now()): void {
  const nowS = Math.floor(now / 1000);
  const { exp, iat } = payload;
  if (typeof exp !== 'number') throw unauthenticated('The bearer token is not valid: it has no expiry (exp)');
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowS + CLOCK_TOLERANCE_S))
    throw unauthenticated('The bearer token is not valid: it was issued in the future (iat)');
  const lifetimeS = exp - (iat ?? nowS);
  const maxS = Math.floor(maxLifetimeMs / 1000);
  if (lifetimeS > maxS)
    throw unauthenticated(
      `The bearer token is not valid: it lives ${Math.round(lifetimeS / 360) / 10} hours, longer than the hub allows (${Math.round(maxS / 360) / 10} hours, TOKEN_MAX_LIFETIME_HOURS)`,
    );
}

/** An integrator client's claims: a client id and the whole number of its secret's version. */
function clientOf(payload: JWTPayload): { id: string; secretVersion: number } {
  const { cid, sv } = payload;
  if (typeof cid !== 'string' || !cid || typeof sv !== 'number' || !Number.isInteger(sv))
    throw unauthenticated('The bearer token is not valid: its client claims (cid, sv) are malformed');
  return { id: cid, secretVersion: sv };
}

/** A claim by name or dotted path (realm_access.roles). */
function claim(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, name) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined),
      payload,
    );
}

/** Where a token keeps the roles, the organisations and the Federation. */
interface ClaimNames {
  roles: string;
  orgs: string;
  federation: string;
}

function identityOf(
  payload: JWTPayload,
  { roles: rolesClaim, orgs: orgsClaim, federation: federationClaim }: ClaimNames,
  grantable: readonly Role[],
): Identity {
  if (!payload.sub) throw unauthenticated('The bearer token is not valid: no subject');
  const orgs = claim(payload, orgsClaim) ?? [];
  if (!Array.isArray(orgs) || orgs.some((o) => typeof o !== 'string' || !UUID_PATTERN.test(o))) {
    throw unauthenticated(
      `The bearer token is not valid: its ${orgsClaim} claim must be a list of organization ids (UUIDs)`,
    );
  }
  // Role names in any case ("approver" from an issuer's group names); a space-separated string too.
  const raw = claim(payload, rolesClaim);
  const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const roles = [
    ...new Set(names.filter((r): r is string => typeof r === 'string').map((r) => r.toUpperCase())),
  ].filter((r): r is Role => grantable.includes(r as Role));
  if (roles.length === 0) {
    throw new HubError(
      'FORBIDDEN',
      `The bearer token grants none of the hub's roles (${grantable.join(', ')}) in its ${rolesClaim} claim`,
      { http: { status: 403 } },
    );
  }
  const federation = claim(payload, federationClaim);
  if (federation !== undefined && (typeof federation !== 'string' || !UUID_PATTERN.test(federation)))
    throw unauthenticated(
      `The bearer token is not valid: its ${federationClaim} claim must be the organization id (UUID) of a Federation`,
    );
  const scoped = roles.filter((r) => FEDERATION_ROLES.includes(r));
  if (scoped.length && federation === undefined) {
    throw new HubError(
      'FORBIDDEN',
      `The bearer token grants ${scoped.join(', ')} but names no Federation in its ${federationClaim} claim; an officer's or admin's token must carry the organization id of the Federation they work for`,
      { http: { status: 403 } },
    );
  }
  return {
    subject: payload.sub,
    roles,
    organizationIds: (orgs as string[]).map((o) => o.toLowerCase()),
    ...(federation ? { federationId: federation.toLowerCase() } : {}),
  };
}

/** Reads "Authorization: Bearer <jwt>"; undefined when the header is absent. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export async function identify(header: string | string[] | undefined, verify: TokenVerifier): Promise<Identity> {
  const token = bearerToken(header);
  if (!token) throw unauthenticated();
  return verify(token);
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return identity.roles.some((r) => roles.includes(r));
}
