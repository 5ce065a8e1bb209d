import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
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
  return { schema, sdl };
}
