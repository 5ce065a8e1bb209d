// npm run schema: writes each subgraph's SDL and the composed supergraph to schema/.
import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { writeFile } from 'node:fs/promises';
import { composeSupergraph } from './compose.js';

const files = await composeSupergraph();
for (const [name, text] of Object.entries(files)) {
  await writeFile(new URL(`../../schema/${name}`, import.meta.url), text);
  console.log(`wrote schema/${name} (${text.length} characters)`);
}
