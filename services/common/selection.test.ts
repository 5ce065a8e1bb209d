import { describe, expect, it } from 'vitest';
import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { asksFor } from './selection.js';

/** The info the resolver of the field at `depth` (1: the operation's first field, 2: its first subfield) would get. */
function infoOf(query: string, depth = 1): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  let field = operation.selectionSet.selections[0] as FieldNode;
  for (let level = 1; level < depth; level++) field = field.selectionSet!.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('asksFor', () => {
  // processRuns counts by status only when asked to.
  const counts = ['totalCount', 'countsByStatus'];
  it('sees the counts asked for directly, in an inline fragment or a named one', () => {
    expect(asksFor(infoOf('{ processRuns { edges { node { id } } } }'), counts)).toBe(false);
    expect(asksFor(infoOf('{ processRuns { totalCount edges { node { id } } } }'), counts)).toBe(true);
    expect(
      asksFor(infoOf('{ processRuns { ... on ProcessRunConnection { countsByStatus { status } } } }'), counts),
    ).toBe(true);
    expect(
      asksFor(
        infoOf('{ processRuns { ...C } } fragment C on ProcessRunConnection { pageInfo { hasNextPage } }'),
        counts,
      ),
    ).toBe(false);
    expect(asksFor(infoOf('{ processRuns { ...C } } fragment C on ProcessRunConnection { totalCount }'), counts)).toBe(
      true,
    );
  });
  it('says yes when it cannot tell (no info: an internal caller)', () => {
    expect(asksFor(undefined, counts)).toBe(true);
  });

  // Organization.relationships reads the edges' ends with them when they are asked for.
  it('sees the ends of edges through nested fragments, each looked into once', () => {
    expect(asksFor(infoOf('{ organization { relationships { type from { name } } } }', 2), ['from', 'to'])).toBe(true);
    expect(asksFor(infoOf('{ organization { relationships { type validFrom } } }', 2), ['from', 'to'])).toBe(false);
    expect(
      asksFor(infoOf('{ organization { relationships { ... on Relationship { to { id } } } } }', 2), ['from', 'to']),
    ).toBe(true);
    expect(
      asksFor(
        infoOf(
          '{ organization { relationships { ...E } } } fragment E on Relationship { type ...F } fragment F on Relationship { from { id } }',
          2,
        ),
        ['from'],
      ),
    ).toBe(true);
    expect(
      asksFor(infoOf('{ organization { relationships { ...E } } } fragment E on Relationship { type }', 2), ['from']),
    ).toBe(false);
  });
  it("does not look below the field's own selection", () => {
    expect(asksFor(infoOf('{ organization { relationships { attributes } } }', 2), ['name'])).toBe(false);
  });
});
