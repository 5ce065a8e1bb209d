// npm run build: the production build in dist/, which the image's runtime stage copies and runs
// with `node` alone (infra/Dockerfile):
//   1. tsc -p tsconfig.build.json: services, workflows, migrations and seed as JavaScript with
//      source maps, in the repository's folder layout (dist/services/gateway/main.js ...);
//   2. the files the compiled code reads beside itself: schema/supergraph.graphql (the gateway),
//      console/dist (the console the gateway serves; built first when missing);
//   3. the workflow bundle (dist/workflow-bundle.js), made once here with the compiled failure
//      converter and interceptors, so that a worker loads it by path (HUB_WORKFLOW_BUNDLE) and
//      never bundles at start (seconds of CPU and the bundler's memory, per replica).
import 'reflect-metadata'; // the compiled catalog's resolvers carry type-graphql decorators
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { buildConsole, consoleBuilt } from '../dev/console-build.js';
import { isEntryPoint } from '../../services/common/entry.js';
import { parseCli } from '../../services/common/cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');

export const WORKFLOW_BUNDLE = join(DIST, 'workflow-bundle.js');

export async function build(options: { console?: boolean } = {}): Promise<void> {
  const started = performance.now();
  rmSync(DIST, { recursive: true, force: true });
  console.log('[build] tsc -p tsconfig.build.json');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  mkdirSync(join(DIST, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'schema/supergraph.graphql'), join(DIST, 'schema/supergraph.graphql'));
  if (options.console !== false) {
    const consoleDir = join(ROOT, 'console/dist');
    if (!consoleBuilt(consoleDir)) {
      console.log('[build] building the console');
      await buildConsole(consoleDir);
    }
    cpSync(consoleDir, join(DIST, 'console/dist'), { recursive: true });
  }
  // The compiled modules (imported from dist/, so the bundle holds exactly what runs).
  const compiled = (path: string) => join(DIST, path);
  // The bundle's entry is made from the compiled catalog, as a worker makes it from its own.
  const { CATALOG } = (await import(
    pathToFileURL(compiled('services/processes/catalog.js')).href
  )) as typeof import('../../services/processes/catalog.js');
  const { workflowEntry } = (await import(
    pathToFileURL(compiled('services/processes/kit/workflow-bundle.js')).href
  )) as typeof import('../../services/processes/kit/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowEntry(CATALOG),
    workflowInterceptorModules: [compiled('services/common/tracing-workflow.js')],
    failureConverterPath: compiled('services/common/failure-converter.js'),
    logger: new DefaultLogger('WARN'),
  });
  writeFileSync(WORKFLOW_BUNDLE, code);
  if (!existsSync(join(DIST, 'services/gateway/main.js'))) throw new Error('dist/services/gateway/main.js is missing');
  console.log(`[build] dist/ ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (isEntryPoint(import.meta.url)) {
  const { values } = parseCli({
    usage: 'npm run build [-- --no-console]',
    about:
      'The production build in dist/: the compiled services, the supergraph, the console (built when missing;\n--no-console leaves it out) and the workflow bundle the image runs.',
    options: { console: { type: 'boolean', default: true } },
  });
  await build({ console: values.console });
}
