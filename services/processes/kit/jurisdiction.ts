import { hasRole, type Identity } from '../../common/identity.js';
import { todayInChina } from '../../common/dates.js';
import type { ProcessesContext } from './context.js';

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
