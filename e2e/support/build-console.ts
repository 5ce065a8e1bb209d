import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A fresh build of the console into console/dist: the shared build of infra/dev/console-build.ts
// when it exists (npm start builds the same way), else Vite's build API on console/vite.config.ts.
export async function buildConsole(): Promise<void> {
  const shared = new URL('../../infra/dev/console-build.ts', import.meta.url);
  if (existsSync(shared)) {
    const module = (await import(shared.href)) as Record<string, unknown>;
    const build = module.buildConsole as ((options?: object) => Promise<unknown>) | undefined;
    if (typeof build === 'function') return void (await build({ quiet: true }));
  }
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../console/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
