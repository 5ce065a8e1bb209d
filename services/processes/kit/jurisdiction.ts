import { hasRole, type Identity } from '../../common/identity.js';
import { todayInChina } from '../../common/dates.js';
import type { ProcessesContext } from './context.js';
import { forbidden, notFound } from '../../common/errors.js';

// Process records by jurisdiction (docs/jurisdiction.md): an officer or admin sees and keeps the
// records (an enrollment, an application, a candidacy, a procurement, a view, a schedule's run)
// of organisations their Federation supervises today, of common ground, and of no organisation.
// The registry says which organisations are another Federation's, once per request.

/** The Federation whose jurisdiction bounds the caller's records, or undefined (the worker, approvers, integrators). */
export function recordsFederation(identity: Identity): string | undefined {
  if (hasRole(identity, 'SYSTEM')) return undefined;
  if (!hasRole(identity, 'ADMIN') && !hasRole(identity, 'FEDERATION_OFFICER')) return undefined;
  return identity.federationId;
}

const outsideByRequest = new WeakMap<object, Promise<string[]>>();

/** The organisations another Federation supervises and the caller's does not (none when unscoped); once a request. */
export function organizationsOutside(ctx: Pick<ProcessesContext, 'identity' | 'registry' | 'em'>): Promise<string[]> {
  const federation = recordsFederation(ctx.identity);
  if (!federation) return Promise.resolve([]);
  let outside = outsideByRequest.get(ctx.em);
  if (!outside) {
    outside = ctx.registry.organizationsOutsideJurisdiction(federation, todayInChina());
    outsideByRequest.set(ctx.em, outside);
  }
  return outside;
}

/** A MikroORM condition on an organisation id property: the caller's jurisdiction, or {} when unscoped. */
export async function organizationSeen<K extends string>(
  ctx: Pick<ProcessesContext, 'identity' | 'registry' | 'em'>,
  property: K,
): Promise<Record<K, { $nin: string[] }> | Record<string, never>> {
  const outside = await organizationsOutside(ctx);
  return outside.length ? ({ [property]: { $nin: outside } } as Record<K, { $nin: string[] }>) : {};
}

/** Whether the caller sees the organisation's records (no organisation: everyone does). */
export async function seesOrganization(
  ctx: Pick<ProcessesContext, 'identity' | 'registry' | 'em'>,
  organizationId: string | null | undefined,
): Promise<boolean> {
  if (!organizationId) return true;
  return !(await organizationsOutside(ctx)).includes(organizationId);
}

/** A record of an organisation the caller does not see is NOT_FOUND, as if there were none. */
export async function requireSeen(
  ctx: Pick<ProcessesContext, 'identity' | 'registry' | 'em'>,
  organizationId: string | null | undefined,
  missing: string,
): Promise<void> {
  if (!(await seesOrganization(ctx, organizationId))) throw notFound(missing);
}

/** Acting on a record of an organisation outside the caller's jurisdiction is FORBIDDEN, before anything changes. */
export async function requireKept(
  ctx: Pick<ProcessesContext, 'identity' | 'registry' | 'em'>,
  organizationId: string | null | undefined,
  what: string,
): Promise<void> {
  if (!(await seesOrganization(ctx, organizationId)))
    throw forbidden(`${what}所涉组织不在你所在工商联的管辖范围内，不能操作`);
}

/**
 * A condition on the Federation a row was made under (an audit entry's admin, a shared view's
 * owner): within the caller's jurisdiction, or from before Federations were recorded.
 */
export async function madeWithin(
  ctx: Pick<ProcessesContext, 'identity' | 'registry' | 'em'>,
): Promise<{ $or: [{ federationId: null }, { federationId: { $nin: string[] } }] } | Record<string, never>> {
  const outside = await organizationsOutside(ctx);
  return outside.length ? { $or: [{ federationId: null }, { federationId: { $nin: outside } }] } : {};
}
