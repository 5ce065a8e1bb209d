import { badInput } from '../../common/errors.js';

/** A broken rule: the input field it concerns and what is wrong, in words a clerk can act on. */
export interface RuleViolation {
  field: string;
  message: string;
}

/** The edge of the API: the first violation becomes BAD_USER_INPUT naming its field. */
export function refuseViolations(violations: readonly RuleViolation[]): void {
  const first = violations[0];
  if (first) throw badInput(first.message, first.field);
}

/** Texts longer than the registry keeps: `limits` maps a field to [its value, the longest allowed]. */
export function lengthViolations(limits: Record<string, [string | null | undefined, number]>): RuleViolation[] {
  return Object.entries(limits)
    .filter(([, [value, max]]) => value != null && value.length > max)
    .map(([field, [, max]]) => ({ field, message: `${field} must be at most ${max} characters` }));
}
