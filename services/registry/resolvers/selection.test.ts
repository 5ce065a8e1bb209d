import { describe, expect, it } from 'vitest';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { asksFor } from './selection.js';

/** The info a resolver of the operation's first field's first subfield would get. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const top = operation.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(parsed.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [(d as FragmentDefinitionNode).name.value, d]));
  return { fieldNodes: [top.selectionSet!.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('asksFor', () => {
  it('sees fields asked directly, in inline fragments and in named fragments (once each)', () => {
    expect(asksFor(infoOf('{ organization { relationships { type from { name } } } }'), ['from', 'to'])).toBe(true);
    expect(asksFor(infoOf('{ organization { relationships { type validFrom } } }'), ['from', 'to'])).toBe(false);
    expect(asksFor(infoOf('{ organization { relationships { ... on Relationship { to { id } } } } }'), ['from', 'to'])).toBe(true);
    expect(asksFor(infoOf('{ organization { relationships { ...E } } } fragment E on Relationship { type ...F } fragment F on Relationship { from { id } }'), ['from'])).toBe(true);
    expect(asksFor(infoOf('{ organization { relationships { ...E } } } fragment E on Relationship { type }'), ['from'])).toBe(false);
  });

  it('does not look below the field\'s own selection', () => {
    expect(asksFor(infoOf('{ organization { relationships { attributes } } }'), ['name'])).toBe(false);
  });
});
