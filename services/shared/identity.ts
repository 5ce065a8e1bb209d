import { jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from './errors.js';

// Who is calling: verified from the bearer JWT at the gateway and again in each subgraph,
// so a subgraph reached directly is no back door.
// FEDERATION_OFFICER decides the Federation's own tasks; SYSTEM is the worker's service identity.
export const ROLES = ['INTEGRATOR', 'APPROVER', 'ADMIN', 'FEDERATION_OFFICER', 'SYSTEM'] as const;
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

export async function verifyToken(token: string, secret: string): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], issuer: ISSUER });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    const orgs = Array.isArray(payload.orgs) ? payload.orgs.filter((o): o is string => typeof o === 'string') : [];
    if (!payload.sub) throw new Error('no subject');
    return { subject: payload.sub, roles, organizationIds: orgs };
  } catch (error) {
    throw unauthenticated(`The bearer token is not valid: ${(error as Error).message}`);
  }
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
