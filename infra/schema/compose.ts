import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { buildRegistrySchema } from '../../services/registry/schema.js';
import { buildProcessesSchema } from '../../services/processes/schema.js';
import { CATALOG } from '../../services/processes/catalog.js';
import type { ProcessCatalog } from '../../services/processes/kit/process-catalog.js';

// The subgraph SDL comes from the code; the supergraph is composed in-process. The URLs are
// placeholders: the gateway routes each subgraph by name to the URL in its configuration.
export const SUBGRAPH_NAMES = ['registry', 'processes'] as const;

/** The SDL files of the hub (or of a hub running `catalog`, as a test may start one). */
export async function composeSupergraph(catalog: ProcessCatalog = CATALOG): Promise<Record<string, string>> {
  const subgraphs = {
    registry: (await buildRegistrySchema()).sdl,
    processes: (await buildProcessesSchema(catalog)).sdl,
  };
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, url: `http://${name}.invalid/graphql`, typeDefs: parse(subgraphs[name]) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return {
    'registry.graphql': subgraphs.registry,
    'processes.graphql': subgraphs.processes,
    'supergraph.graphql': result.supergraphSdl,
    // What clients see through the gateway (no federation directives): the console's typed
    // operations are generated from it and its GraphQL IDE shows it as the docs.
    'api.graphql': printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
