import { RelationshipType } from '../entities/kinds.js';
import { periodsOverlap, periodViolations, type Period } from './period.js';
import type { RuleViolation } from './violation.js';

// Invariants of an edge between two organizations.

/** Pairings are mutual: A paired with B is the same pairing as B paired with A. */
export const SYMMETRIC_TYPES: ReadonlySet<RelationshipType> = new Set([
  RelationshipType.BANK_PAIRING,
  RelationshipType.COLLEGE_PARTNERSHIP,
  RelationshipType.ASSISTANCE_PAIRING,
]);

export interface EdgeDraft extends Period {
  type: RelationshipType;
  fromId: string;
  toId: string;
}

export function relationshipViolations(edge: EdgeDraft): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (edge.fromId === edge.toId)
    problems.push({ field: 'toId', message: 'an organization cannot have a relationship with itself' });
  return [...problems, ...periodViolations(edge)];
}

/** The same edge: same type and ends, or the ends swapped for a pairing. */
export function sameEdge(a: EdgeDraft, b: EdgeDraft): boolean {
  if (a.type !== b.type) return false;
  if (a.fromId === b.fromId && a.toId === b.toId) return true;
  return SYMMETRIC_TYPES.has(a.type) && a.fromId === b.toId && a.toId === b.fromId;
}

/** An existing edge that `edge` would duplicate: the same edge over an overlapping period. */
export function overlappingDuplicate<E extends EdgeDraft>(edge: EdgeDraft, existing: readonly E[]): E | undefined {
  return existing.find((other) => sameEdge(edge, other) && periodsOverlap(edge, other));
}
