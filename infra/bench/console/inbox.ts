import type { Browser } from '@playwright/test'; // playwright-core's API, re-exported by the declared package

// One cold load of the approver's inbox in a fresh browser context (empty cache): signed in by
// putting a dev session into sessionStorage before the console's script runs, as the sign-in
// page would, then /console/tasks. Times come from the page's own clock (performance.now(),
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

export interface InboxLoad {
  firstContentfulPaint: number;
  domContentLoaded: number;
  load: number;
  /** The inbox table shows its rows (or its empty state). */
  inboxVisible: number;
  /** A click on the first row has opened that task's page (NaN when the inbox was empty). */
  rowClickWorks: number;
  /** Bytes over the wire (transfer sizes of the document and every resource). */
  bytes: number;
  requests: number;
}

export async function loadInbox(browser: Browser, gatewayUrl: string, session: object): Promise<InboxLoad> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript(
      (value) => (globalThis as unknown as Web).sessionStorage.setItem('console.session', value),
      JSON.stringify(session),
    );
    const page = await context.newPage();
    await page.goto(`${gatewayUrl}/console/tasks`, { waitUntil: 'load' });
    const shown = await page.waitForFunction(
      () =>
        (globalThis as unknown as Web).document.querySelector(
          '.ant-table-tbody tr.ant-table-row a[href^="/console/tasks/"], .ant-table-placeholder .ant-empty',
        )
          ? performance.now()
          : 0,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const inboxVisible = await shown.jsonValue();
    // Read before the click: what the inbox's first load took, not the task page's requests.
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
    let rowClickWorks = Number.NaN;
    const row = page.locator('.ant-table-tbody tr.ant-table-row a[href^="/console/tasks/"]').first();
    if (await row.count()) {
      await row.click();
      const opened = await page.waitForFunction(
        () =>
          /\/console\/tasks\/[^/]+$/.test((globalThis as unknown as Web).location.pathname) ? performance.now() : 0,
        undefined,
        { polling: 'raf' },
      );
      rowClickWorks = await opened.jsonValue();
    }
    return {
      firstContentfulPaint: timing.fcp,
      domContentLoaded: timing.dcl,
      load: timing.load,
      inboxVisible,
      rowClickWorks,
      bytes: timing.bytes,
      requests: timing.requests,
    };
  } finally {
    await context.close();
  }
}
