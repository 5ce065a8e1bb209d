import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

// Who is signed in: the bearer token the gateway verifies, and what its claims say (roles and
// organisations decide which pages show; the gateway and subgraphs decide what is allowed).
// Kept in sessionStorage: a tab's sign-in ends with the tab, and no cookie means no CSRF.
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

export interface Session {
  token: string;
  subject: string;
  /** A name to show: the token's name claim, else the subject. */
  name: string;
  roles: Role[];
  organizationIds: string[];
  expiresAt: number;
  /** How the token was obtained, so sign-out can end an OIDC session too. */
  method: 'dev' | 'oidc';
}

const STORAGE_KEY = 'console.session';

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The session a token describes (not verified here: the gateway does that on every request). */
export function sessionFromToken(
  token: string,
  method: Session['method'],
  claimNames = { roles: 'roles', orgs: 'orgs' },
): Session {
  const payload = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const claim = (path: string) =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload);
  const rawRoles = claim(claimNames.roles);
  const rawOrgs = claim(claimNames.orgs);
  const roles = (Array.isArray(rawRoles) ? rawRoles : [])
    .map((r) => String(r).toUpperCase())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return {
    token,
    subject: text(payload.sub),
    name: text(payload.name) || text(payload.preferred_username) || text(payload.sub),
    roles,
    organizationIds: Array.isArray(rawOrgs) ? rawOrgs.map(String) : [],
    expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Number.MAX_SAFE_INTEGER,
    method,
  };
}

function storedSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

interface SessionState {
  session?: Session;
  signIn(session: Session): void;
  signOut(reason?: string): void;
  /** Why the last session ended (shown on the sign-in page). */
  endReason?: string;
}

const SessionContext = createContext<SessionState>({ signIn: () => undefined, signOut: () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const [endReason, setEndReason] = useState<string>();
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setEndReason(undefined);
    setSession(next);
  }, []);
  const signOut = useCallback((reason?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setEndReason(reason);
    setSession(undefined);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut, endReason }), [session, signIn, signOut, endReason]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** The token read outside React (the Apollo link). */
export const currentToken = () => storedSession()?.token;

export function hasRole(session: Session | undefined, ...roles: Role[]): boolean {
  return !!session && session.roles.some((r) => roles.includes(r));
}
