import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

// What the answer asks of the field being resolved, read from the query document, so a resolver
// can fetch together what would otherwise take a second round trip.

/** Whether the field's own selection (through fragments too) holds one of `names`. */
export function asksFor(info: GraphQLResolveInfo, names: string[]): boolean {
  const wanted = new Set(names);
  const seen = new Set<string>(); // fragment names already looked into
  const holds = (set: SelectionSetNode | undefined): boolean =>
    !!set && set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return wanted.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return holds(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return holds(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node) => holds(node.selectionSet));
}
