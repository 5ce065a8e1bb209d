import { notFound } from '../shared/errors.js';

// The processes subgraph reads registry facts through the registry's GraphQL API (never its
// tables), passing on the caller's own token so the registry applies the caller's rights.

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
}

export function createRegistryClient(registryUrl: string) {
  async function request<T>(query: string, variables: Record<string, unknown>, authorization: string): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const response = await fetch(registryUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  return {
    /** The organization, or a NOT_FOUND error that names the id. */
    async organization(id: string, authorization: string): Promise<OrganizationSummary> {
      const result = await request<{ organization: OrganizationSummary }>(
        'query ($id: ID!) { organization(id: $id) { id name kind } }', { id }, authorization,
      );
      const error = result.errors?.[0];
      if (error?.extensions?.code === 'NOT_FOUND') throw notFound(`No organization has id ${id}`);
      if (error || !result.data) throw new Error(`registry lookup of ${id} failed: ${error?.message ?? 'no data'}`);
      return result.data.organization;
    },
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
