import { jwtVerify, SignJWT } from 'jose';
import { HubError, unauthenticated } from './errors.js';
import { UUID_PATTERN } from './ids.js';

// Who is calling: verified from the bearer JWT at the gateway and again in each subgraph,
// so a subgraph reached directly is no back door.
// FEDERATION_OFFICER decides the Federation's own tasks; AGENCY_OFFICER and AGENCY_HEAD act for a government
// agency (within its organisation id) in procurement; SYSTEM is the worker's service identity.
export const ROLES = ['INTEGRATOR', 'APPROVER', 'ADMIN', 'FEDERATION_OFFICER', 'AGENCY_OFFICER', 'AGENCY_HEAD', 'SYSTEM'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  subject: string;
  roles: Role[];
  /** Organizations the caller acts for (an approver decides only their tasks). */
  organizationIds: string[];
}

const key = (secret: string) => new TextEncoder().encode(secret);
const ISSUER = 'chamber-federation-hub';

export async function signToken(identity: Identity, secret: string, expiresIn = '12h'): Promise<string> {
  return new SignJWT({ roles: identity.roles, orgs: identity.organizationIds })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.subject)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/**
 * The identity a token proves, or UNAUTHENTICATED (HTTP 401) for a token that is missing, badly
 * signed, expired, without subject, or whose `orgs` are not organization ids; FORBIDDEN (403)
 * for a valid token that grants none of the hub's roles (it proves who, but allows nothing).
 */
export async function verifyToken(token: string, secret: string): Promise<Identity> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], issuer: ISSUER }));
  } catch (error) {
    throw unauthenticated(`The bearer token is not valid: ${(error as Error).message}`);
  }
  if (!payload.sub) throw unauthenticated('The bearer token is not valid: no subject');
  const orgs = payload.orgs ?? [];
  if (!Array.isArray(orgs) || orgs.some((o) => typeof o !== 'string' || !UUID_PATTERN.test(o))) {
    throw unauthenticated('The bearer token is not valid: its orgs claim must be a list of organization ids (UUIDs)');
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (roles.length === 0) {
    throw new HubError('FORBIDDEN', `The bearer token grants none of the hub's roles (${ROLES.join(', ')})`, { http: { status: 403 } });
  }
  return { subject: payload.sub, roles, organizationIds: (orgs as string[]).map((o) => o.toLowerCase()) };
}

/** Reads "Authorization: Bearer <jwt>"; undefined when the header is absent. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export async function identify(header: string | string[] | undefined, secret: string): Promise<Identity> {
  const token = bearerToken(header);
  if (!token) throw unauthenticated();
  return verifyToken(token, secret);
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return identity.roles.some((r) => roles.includes(r));
}
