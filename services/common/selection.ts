import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

// What the answer asks of the field being resolved, read from the query document, so a resolver
// can skip work nobody asked for (the runs' counts) or fetch together what would otherwise take
// a second round trip (a chamber's edges with their ends).

/** Whether the field's own selection (through fragments too) holds one of `names`; true when it cannot tell. */
export function asksFor(info: GraphQLResolveInfo | undefined, names: string[]): boolean {
  if (!info) return true;
  const wanted = new Set(names);
  const seen = new Set<string>(); // fragment names already looked into
  const holds = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return wanted.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return holds(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = info.fragments[name];
      return fragment ? holds(fragment.selectionSet) : true;
    });
  return info.fieldNodes.some((node) => holds(node.selectionSet));
}
