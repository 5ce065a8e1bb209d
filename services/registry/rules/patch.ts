import type { RuleViolation } from './violation.js';

// An update mutation takes a patch: a field left out keeps its value, null clears it.

/** The fields the patch sets (null included), without the ones it leaves out. */
export function patchedFields<P extends object>(patch: P): Partial<P> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<P>;
}

/** A required field cannot be cleared; null for it is refused rather than read as "keep". */
export function clearedRequired(patch: object, required: readonly string[]): RuleViolation[] {
  return required
    .filter((field) => (patch as Record<string, unknown>)[field] === null)
    .map((field) => ({ field, message: `${field} is required; it can be changed but not cleared` }));
}
