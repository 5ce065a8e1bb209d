// npm run schema: writes each subgraph's SDL and the composed supergraph to schema/.
import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { writeFile } from 'node:fs/promises';
import { composeSupergraph } from './compose.js';
import { parseCli } from '../../services/common/cli.js';

parseCli({
  usage: 'npm run schema',
  about: 'Writes schema/registry.graphql, schema/processes.graphql, schema/supergraph.graphql and schema/api.graphql from the code.',
});

const files = await composeSupergraph();
for (const [name, text] of Object.entries(files)) {
  await writeFile(new URL(`../../schema/${name}`, import.meta.url), text);
  console.log(`wrote schema/${name} (${text.length} characters)`);
}
