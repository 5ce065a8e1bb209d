import { generate } from '@graphql-codegen/cli';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../console/codegen.js';

// The console's typed operations (console/src/gql/) are generated from its queries and the
// committed client schema (schema/api.graphql). When either changes and nobody regenerates,
// the types lie about what the gateway answers: this fails until `npm run console:codegen`.
const consoleDir = fileURLToPath(new URL('../../console/', import.meta.url));

describe('console typed operations', () => {
  it('match the console queries and schema/api.graphql (run npm run console:codegen)', async () => {
    const outputs = await generate({ ...config, cwd: consoleDir, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = await readFile(resolve(consoleDir, output.filename), 'utf8').catch(() => '(missing)');
      expect(committed, `${output.filename} is stale: run npm run console:codegen`).toBe(output.content);
    }
  }, 60_000);
});
