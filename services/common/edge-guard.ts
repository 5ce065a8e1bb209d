import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { HubError } from './errors.js';

// Checks every request at the edge, once, before any resolver sees it (gateway and subgraphs):
// - no text may carry a NUL byte or a lone UTF-16 surrogate: PostgreSQL refuses the first
//   and JSON/UTF-8 encoders the second, deep inside a resolver, as an internal error;
// - the operation's type must be one the schema serves (`subscription { __typename }` passed
//   validation, as graphql has no rule for a missing root type, and failed in execution).
// Either is BAD_USER_INPUT (HTTP 400), naming the argument or input field in extensions.field.

const NUL = '\u0000';

/** Why a text value is refused, or undefined when it is fine. */
export function badText(value: string): string | undefined {
  if (value.includes(NUL)) return 'contains a NUL character (\\u0000)';
  // ES2024's native check for a lone surrogate (a regex with lookbehind here cost 2% of a request).
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed())
    return 'contains a lone UTF-16 surrogate, which is not text';
  return undefined;
}

function refuse(field: string, reason: string): never {
  throw new HubError('BAD_USER_INPUT', `The value of ${field} ${reason}`, { field, http: { status: 400 } });
}

/** Walks a variable's value (objects, lists); `field` is the innermost input field name. */
function checkValue(value: unknown, field: string): void {
  if (typeof value === 'string') {
    const reason = badText(value);
    if (reason) refuse(field, reason);
  } else if (Array.isArray(value)) {
    for (const item of value) checkValue(item, field);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const reason = badText(key);
      if (reason) refuse(field, reason);
      checkValue(item, key);
    }
  }
}

/** The argument or input field a node sits in, for extensions.field. */
function fieldOf(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as ASTNode;
    if (node && 'kind' in node && (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD))
      return node.name.value;
  }
  return undefined;
}

/** What a document's own text says: its first bad literal, and the argument each variable feeds. */
interface DocumentText {
  refusal?: { field: string; reason: string };
  usedAs: Map<string, string>;
}

// Apollo Server keeps parsed documents in its cache: the same text comes back as the same
// DocumentNode, so its literals are walked once and only the variables are checked per request.
const examined = new WeakMap<DocumentNode, DocumentText>();

function examine(document: DocumentNode): DocumentText {
  const known = examined.get(document);
  if (known) return known;
  const text: DocumentText = { usedAs: new Map() };
  visit(document, {
    // graphql's `ancestors` stop above the parent, which is often the Argument itself.
    StringValue(node, _key, parent, _path, ancestors) {
      const reason = badText(node.value);
      if (!reason) return undefined;
      text.refusal = { field: fieldOf([...ancestors, parent as ASTNode]) ?? 'a string', reason };
      return BREAK;
    },
    Variable(node, _key, parent, _path, ancestors) {
      const field = fieldOf([...ancestors, parent as ASTNode]);
      if (field && !text.usedAs.has(node.name.value)) text.usedAs.set(node.name.value, field);
    },
  });
  examined.set(document, text);
  return text;
}

/** Refuses bad text in the document's string literals and in the variables it uses. */
export function checkDocumentText(document: DocumentNode, variables: Record<string, unknown> = {}): void {
  const { refusal, usedAs } = examine(document);
  if (refusal) refuse(refusal.field, refusal.reason);
  for (const [name, value] of Object.entries(variables ?? {})) checkValue(value, usedAs.get(name) ?? name);
}

export function edgeGuard<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (operation && !schema.getRootType(operation.operation)) {
            throw new HubError(
              'BAD_USER_INPUT',
              `This API serves no ${operation.operation} operations; send a query or a mutation`,
              { http: { status: 400 } },
            );
          }
          checkDocumentText(document, request.variables);
        },
      };
    },
  };
}
