import { GraphQLISODateTime } from 'type-graphql';
import { GraphQLJSON, GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import {
  GraphQLError,
  isScalarType,
  getNullableType,
  Kind,
  type ASTNode,
  type ASTVisitor,
  type GraphQLScalarType,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';

// The gateway builds its schema from the supergraph's SDL, where DateTimeISO, SafeInt, JSON and
// JSONObject are bare names: it took any value for them, planned the query, and the subgraph's
// validation then refused it with HTTP 400, which Apollo Gateway reports as an anonymous error
// (INTERNAL_SERVER_ERROR to the client). So the gateway checks them itself, with the very
// implementations the subgraphs use, before anything is planned:
// - variables through the scalars' parseValue (Apollo Gateway coerces the variables against this
//   schema first: BAD_USER_INPUT, HTTP 400, naming the variable and the path inside it);
// - literals through scalarLiteralRule, which names the argument or input field (extensions.field;
//   GRAPHQL_VALIDATION_FAILED, HTTP 400).
// The value the subgraph receives is the one the client sent: the checks return it unchanged.

const CHECKED: Record<string, GraphQLScalarType> = {
  DateTimeISO: GraphQLISODateTime,
  SafeInt: GraphQLSafeInt,
  JSON: GraphQLJSON,
  JSONObject: GraphQLJSONObject,
};

/**
 * Makes the gateway's own (API) schema refuse what the subgraphs would: its scalars of those
 * names check variable values. The schema object is Apollo Gateway's, shared with Apollo Server,
 * so the check is installed on it in place (neither offers a hook to replace its scalars).
 */
export function checkScalarVariables(schema: GraphQLSchema): void {
  for (const [name, implementation] of Object.entries(CHECKED)) {
    const type = schema.getType(name);
    if (!type || !isScalarType(type)) continue;
    Object.assign(type, {
      parseValue: (value: unknown) => {
        implementation.parseValue(value);
        return value;
      },
    });
  }
}

/** The argument or input field a value node sits in (innermost), for the message and extensions.field. */
function fieldOf(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as ASTNode;
    if (node && 'kind' in node && (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD))
      return node.name.value;
  }
  return undefined;
}

/** Refuses a literal the subgraph's scalar would refuse, naming where it sits. */
export function scalarLiteralRule(context: ValidationContext): ASTVisitor {
  const check = (node: ASTNode, ancestors: readonly (ASTNode | readonly ASTNode[])[]) => {
    // Only where the value itself is the scalar: a list of them is checked item by item.
    // TypeInfo has already stepped into a list's items when a ListValue is entered.
    const input = node.kind === Kind.LIST ? context.getParentInputType() : context.getInputType();
    const type = input ? getNullableType(input) : undefined;
    const scalar = type && isScalarType(type) ? type : undefined;
    const implementation = scalar ? CHECKED[scalar.name] : undefined;
    if (!implementation) return false;
    try {
      implementation.parseLiteral(node as never, undefined);
    } catch (error) {
      const field = fieldOf(ancestors);
      const reason = error instanceof Error ? error.message : String(error);
      context.reportError(
        new GraphQLError(
          `The value of ${field ? `"${field}"` : 'an argument'} is not a valid ${scalar!.name}: ${reason}`,
          { nodes: [node], extensions: field ? { field } : {} },
        ),
      );
    }
    // Inside a JSON literal the parts are the scalar's own business, not checked one by one.
    return true;
  };
  const enter = (node: ASTNode, _key: unknown, parent: unknown, _path: unknown, ancestors: readonly unknown[]) =>
    check(node, [...(ancestors as ASTNode[]), parent as ASTNode]) ? false : undefined;
  return {
    StringValue: enter,
    IntValue: enter,
    FloatValue: enter,
    BooleanValue: enter,
    EnumValue: enter,
    ListValue: enter,
    ObjectValue: enter,
  };
}
