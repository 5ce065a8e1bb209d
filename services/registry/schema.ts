import { buildSubgraph } from '../shared/subgraph.js';
import { OrganizationResolver } from './resolvers/organization.js';
import { RelationshipResolver } from './resolvers/relationship.js';
import { OrganizationAdminResolver } from './resolvers/organization-admin.js';
import type { RegistryContext } from './context.js';

/** The registry subgraph: organizations and the edges between them. */
export function buildRegistrySchema() {
  return buildSubgraph(
    {
      // One resolver class per line: several people add to this list.
      resolvers: [
        OrganizationResolver,
        RelationshipResolver,
        OrganizationAdminResolver,
      ],
    },
    {
      Organization: {
        __resolveReference: (ref: { id: string }, { loaders }: RegistryContext) => loaders.organization.load(ref.id),
      },
    },
  );
}
