import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { seedOrganizationId } from '../../../infra/seed/run.js';

// The fuzzer's map of an API: every root field (query and mutation) of the schema a service
// serves (read by introspection, so the gateway's and each subgraph's own, _entities included),
// every argument and every nested input field as a position to put a hostile value into, a
// plausible value for every other position, and a small selection for the answer.

export interface RootField {
  operation: 'query' | 'mutation';
  name: string;
  args: readonly GraphQLArgument[];
  /** The selection set after the field (empty for a leaf). */
  selection: string;
}

/** Where a hostile value goes: an argument, or an input field inside one ([arg, field, 0, field ...]). */
export interface Position {
  path: (string | number)[];
  type: GraphQLInputType;
  /** The innermost argument or input field name (what a refusal should name). */
  name: string;
}

/** The headers of one request, made for its body (a subgraph's signature covers the body). */
export type Headers = (body: string) => Record<string, string>;

export async function introspect(url: string, headers: Headers): Promise<GraphQLSchema> {
  const body = JSON.stringify({ query: getIntrospectionQuery() });
  const response = await fetch(url, { method: 'POST', headers: headers(body), body });
  const answer = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!answer.data) throw new Error(`introspection of ${url} failed: ${JSON.stringify(answer.errors)}`);
  return buildClientSchema(answer.data);
}

/** Every root field of the schema (the federation's _service, which only prints SDL, aside). */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.name === '_service') continue;
      fields.push({ operation, name: field.name, args: field.args, selection: selectionFor(field.type, 2) });
    }
  }
  return fields;
}

/** A small answer: ids and leaves, a connection's count and cursors, one level of objects below. */
export function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const chosen = [
    ...leaves.filter((f) => ['id', 'totalCount', 'cursor', 'endCursor'].includes(f.name)),
    ...leaves.filter((f) => !['id', 'totalCount', 'cursor', 'endCursor'].includes(f.name)).slice(0, 3),
  ].map((f) => f.name);
  if (depth > 0) {
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    for (const f of objects.slice(0, 2)) chosen.push(`${f.name} ${selectionFor(f.type, depth - 1)}`);
  }
  return `{ __typename ${chosen.join(' ')} }`;
}

const SOME_ORGANIZATION = seedOrganizationId('wenzhou');
const DATE_NAME = /(^|[a-z])(asOf|from|to|On|Date|day)$/;

/** A value the position would take (so that the hostile one is what a refusal is about). */
export function plausible(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [plausible(nullable.ofType, name)];
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields()))
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = plausible(field.type, field.name);
    return value;
  }
  switch (nullable.name) {
    case 'ID':
      return SOME_ORGANIZATION;
    case 'Int':
      return name === 'year' || name.endsWith('Year') ? 2026 : 1;
    case 'Float':
      return 1.5;
    case 'SafeInt':
      return 100;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return '2030-01-01T00:00:00Z';
    case 'JSON':
    case 'JSONObject':
      return {};
    case '_Any':
      return { __typename: 'Organization', id: SOME_ORGANIZATION };
    default:
      return DATE_NAME.test(name) ? '2026-01-01' : '测试';
  }
}

/** Every argument, and every input field inside one (down to `depth` levels), of a field. */
export function positions(field: Pick<GraphQLField<unknown, unknown>, 'args'>, depth = 3): Position[] {
  const found: Position[] = [];
  const walk = (type: GraphQLInputType, path: (string | number)[], name: string, level: number) => {
    found.push({ path, type, name });
    const nullable = getNullableType(type);
    const item = isListType(nullable) ? getNullableType(nullable.ofType) : nullable;
    if (!isInputObjectType(item) || level >= depth) return;
    const base = isListType(nullable) ? [...path, 0] : path;
    for (const inner of Object.values(item.getFields())) walk(inner.type, [...base, inner.name], inner.name, level + 1);
  };
  for (const arg of field.args) walk(arg.type, [arg.name], arg.name, 0);
  return found;
}

/** The type at `path` below `type` (list items by index, input fields by name). */
function typeAt(type: GraphQLInputType, path: (string | number)[]): GraphQLInputType {
  let current = type;
  for (const step of path) {
    const nullable = getNullableType(current);
    if (typeof step === 'number' && isListType(nullable)) current = nullable.ofType;
    else if (typeof step === 'string' && isInputObjectType(nullable)) current = nullable.getFields()[step].type;
  }
  return current;
}

/** The arguments with every required one plausible, and `value` at `path` (a copy; what the path passes through is made plausible). */
export function argumentsWith(field: RootField, path: (string | number)[], value: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) if (isNonNullType(arg.type)) args[arg.name] = plausible(arg.type, arg.name);
  const [argName, ...rest] = path as [string, ...(string | number)[]];
  const argType = field.args.find((a) => a.name === argName)!.type;
  if (!(argName in args)) args[argName] = plausible(argType, argName);
  if (rest.length === 0) {
    args[argName] = value;
    return args;
  }
  let holder = args as Record<string | number, unknown>;
  let key: string | number = argName;
  for (let i = 0; i < rest.length; i++) {
    const next = holder[key];
    holder[key] = Array.isArray(next)
      ? [...next]
      : next && typeof next === 'object'
        ? { ...next }
        : (plausible(typeAt(argType, rest.slice(0, i)), String(key)) ?? {});
    if (holder[key] === null || typeof holder[key] !== 'object') holder[key] = typeof rest[i] === 'number' ? [] : {};
    holder = holder[key] as Record<string | number, unknown>;
    key = rest[i]!;
  }
  holder[key] = value;
  return args;
}
