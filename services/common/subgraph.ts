import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, Kind, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badInput } from './errors.js';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

// Federation 2 needs the @link header; type-graphql prints the @key directives given via
// @Directive, and buildSubgraphSchema then adds _entities/_service.
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (ref: any, context: any) => unknown }>;

export interface Subgraph {
  schema: GraphQLSchema;
  /** The subgraph SDL as it is written to schema/<name>.graphql. */
  sdl: string;
}

export async function buildSubgraph(options: BuildSchemaOptions, references: ReferenceResolvers): Promise<Subgraph> {
  const typeSchema = await buildSchema({ ...options, validate: { forbidUnknownValues: false }, emitSchemaFile: false });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeSchema)}\n`;
  const resolvers = createResolversMap(typeSchema) as Record<string, any>;
  for (const [type, reference] of Object.entries(references)) {
    resolvers[type] = { ...(resolvers[type] ?? {}), ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  checkRepresentations(schema, keyedTypes(sdl));
  return { schema, sdl };
}

/** The entity types of a subgraph: those with @key in its SDL (resolved here, or only extended). */
function keyedTypes(sdl: string): string[] {
  return parse(sdl)
    .definitions.filter(
      (d) =>
        (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        d.directives?.some((directive) => directive.name.value === 'key'),
    )
    .map((d) => (d as { name: { value: string } }).name.value);
}

/**
 * `_entities(representations: [_Any!]!)` takes any JSON; @apollo/subgraph's resolver read a
 * string's or an unknown type's `__typename` and threw a plain Error (INTERNAL_SERVER_ERROR).
 * The gateway only ever sends objects naming an entity type this subgraph resolves, so
 * anything else is a caller's mistake, refused before the resolver runs.
 */
function checkRepresentations(schema: GraphQLSchema, entityTypes: string[]): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
  const known = new Set(entityTypes.filter((name) => isObjectType(schema.getType(name))));
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    for (const representation of args.representations ?? []) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation))
        throw badInput('Each representation is an object with __typename and the key fields', 'representations');
      if (typeof typename !== 'string' || !known.has(typename))
        throw badInput(
          `__typename ${JSON.stringify(typename) ?? '(none)'} is not an entity of this service (${[...known].join(', ')})`,
          'representations',
        );
    }
    return resolve(source, args, context, info);
  };
}
