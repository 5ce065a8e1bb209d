import type { WorkflowExecutionDescription } from '@temporalio/client';
import { hasRole, type Identity } from '../../common/identity.js';
import { todayInChina } from '../../common/dates.js';
import { forbidden, notFound } from '../../common/errors.js';
import type { ProcessesContext } from '../kit/context.js';
import { ORGANIZATION_ID } from '../../../workflows/human-task/search-attributes.js';
import { toProcessRun } from './run.js';

// Runs by jurisdiction (docs/jurisdiction.md): a Federation's admin sees and operates the runs
// of organisations their Federation supervises today (HubOrganizationId), of common ground, and
// runs of no organisation; the worker (SYSTEM) and unscoped callers see every run. The
// registry says which organisations are another Federation's: lists exclude them in their
// visibility query, and one run is judged by the Federations that supervise its organisation.

/** The Federation whose jurisdiction bounds the caller's runs, or undefined. */
export function runsFederation(identity: Identity): string | undefined {
  if (hasRole(identity, 'SYSTEM') || !hasRole(identity, 'ADMIN')) return undefined;
  return identity.federationId;
}

/** The visibility clause of the runs the caller may see (undefined: all of them). */
export async function runsInJurisdiction(
  ctx: Pick<ProcessesContext, 'identity' | 'registry'>,
): Promise<string | undefined> {
  const federation = runsFederation(ctx.identity);
  if (!federation) return undefined;
  const outside = await ctx.registry.organizationsOutsideJurisdiction(federation, todayInChina());
  if (!outside.length) return undefined;
  // Ids are UUIDs the registry wrote: safe inside the query's quotes.
  const ids = outside.map((id) => `'${id}'`).join(', ');
  return `${ORGANIZATION_ID.name} IS NULL OR ${ORGANIZATION_ID.name} NOT IN (${ids})`;
}

/** Whether the caller may see and operate runs of the organization (none: every admin may). */
export async function organizationInJurisdiction(
  ctx: Pick<ProcessesContext, 'identity' | 'registry'>,
  organizationId: string | null | undefined,
): Promise<boolean> {
  const federation = runsFederation(ctx.identity);
  if (!federation || !organizationId) return true;
  const supervising = await ctx.registry.supervisingFederations(organizationId, todayInChina());
  return !supervising.length || supervising.includes(federation);
}

/** A run the caller may not see is NOT_FOUND, as if there were none. */
export async function requireRunSeen(
  ctx: Pick<ProcessesContext, 'identity' | 'registry'>,
  described: WorkflowExecutionDescription,
): Promise<void> {
  if (!(await organizationInJurisdiction(ctx, toProcessRun(described).organizationId)))
    throw notFound(`No run has workflow id ${described.workflowId}`);
}

/** An operation on a run of an organization outside the caller's jurisdiction is FORBIDDEN. */
export async function requireRunKept(
  ctx: Pick<ProcessesContext, 'identity' | 'registry'>,
  described: WorkflowExecutionDescription,
): Promise<void> {
  if (!(await organizationInJurisdiction(ctx, toProcessRun(described).organizationId)))
    throw forbidden(
      `运行 ${described.workflowId} 所涉组织不在你所在工商联的管辖范围内（它不监管该组织），不能操作该运行`,
    );
}
