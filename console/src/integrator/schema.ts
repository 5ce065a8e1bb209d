import { buildSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import apiSdl from '../../../schema/api.graphql?raw';
import { GRAPHQL_PATH } from '../shell/apollo';

// The schema the IDE documents and completes against: the gateway's own (introspection) when
// it answers, else the copy of schema/api.graphql built into the console, because production
// gateways turn introspection off (GRAPHQL_INTROSPECTION) and the docs must still be there.
export type IdeSchema =
  { source: 'gateway'; schema: IntrospectionQuery } | { source: 'bundled'; schema: GraphQLSchema; reason: string };

export async function loadIdeSchema(token: string | undefined): Promise<IdeSchema> {
  try {
    const response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        query: getIntrospectionQuery({ descriptions: true }),
        operationName: 'IntrospectionQuery',
      }),
    });
    const body = (await response.json()) as { data?: IntrospectionQuery; errors?: { message: string }[] };
    if (body.data?.__schema) return { source: 'gateway', schema: body.data };
    return bundled(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  } catch (error) {
    return bundled((error as Error).message);
  }
}

let built: GraphQLSchema | undefined;
function bundled(reason: string): IdeSchema {
  built ??= buildSchema(apiSdl);
  return { source: 'bundled', schema: built, reason };
}
