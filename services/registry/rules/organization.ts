import { creditCodeProblem } from '../credit-code.js';
import { regionName } from '../regions.js';
import { OrganizationKind } from '../entities/kinds.js';
import type { RuleViolation } from './violation.js';

// Invariants of an organization record, as plain functions the resolvers and the seed share.

export type { RuleViolation } from './violation.js';

export interface OrganizationDraft {
  name: string;
  kind: OrganizationKind;
  regionCode: string;
  homeRegionCode?: string | null;
  creditCode?: string | null;
}

export function organizationViolations(draft: OrganizationDraft): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (draft.name.trim().length === 0) problems.push({ field: 'name', message: 'name must not be empty' });
  if (!regionName(draft.regionCode)) {
    problems.push({
      field: 'regionCode',
      message: `"${draft.regionCode}" is not a region code the registry knows (GB/T 2260)`,
    });
  }
  if (draft.homeRegionCode != null) {
    if (draft.kind !== OrganizationKind.OUT_OF_TOWN_CHAMBER) {
      problems.push({ field: 'homeRegionCode', message: 'only an out-of-town chamber (异地商会) has a home region' });
    } else if (!regionName(draft.homeRegionCode)) {
      problems.push({
        field: 'homeRegionCode',
        message: `"${draft.homeRegionCode}" is not a region code the registry knows (GB/T 2260)`,
      });
    }
  }
  if (draft.creditCode != null) {
    const problem = creditCodeProblem(draft.creditCode);
    if (problem) problems.push({ field: 'creditCode', message: problem });
  }
  return problems;
}
