import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The console's build for whoever needs it and finds none: npm start and the test set-up.
// Vite's own API with the console's config, so it is the same build as `npm run console:build`.

export const CONSOLE_ROOT = fileURLToPath(new URL('../../console/', import.meta.url));

export function consoleBuilt(dir: string): boolean {
  return existsSync(`${dir}/index.html`);
}

/** Builds console/ into its dist folder; the milliseconds it took. */
export async function buildConsole(): Promise<number> {
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: `${CONSOLE_ROOT}vite.config.ts`, root: CONSOLE_ROOT, logLevel: 'warn' });
  return Math.round(performance.now() - started);
}
