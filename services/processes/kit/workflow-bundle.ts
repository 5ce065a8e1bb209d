import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessCatalog } from './process-catalog.js';

// What the worker's workflow bundle is built from: the task kit's own workflows and every
// catalogued process's, so a new process brings its workflows in its record and no shared
// list of exports has to change.

/** A workflow module as a record names it: its path ending in .js (the bundler takes the .ts source for it, or compiled .js). */
export function workflowModule(url: URL): string {
  return fileURLToPath(url).replace(/\.[cm]?[jt]s$/, '.js');
}

/** The task kit's workflows, in every bundle: admins' batch operations. */
const KIT_WORKFLOWS: Record<string, string> = {
  runBatch: workflowModule(new URL('../../../workflows/operations/batch.ts', import.meta.url)),
};

/** Every workflow type the bundle exports, with its module. */
export function workflowExports(catalog: ProcessCatalog): Record<string, string> {
  const exports = { ...KIT_WORKFLOWS };
  for (const process of catalog.processes) {
    for (const [type, module] of Object.entries(process.workflows)) {
      if (exports[type]) throw new Error(`the workflow type ${type} is exported twice`);
      exports[type] = module;
    }
  }
  return exports;
}

/**
 * The bundle's entry point: a file exporting those workflows, named by its content (one file per
 * catalog, rewritten identically). It lives in node_modules/.cache because the bundler resolves
 * its own runtime imports from the entry's folder; plain JavaScript, which needs no compiling.
 */
export function workflowEntry(catalog: ProcessCatalog): string {
  const text = Object.entries(workflowExports(catalog))
    .map(([type, module]) => `export { ${type} } from ${JSON.stringify(module)};`)
    .join('\n');
  const runtime = createRequire(import.meta.url).resolve('@temporalio/workflow');
  const nodeModules = runtime.slice(0, runtime.lastIndexOf('node_modules') + 'node_modules'.length);
  const dir = join(nodeModules, '.cache', 'chamber-hub-workflows');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `entry-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`);
  writeFileSync(file, `// Made by services/processes/workflow-bundle.ts from the process catalog.\n${text}\n`);
  return file;
}
