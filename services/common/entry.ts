import { pathToFileURL } from 'node:url';

/**
 * Whether the module at `moduleUrl` (its import.meta.url) is the program node was started with,
 * so a service's main file starts the service when run and only exports when imported.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const started = process.argv[1];
  return started !== undefined && moduleUrl === pathToFileURL(started).href;
}
