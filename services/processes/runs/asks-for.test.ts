import { describe, expect, it } from 'vitest';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { asksFor } from './resolvers.js';

// processRuns counts by status only when asked to: the selection decides, through fragments too.
const infoOf = (query: string): GraphQLResolveInfo => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
};
const counts = ['totalCount', 'countsByStatus'];

describe('asksFor', () => {
  it('sees the counts asked for directly, in an inline fragment or a named one', () => {
    expect(asksFor(infoOf('{ processRuns { edges { node { id } } } }'), counts)).toBe(false);
    expect(asksFor(infoOf('{ processRuns { totalCount edges { node { id } } } }'), counts)).toBe(true);
    expect(asksFor(infoOf('{ processRuns { ... on ProcessRunConnection { countsByStatus { status } } } }'), counts)).toBe(true);
    expect(asksFor(infoOf('{ processRuns { ...C } } fragment C on ProcessRunConnection { pageInfo { hasNextPage } }'), counts)).toBe(false);
    expect(asksFor(infoOf('{ processRuns { ...C } } fragment C on ProcessRunConnection { totalCount }'), counts)).toBe(true);
  });
  it('counts when it cannot tell (no info: an internal caller)', () => {
    expect(asksFor(undefined, counts)).toBe(true);
  });
});
