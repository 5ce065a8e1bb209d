import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { composeSupergraph } from '../infra/schema/compose.js';
import { createRegistryOrm } from '../services/registry/orm.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { createGatewayOrm } from '../services/gateway/rate-bucket.js';

describe('committed schema', () => {
  it('matches what the code produces (run `npm run schema` after changing the API)', async () => {
    const files = await composeSupergraph();
    for (const [name, text] of Object.entries(files)) {
      const committed = await readFile(new URL(`../schema/${name}`, import.meta.url), 'utf8');
      expect(committed, `schema/${name} is stale; run npm run schema`).toBe(text);
    }
  });

  it('composes Organization from both subgraphs', async () => {
    const { 'supergraph.graphql': supergraph } = await composeSupergraph();
    const organization = supergraph.slice(supergraph.indexOf('type Organization'));
    const body = organization.slice(0, organization.indexOf('\n}'));
    // Fields from the registry and the field the processes subgraph adds must both survive.
    expect(body).toMatch(/relationships\(/);
    expect(body).toMatch(/trainingEnrollments: \[TrainingEnrollment!\]!/);
  });
});

describe('migrations', () => {
  it('agree with the entities (no schema change left to generate)', async () => {
    const creators = [createRegistryOrm, (url: string) => createProcessesOrm(CATALOG, url), createGatewayOrm];
    for (const create of creators) {
      const orm = await create(inject('databaseUrl'));
      try {
        const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
        expect(diff.trim(), 'entities changed without a migration; run npm run migration:create').toBe('');
      } finally {
        await orm.close();
      }
    }
  });
});
