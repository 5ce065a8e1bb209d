import type { RuleViolation } from './violation.js';

export interface PersonDraft {
  name: string;
}

export function personViolations(draft: PersonDraft): RuleViolation[] {
  return draft.name.trim() === '' ? [{ field: 'name', message: 'name must not be empty' }] : [];
}
