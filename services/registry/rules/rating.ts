import { OrganizationKind, SOCIAL_ORGANIZATION_KINDS } from '../entities/kinds.js';
import { endBeforeStart } from './period.js';
import type { RuleViolation } from './violation.js';

// Grades (社会组织评估等级) and honours (e.g. 四好商会) awarded to organizations.

export interface RatingDraft {
  organizationKind: OrganizationKind;
  awardedOn: string;
  revokedOn?: string | null;
}

export function ratingViolations(draft: RatingDraft): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (!SOCIAL_ORGANIZATION_KINDS.includes(draft.organizationKind)) {
    problems.push({
      field: 'organizationId',
      message: `only a social organization (${SOCIAL_ORGANIZATION_KINDS.join(', ')}) can be graded 1A-5A; this one is a ${draft.organizationKind}`,
    });
  }
  return [...problems, ...endBeforeStart(draft.awardedOn, draft.revokedOn, { start: 'awardedOn', end: 'revokedOn' })];
}

/** The first year an honour can be for: the People's Republic's federations date from then. */
export const FIRST_HONOUR_YEAR = 1949;

export interface HonourDraft {
  year: number;
  title: string;
}

/** `currentYear` is the Federation's (todayInChina); an honour is for a year that has begun. */
export function honourViolations(draft: HonourDraft, currentYear: number): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (draft.year < FIRST_HONOUR_YEAR || draft.year > currentYear) {
    problems.push({
      field: 'year',
      message: `year must be between ${FIRST_HONOUR_YEAR} and ${currentYear}, not ${draft.year}`,
    });
  }
  if (draft.title.trim() === '') problems.push({ field: 'title', message: 'title must not be empty' });
  return problems;
}
