import { buildSubgraph } from '../shared/subgraph.js';
import { OrganizationResolver } from './resolvers/organization.js';
import { RelationshipResolver } from './resolvers/relationship.js';
import type { RegistryContext } from './context.js';

/** The registry subgraph: organizations and the edges between them. */
export function buildRegistrySchema() {
  return buildSubgraph(
    { resolvers: [OrganizationResolver, RelationshipResolver] },
    {
      Organization: {
        __resolveReference: (ref: { id: string }, { loaders }: RegistryContext) => loaders.organization.load(ref.id),
      },
    },
  );
}
