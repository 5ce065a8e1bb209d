import { describe, expect, it } from 'vitest';
import { overlappingDuplicate, relationshipViolations, sameEdge, type EdgeDraft } from './relationship.js';
import { RelationshipType as R } from '../entities/kinds.js';
import { SEED_EDGES } from '../../../infra/seed/registry-data.js';

const edge = (type: R, fromId: string, toId: string, validFrom: string, validTo: string | null = null): EdgeDraft => ({
  type,
  fromId,
  toId,
  validFrom,
  validTo,
});

describe('relationship rules', () => {
  it('refuses an edge from an organization to itself, and an end before the start', () => {
    expect(relationshipViolations(edge(R.MEMBER_OF, 'a', 'a', '2020-01-01', '2019-01-01')).map((v) => v.field)).toEqual(
      ['toId', 'validTo'],
    );
    expect(relationshipViolations(edge(R.MEMBER_OF, 'a', 'b', '2020-01-01'))).toEqual([]);
  });

  it('treats a pairing in the reverse direction as the same edge, a directed edge not', () => {
    expect(sameEdge(edge(R.BANK_PAIRING, 'a', 'b', '2020-01-01'), edge(R.BANK_PAIRING, 'b', 'a', '2020-01-01'))).toBe(
      true,
    );
    expect(
      sameEdge(edge(R.ASSISTANCE_PAIRING, 'a', 'b', '2020-01-01'), edge(R.ASSISTANCE_PAIRING, 'b', 'a', '2020-01-01')),
    ).toBe(true);
    expect(sameEdge(edge(R.SUPERVISES, 'a', 'b', '2020-01-01'), edge(R.SUPERVISES, 'b', 'a', '2020-01-01'))).toBe(
      false,
    );
    expect(sameEdge(edge(R.SUPERVISES, 'a', 'b', '2020-01-01'), edge(R.MEMBER_OF, 'a', 'b', '2020-01-01'))).toBe(false);
  });

  it('finds a duplicate only where the periods intersect', () => {
    const existing = [{ ...edge(R.BANK_PAIRING, 'a', 'b', '2019-06-01', '2020-05-31'), id: 'old' }];
    expect(overlappingDuplicate(edge(R.BANK_PAIRING, 'b', 'a', '2020-05-31'), existing)?.id).toBe('old');
    expect(overlappingDuplicate(edge(R.BANK_PAIRING, 'b', 'a', '2020-06-01'), existing)).toBeUndefined();
    expect(overlappingDuplicate(edge(R.BANK_PAIRING, 'a', 'c', '2019-06-01'), existing)).toBeUndefined();
  });

  it('holds for the seed: no self edges, no overlapping duplicates', () => {
    const drafts = SEED_EDGES.map((e, i) => ({
      ...edge(e.type, e.from, e.to, e.validFrom, e.validTo ?? null),
      id: String(i),
    }));
    for (const draft of drafts) {
      expect(relationshipViolations(draft), draft.id).toEqual([]);
      expect(
        overlappingDuplicate(
          draft,
          drafts.filter((d) => d.id !== draft.id),
        ),
        `${draft.type} ${draft.fromId}→${draft.toId}`,
      ).toBeUndefined();
    }
  });
});
