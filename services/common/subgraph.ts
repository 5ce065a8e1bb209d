import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, Kind, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badInput } from './errors.js';
import { UUID_PATTERN } from './ids.js';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { authorizedRoles } from './access.js';

// Federation 2 needs the @link header; type-graphql prints the @key directives given via
// @Directive, and buildSubgraphSchema then adds _entities/_service.
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/** Federation's __resolveReference per type: the key's fields and the request's context in, the object out. */
export type ReferenceResolvers = Record<string, { __resolveReference: (ref: never, context: never) => unknown }>;

export interface Subgraph {
  schema: GraphQLSchema;
  /** The subgraph SDL as it is written to schema/<name>.graphql. */
  sdl: string;
}

export async function buildSubgraph(options: BuildSchemaOptions, references: ReferenceResolvers): Promise<Subgraph> {
  const typeSchema = await buildSchema({
    ...options,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
    // Who may call what is declared with @Authorized beside each field and checked here only.
    authChecker: authorizedRoles,
    authMode: 'error',
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeSchema)}\n`;
  const resolvers = createResolversMap(typeSchema) as Record<string, object>;
  for (const [type, reference] of Object.entries(references)) {
    resolvers[type] = { ...(resolvers[type] ?? {}), ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  checkRepresentations(schema, keyedTypes(sdl));
  return { schema, sdl };
}

/** The entity types of a subgraph (those with @key in its SDL, resolved here or only extended) and their key fields. */
function keyedTypes(sdl: string): Map<string, string[]> {
  const keyed = new Map<string, string[]>();
  for (const d of parse(sdl).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of d.directives ?? []) {
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (directive.name.value === 'key' && fields?.kind === Kind.STRING)
        keyed.set(d.name.value, fields.value.split(/\s+/).filter(Boolean));
    }
  }
  return keyed;
}

/**
 * `_entities(representations: [_Any!]!)` takes any JSON; @apollo/subgraph's resolver read a
 * string's or an unknown type's `__typename` and threw a plain Error, and a missing or malformed
 * key reached a loader or PostgreSQL (INTERNAL_SERVER_ERROR). The gateway only ever sends
 * objects naming an entity type of this subgraph with its key, and the hub's keys are `id`s,
 * UUIDs (ids.ts): anything else is a caller's mistake, refused before the resolver runs.
 */
function checkRepresentations(schema: GraphQLSchema, entityTypes: Map<string, string[]>): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
  const known = new Map([...entityTypes].filter(([name]) => isObjectType(schema.getType(name))));
  const refuse = (message: string) => badInput(message, 'representations');
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    for (const representation of args.representations ?? []) {
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation))
        throw refuse('Each representation is an object with __typename and the key fields');
      const { __typename: typename, ...key } = representation as Record<string, unknown>;
      const fields = typeof typename === 'string' ? known.get(typename) : undefined;
      if (!fields)
        throw refuse(
          `__typename ${JSON.stringify(typename) ?? '(none)'} is not an entity of this service (${[...known.keys()].join(', ')})`,
        );
      for (const name of fields) {
        const value = key[name];
        if (typeof value !== 'string' || (name === 'id' && !UUID_PATTERN.test(value)))
          throw refuse(`A ${String(typename)} representation needs its ${name}${name === 'id' ? ' (a UUID)' : ''}`);
      }
    }
    return resolve(source, args, context, info);
  };
}
