import { afterAll, beforeAll, expect, it } from 'vitest';
import { docPagePaths, readPage } from './pages.js';
import { startDocsWorld, type DocsWorld } from './hubs.js';
import { runPage } from './run-page.js';

// The docs test's body, for a world ("today", or the clock moved ahead): every page's markers
// checked, then each page that has something to run, in turn, on a hub and a seed of its own.

export function docsExamplesSuite(world: string): void {
  const pages = docPagePaths().map((path) => readPage(path));
  const executable = pages.filter((page) =>
    page.blocks.some((b) => b.kind === 'example' || (b.kind === 'shell' && b.shell.how === 'run')),
  );
  const counts: string[] = [];
  let docs: DocsWorld | undefined;
  const started = Date.now();

  beforeAll(async () => {
    docs = await startDocsWorld(world, executable.length);
  }, 300_000);

  afterAll(async () => {
    await docs?.stop();
    console.log(`[docs:${world}] ${counts.join('; ')}; ${Math.round((Date.now() - started) / 1000)} s in all`);
  });

  it('finds a marker before every code block of README.md and docs/', () => {
    expect(pages.flatMap((page) => page.problems)).toEqual([]);
  });

  for (const [index, page] of executable.entries()) {
    it(`runs the examples of ${page.path} in order`, { timeout: 900_000 }, async () => {
      const pageStarted = Date.now();
      const hub = await docs!.pageHub(index);
      try {
        const { examples, shells } = await runPage(page, hub);
        const took = Math.round((Date.now() - pageStarted) / 1000);
        counts.push(`${page.path} ${examples} examples, ${shells} shell blocks (${took} s)`);
        console.log(`[docs:${world}] ${page.path}: ${examples} examples and ${shells} shell blocks ran (${took} s)`);
        expect(examples + shells).toBe(
          page.blocks.filter((b) => b.kind === 'example' || (b.kind === 'shell' && b.shell.how === 'run')).length,
        );
      } finally {
        await hub.stop();
      }
    });
  }
}
