import { afterAll, beforeAll, it } from 'vitest';
import { docPagePaths, readPage, type Page } from './pages.js';
import { startDocsWorld, type DocsWorld } from './hubs.js';
import { runPage } from './run-page.js';
import { BROKEN_PAGES, selfCheck } from './self-check.js';

// The docs test's body, for a world ("today", or the clock moved ahead): every page's markers
// checked, then each page that has something to run on a hub and a seed of its own. Two pages
// run at a time, the one with the most examples first: the procurement walk waits half a
// minute for its bidding window to close, and the other pages run meanwhile (the whole file
// in ~45 s instead of ~75 s on 2 cores).

const PAGES_AT_ONCE = 2;

const runs = (page: Page) =>
  page.blocks.filter((b) => b.kind === 'example' || (b.kind === 'shell' && b.shell.how === 'run')).length;

export function docsExamplesSuite(world: string, { checkTheChecks = false } = {}): void {
  const pages = docPagePaths().map((path) => readPage(path));
  const executable = pages.filter((page) => runs(page) > 0).sort((a, b) => runs(b) - runs(a));
  const counts: string[] = [];
  const slots = limiter(PAGES_AT_ONCE);
  let docs: DocsWorld | undefined;
  const started = Date.now();

  beforeAll(async () => {
    docs = await startDocsWorld(world, executable.length + 1);
  }, 300_000);

  afterAll(async () => {
    await docs?.stop();
    console.log(`[docs:${world}] ${counts.sort().join('; ')}; ${Math.round((Date.now() - started) / 1000)} s in all`);
  });

  it('finds a marker before every code block of README.md and docs/', ({ expect }) => {
    expect(pages.flatMap((page) => page.problems)).toEqual([]);
  });

  if (checkTheChecks)
    it.concurrent('fails an example, a save, a refusal or a shell block that does not hold', async ({ expect }) => {
      await slots(async () => {
        const hub = await docs!.pageHub(executable.length);
        try {
          const { failures, sound } = await selfCheck(hub);
          failures.forEach((failure, i) => expect(failure, BROKEN_PAGES[i][0]).toMatch(BROKEN_PAGES[i][1]));
          expect(sound).toBe(5);
        } finally {
          await hub.stop();
        }
      });
    });

  for (const [index, page] of executable.entries()) {
    it.concurrent(`runs the examples of ${page.path} in order`, { timeout: 900_000 }, async ({ expect }) => {
      await slots(async () => {
        const pageStarted = Date.now();
        const hub = await docs!.pageHub(index);
        try {
          const { examples, shells } = await runPage(page, hub);
          const took = Math.round((Date.now() - pageStarted) / 1000);
          counts.push(`${page.path} ${examples} examples, ${shells} shell blocks (${took} s)`);
          console.log(`[docs:${world}] ${page.path}: ${examples} examples and ${shells} shell blocks ran (${took} s)`);
          expect(examples + shells).toBe(runs(page));
        } finally {
          await hub.stop();
        }
      });
    });
  }
}

/** Runs at most `size` of the given jobs at once, the others waiting their turn in order. */
function limiter(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finished job hands its slot over
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
