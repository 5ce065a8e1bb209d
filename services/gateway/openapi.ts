import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  Kind,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLUnionType,
  type GraphQLNamedType,
} from 'graphql';

// An OpenAPI 3.1 description of the published documents, made from each document and the schema
// the gateway serves: a variable becomes a query parameter, the selection set the answer's JSON
// Schema (3.1 schemas are JSON Schema 2020-12, so nullability is a type list).

type JsonSchema = Record<string, unknown>;

/** The custom scalars' JSON shapes (the rest are strings). */
const SCALARS: Record<string, JsonSchema> = {
  Int: { type: 'integer' },
  SafeInt: { type: 'integer' },
  Float: { type: 'number' },
  Money: { type: 'number' },
  Boolean: { type: 'boolean' },
  String: { type: 'string' },
  ID: { type: 'string' },
  Date: { type: 'string', format: 'date' },
  DateTimeISO: { type: 'string', format: 'date-time' },
  JSONObject: { type: 'object' },
  JSON: {},
};

const nullable = (schema: JsonSchema): JsonSchema => {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return Object.keys(schema).length ? { anyOf: [schema, { type: 'null' }] } : schema;
};

function leaf(type: GraphQLNamedType): JsonSchema {
  if (isEnumType(type)) return { type: 'string', enum: type.getValues().map((v) => v.name) };
  return SCALARS[type.name] ?? { type: 'string' };
}

/** The JSON Schema of a selection set's answer on `parent`. */
function selectionSchema(
  schema: GraphQLSchema,
  parent: GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType,
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, SelectionSetNode>,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const add = (set: SelectionSetNode, on: typeof parent, optional: boolean) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value === '__typename') properties[key] = { type: 'string' };
        else {
          const field = isObjectType(on) || !isAbstractType(on) ? on.getFields()[selection.name.value] : undefined;
          properties[key] = field ? outputSchema(schema, field.type, selection.selectionSet, fragments) : {};
        }
        if (!optional && !required.includes(key)) required.push(key);
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)!;
        const condition =
          selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition
            ? (schema.getType(selection.typeCondition.name.value) as typeof parent)
            : on;
        // A fragment on another type than the parent's is there only for some answers.
        add(inner, condition, optional || condition !== on);
      }
    }
  };
  add(selectionSet, parent, false);
  return { type: 'object', properties, required, additionalProperties: false };
}

function outputSchema(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, SelectionSetNode>,
): JsonSchema {
  if (isNonNullType(type)) {
    const inner = outputSchema(schema, type.ofType, selectionSet, fragments);
    return unwrapNull(inner);
  }
  if (isListType(type))
    return nullable({ type: 'array', items: outputSchema(schema, type.ofType, selectionSet, fragments) });
  const named = getNamedType(type);
  if (selectionSet && (isObjectType(named) || isAbstractType(named)))
    return nullable(selectionSchema(schema, named, selectionSet, fragments));
  return nullable(leaf(named));
}

/** Drops the `null` nullable() added, for a non-null type. */
function unwrapNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.type)) return { ...schema, type: schema.type[0] };
  if (Array.isArray(schema.anyOf)) return schema.anyOf[0] as JsonSchema;
  return schema;
}

/** A query parameter's schema: scalars and enums as such, lists repeated, input objects as JSON text. */
export function parameterSchema(type: GraphQLInputType): JsonSchema {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return { type: 'array', items: parameterSchema(inner.ofType) };
  if (isInputObjectType(inner)) return { type: 'string', contentMediaType: 'application/json' };
  return leaf(inner);
}

export interface Published {
  name: string;
  /** The document's text, as registered. */
  query: string;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, SelectionSetNode>;
}

/** The OpenAPI document for the published operations. */
export function openApiDocument(schema: GraphQLSchema, published: Published[]): JsonSchema {
  const error = {
    type: 'object',
    required: ['errors'],
    properties: {
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['message'],
          properties: { message: { type: 'string' }, extensions: { type: 'object' } },
        },
      },
    },
  };
  const paths = Object.fromEntries(
    published.map(({ name, operation, fragments }) => [
      `/api/v1/${name}`,
      {
        get: {
          operationId: name,
          summary: `The trusted document ${name}`,
          security: [{ bearer: [] }],
          parameters: (operation.variableDefinitions ?? []).map((v) => {
            const type = typeFromAST(schema, v.type) as GraphQLInputType;
            return {
              name: v.variable.name.value,
              in: 'query',
              required: isNonNullType(type) && !v.defaultValue,
              schema: parameterSchema(type),
              ...(isListType(isNonNullType(type) ? type.ofType : type) ? { style: 'form', explode: true } : {}),
            };
          }),
          responses: {
            '200': {
              description: 'The answer, as the GraphQL data of the document',
              content: {
                'application/json': {
                  schema: selectionSchema(schema, schema.getQueryType()!, operation.selectionSet, fragments),
                },
              },
            },
            default: { description: 'Refused', content: { 'application/json': { schema: error } } },
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: '商会数据中心 REST（可信文档）',
      version: '1',
      description: 'Each endpoint runs one registered GraphQL query; the answer is its data.',
    },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}
