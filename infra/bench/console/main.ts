import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole } from '../../dev/console-build.js';
import { startE2eHub } from '../../dev/browser-hub.js';
import { bundleReport, measureBundle } from './bundle.js';
import { loadInbox, type InboxLoad } from './inbox.js';
import { prepareInbox } from './prepare.js';
import { parseCli } from '../../../services/common/cli.js';

// npm run bench:console: the console's figures. The production build's size (raw and gzip,
// first load against lazy chunks), then N cold loads of the approver's inbox in headless
// Chromium (CHROMIUM_PATH) against a whole hub started as the browser tests start it.
// CONSOLE_BENCH_RUNS sets N (default 5).

parseCli({
  usage: 'npm run bench:console   (CONSOLE_BENCH_RUNS=5, CHROMIUM_PATH=/usr/bin/chromium)',
  about:
    "The console's figures: the production build's size (raw and gzip), then CONSOLE_BENCH_RUNS cold loads of the approver's\ninbox in headless Chromium against a whole hub started as the browser tests start it.",
});

const RUNS = Number(process.env.CONSOLE_BENCH_RUNS ?? 5);
const say = (line: string) => console.error(`[bench] ${line}`);

const dir = join(mkdtempSync(join(tmpdir(), 'console-bench-')), 'dist');
say('building the console…');
say(`built in ${((await buildConsole(dir)) / 1000).toFixed(1)} s`);
console.log(['', 'The built console (gzip -9):', ...bundleReport(measureBundle(dir))].join('\n'));

say('starting the hub (database hub_console_bench, Temporal, gateway serving this build)…');
const hub = await startE2eHub({
  database: 'hub_console_bench',
  taskQueue: 'hub-console-bench',
  consoleDir: dir,
  label: '[bench]',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
});
try {
  say('preparing the inbox: an evaluation campaign gives 嘉兴市温州商会 tasks…');
  const { session, openTasks } = await prepareInbox(hub.gatewayUrl, 'approver-wenzhou');
  say(`the approver has ${openTasks} open task(s)`);
  await loadInbox(browser, hub.gatewayUrl, session); // warm the hub (JIT, pools), not the browser: each run has a fresh context
  const loads: InboxLoad[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const load = await loadInbox(browser, hub.gatewayUrl, session);
    loads.push(load);
    say(
      `run ${run}/${RUNS}: inbox visible at ${load.inboxVisible.toFixed(0)} ms, ${(load.bytes / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(report(loads, browser.version()));
} finally {
  await browser.close();
  await hub.stop();
  rmSync(join(dir, '..'), { recursive: true, force: true });
}

function report(loads: InboxLoad[], version: string): string {
  const stats = (values: number[]) => {
    const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    if (!sorted.length) return '—';
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    return `${sorted[0].toFixed(0).padStart(6)} ${median.toFixed(0).padStart(7)} ${sorted.at(-1)!.toFixed(0).padStart(6)}`;
  };
  const row = (label: string, pick: (load: InboxLoad) => number) => `${label.padEnd(46)} ${stats(loads.map(pick))}`;
  return [
    '',
    `Cold loads of /console/tasks (approver, ${loads.length} runs, fresh context each, headless Chromium ${version}, loopback):`,
    `${''.padEnd(46)}    min  median    max`,
    row('first contentful paint (ms)', (load) => load.firstContentfulPaint),
    row('DOMContentLoaded (ms)', (load) => load.domContentLoaded),
    row('load event (ms)', (load) => load.load),
    row('inbox rows (or empty state) visible (ms)', (load) => load.inboxVisible),
    row('a row click has opened the task (ms)', (load) => load.rowClickWorks),
    row('transferred until the inbox shows (KiB)', (load) => load.bytes / 1024),
    row('requests until the inbox shows', (load) => load.requests),
  ].join('\n');
}
