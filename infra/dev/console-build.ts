import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The console's build for whoever needs it and finds none: npm start and the test set-up.
// Vite's own API with the console's config, so it is the same build as `npm run console:build`.

export const CONSOLE_ROOT = fileURLToPath(new URL('../../console/', import.meta.url));

/** Whether `dir` holds a built console (its index.html and the operations it registers with the gateway). */
export function consoleBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'trusted-documents.json'));
}

/** Builds console/ into `outDir` (console/dist by default); the milliseconds it took. */
export async function buildConsole(outDir?: string): Promise<number> {
  const started = performance.now();
  const { build, createLogger } = await import('vite');
  // Warnings, except the many about React's "use client" lines in dependencies (meaningless in a
  // client-only bundle), which would bury npm start's banner.
  const logger = createLogger('warn');
  const warn = logger.warn.bind(logger);
  logger.warn = (message, options) => {
    if (!/module level directive/i.test(message)) warn(message, options);
  };
  // Vite sets NODE_ENV=production in the process it builds in when none is set; npm start's
  // hub, which runs in this process afterwards, would then refuse its dev payload key.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({
      configFile: join(CONSOLE_ROOT, 'vite.config.ts'),
      root: CONSOLE_ROOT,
      logLevel: 'warn',
      customLogger: logger,
      ...(outDir ? { build: { outDir: resolve(outDir), emptyOutDir: true } } : {}),
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return Math.round(performance.now() - started);
}
