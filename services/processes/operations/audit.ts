import type { ProcessesContext } from '../kit/context.js';
import { RunAudit } from '../kit/run-audit.js';
import { textProblem } from '../kit/text.js';
import { badInput } from '../../common/errors.js';

// Every admin operation leaves an audit entry: written (REQUESTED) before anything is sent, so
// an operation that crashes half-way is still on record, then marked DONE or FAILED.

/** A reason is required (the operations are ADMIN's: @Authorized). Runs `work` and records its outcome; returns both. */
export async function audited<T>(
  ctx: ProcessesContext,
  entry: { action: string; target: string; reason: string; details?: Record<string, unknown> },
  work: () => Promise<T>,
): Promise<{ value: T; audit: RunAudit }> {
  const problem = textProblem(entry.reason, 'reason', 1000);
  if (problem) throw badInput(`${problem.message}: every admin operation says why`, problem.field);
  const em = ctx.em.fork();
  const audit = em.create(RunAudit, {
    actor: ctx.identity.subject,
    action: entry.action,
    target: entry.target,
    reason: entry.reason,
    details: entry.details ?? null,
    federationId: ctx.identity.federationId ?? null,
  });
  await em.flush();
  try {
    const value = await work();
    audit.outcome = 'DONE';
    return { value, audit };
  } catch (error) {
    audit.outcome = 'FAILED';
    audit.error = (error as Error).message.slice(0, 2000);
    throw error;
  } finally {
    await em.flush();
  }
}
