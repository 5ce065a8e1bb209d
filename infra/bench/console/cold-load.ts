import type { Browser } from '@playwright/test'; // playwright-core's API, re-exported by the declared package

// One cold load of a console page in a fresh browser context (empty cache): signed in by
// putting a dev session into sessionStorage before the console's script runs, as the sign-in
// page would, then the page's address. Times come from the page's own clock (performance.now(),
// navigation start = 0) so the browser driver's round trips do not count.

// Functions that run in the page (the hub's CSP forbids evaluating strings there) see the DOM;
// this file type-checks with Node's types, so they name the little they use.
interface Web {
  document: { querySelector(selector: string): unknown };
  location: { pathname: string };
  sessionStorage: { setItem(key: string, value: string): void };
}
interface Timing {
  domContentLoadedEventEnd: number;
  loadEventEnd: number;
  transferSize: number;
}

/** What is loaded and when it counts as shown. */
export interface ColdPage {
  /** Under /console, e.g. `/tasks`. */
  path: string;
  /** Present once the page shows its content: its rows, its empty state, its facts. */
  shown: string;
  /** A link whose click is timed until the address matches `opened` (the inbox: a task's row). */
  click?: { link: string; opened: RegExp };
}

export interface ColdLoad {
  firstContentfulPaint: number;
  domContentLoaded: number;
  load: number;
  /** `shown` is present and no spinner turns inside <main> (the lazy chunk and the page's query are in). */
  contentVisible: number;
  /** A click on `click.link` has opened its page (NaN without one, or when the page had none). */
  clickWorks: number;
  /** Bytes over the wire until the content showed (transfer sizes of the document and every resource). */
  bytes: number;
  requests: number;
}

export async function coldLoad(
  browser: Browser,
  gatewayUrl: string,
  session: object,
  target: ColdPage,
): Promise<ColdLoad> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript(
      (value) => (globalThis as unknown as Web).sessionStorage.setItem('console.session', value),
      JSON.stringify(session),
    );
    const page = await context.newPage();
    await page.goto(`${gatewayUrl}/console${target.path}`, { waitUntil: 'load' });
    const shown = await page
      .waitForFunction(
        (selector) => {
          const web = (globalThis as unknown as Web).document;
          return web.querySelector(selector) && !web.querySelector('main .ant-spin-spinning, main .ant-skeleton')
            ? performance.now()
            : 0;
        },
        target.shown,
        { polling: 'raf', timeout: 30_000 },
      )
      .catch(async (error: Error) => {
        if (process.env.CONSOLE_BENCH_SHOTS)
          await page.screenshot({ path: `${process.env.CONSOLE_BENCH_SHOTS}/${target.path.replace(/\W+/g, '_')}.png` });
        throw new Error(`${target.path}: ${target.shown} not shown: ${error.message}`);
      });
    const contentVisible = await shown.jsonValue();
    // Read before the click: what the page's first load took, not the next page's requests.
    const timing = await page.evaluate(() => {
      // No named helper functions in here: tsx would wrap them in a __name() the page lacks.
      const navigation = (performance.getEntriesByType('navigation') as unknown as Timing[])[0];
      const resources = performance.getEntriesByType('resource') as unknown as Timing[];
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        dcl: navigation.domContentLoadedEventEnd,
        load: navigation.loadEventEnd,
        bytes: navigation.transferSize + resources.reduce((sum, entry) => sum + entry.transferSize, 0),
        requests: 1 + resources.length,
      };
    });
    let clickWorks = Number.NaN;
    const link = target.click && page.locator(target.click.link).first();
    if (target.click && link && (await link.count())) {
      await link.click();
      const opened = await page.waitForFunction(
        (pattern) =>
          new RegExp(pattern).test((globalThis as unknown as Web).location.pathname) ? performance.now() : 0,
        target.click.opened.source,
        { polling: 'raf' },
      );
      clickWorks = await opened.jsonValue();
    }
    return {
      firstContentfulPaint: timing.fcp,
      domContentLoaded: timing.dcl,
      load: timing.load,
      contentVisible,
      clickWorks,
      bytes: timing.bytes,
      requests: timing.requests,
    };
  } finally {
    await context.close();
  }
}
