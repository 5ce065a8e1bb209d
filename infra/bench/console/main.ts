import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole } from '../../dev/console-build.js';
import { startE2eHub } from '../../dev/browser-hub.js';
import { bundleReport, measureBundle } from './bundle.js';
import { coldLoad, type ColdLoad, type ColdPage } from './cold-load.js';
import { devSession, prepareInbox, type DevSession } from './prepare.js';
import { parseCli } from '../../../services/common/cli.js';

// npm run bench:console: the console's figures. The production build's size (raw and gzip,
// first load against lazy chunks), then N cold loads of the approver's inbox and of each role's
// own first page (training, evaluations, procurement, an organisation of the registry, the
// admins' deliveries and integrators) in headless Chromium (CHROMIUM_PATH) against a whole hub
// started as the browser tests start it. The pages take turns within each round, so a busier
// moment of the machine falls on all of them alike. CONSOLE_BENCH_RUNS sets N (default 5),
// CONSOLE_BENCH_DATABASE the database (recreated; default hub_console_bench).

parseCli({
  usage:
    'npm run bench:console   (CONSOLE_BENCH_RUNS=5, CONSOLE_BENCH_DATABASE=hub_console_bench, CHROMIUM_PATH=/usr/bin/chromium)',
  about:
    "The console's figures: the production build's size (raw and gzip), then CONSOLE_BENCH_RUNS cold loads of the approver's\ninbox and of each role's first page in headless Chromium against a whole hub started as the browser tests start it.",
});

const RUNS = Number(process.env.CONSOLE_BENCH_RUNS ?? 5);
const DATABASE = process.env.CONSOLE_BENCH_DATABASE ?? 'hub_console_bench';
const say = (line: string) => console.error(`[bench] ${line}`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

// A table's rows (or its empty state) without a spinner over them; a list's first link is clicked.
const TABLE = 'main .ant-table-tbody tr.ant-table-row, main .ant-table-placeholder';
const firstLink = (prefix: string) => ({
  link: `main .ant-table-tbody tr.ant-table-row a[href^="/console/${prefix}/"]`,
  opened: new RegExp(`^/console/${prefix}/[^/]+$`),
});

interface Measured {
  label: string;
  identity: string;
  target: ColdPage;
}

const dir = join(mkdtempSync(join(tmpdir(), 'console-bench-')), 'dist');
say('building the console…');
say(`built in ${((await buildConsole(dir)) / 1000).toFixed(1)} s`);
console.log(['', 'The built console (gzip -9):', ...bundleReport(measureBundle(dir))].join('\n'));

say(`starting the hub (database ${DATABASE}, Temporal, gateway serving this build)…`);
const hub = await startE2eHub({
  database: DATABASE,
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
  const { openTasks } = await prepareInbox(hub.gatewayUrl, 'approver-wenzhou');
  say(`the approver has ${openTasks} open task(s)`);
  const sessions = new Map<string, DevSession>();
  for (const identity of ['approver-wenzhou', 'federation-officer', 'agency-officer', 'admin'])
    sessions.set(identity, await devSession(hub.gatewayUrl, identity));
  const chamber = sessions.get('approver-wenzhou')!.organizationIds[0];
  const pages: Measured[] = [
    {
      label: '/console/tasks (approver): inbox',
      identity: 'approver-wenzhou',
      target: {
        path: '/tasks',
        shown: TABLE,
        click: {
          link: 'main .ant-table-tbody tr.ant-table-row a[href^="/console/tasks/"]',
          opened: /^\/console\/tasks\/[^/]+$/,
        },
      },
    },
    {
      label: '/console/training (approver): courses',
      identity: 'approver-wenzhou',
      target: { path: '/training', shown: TABLE, click: firstLink('training') },
    },
    {
      label: '/console/evaluation/mine (approver): our evaluations',
      identity: 'approver-wenzhou',
      target: { path: '/evaluation/mine', shown: TABLE },
    },
    {
      label: '/console/evaluation (Federation officer): campaigns',
      identity: 'federation-officer',
      target: { path: '/evaluation', shown: TABLE },
    },
    {
      label: '/console/procurements (agency officer): needs',
      identity: 'agency-officer',
      target: { path: '/procurements', shown: TABLE, click: firstLink('procurements') },
    },
    {
      label: '/console/registry/:id (Federation officer): 嘉兴市温州商会',
      identity: 'federation-officer',
      target: { path: `/registry/${chamber}`, shown: 'main .ant-descriptions-item-content' },
    },
    {
      label: '/console/deliveries (admin): notifications sent',
      identity: 'admin',
      target: { path: '/deliveries', shown: TABLE },
    },
    {
      label: '/console/integrators (admin): integrators',
      identity: 'admin',
      target: { path: '/integrators', shown: TABLE },
    },
  ];
  // Warm the hub (JIT, pools, the pages' resolvers), not the browser: each run has a fresh context.
  for (const measured of pages)
    await coldLoad(browser, hub.gatewayUrl, sessions.get(measured.identity)!, measured.target);
  const loads = new Map<Measured, ColdLoad[]>(pages.map((measured) => [measured, []]));
  const before = load();
  for (let run = 1; run <= RUNS; run++) {
    for (const measured of pages) {
      const cold = await coldLoad(browser, hub.gatewayUrl, sessions.get(measured.identity)!, measured.target);
      loads.get(measured)!.push(cold);
      say(
        `run ${run}/${RUNS} ${measured.target.path}: shown at ${cold.contentVisible.toFixed(0)} ms, ${(cold.bytes / 1024).toFixed(0)} KiB`,
      );
    }
  }
  console.log(`\nload average (1, 5, 15 min): ${before} before the cold loads, ${load()} after`);
  for (const measured of pages) console.log(report(measured.label, loads.get(measured)!, browser.version()));
  console.log(summary(pages, loads));
} finally {
  await browser.close();
  await hub.stop();
  rmSync(join(dir, '..'), { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : Number.NaN;
}

function report(label: string, loads: ColdLoad[], version: string): string {
  const stats = (values: number[]) => {
    const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    if (!sorted.length) return '—';
    return `${sorted[0].toFixed(0).padStart(6)} ${median(sorted).toFixed(0).padStart(7)} ${sorted.at(-1)!.toFixed(0).padStart(6)}`;
  };
  const row = (name: string, pick: (load: ColdLoad) => number) => `${name.padEnd(46)} ${stats(loads.map(pick))}`;
  return [
    '',
    `Cold loads of ${label} (${loads.length} runs, fresh context each, headless Chromium ${version}, loopback):`,
    `${''.padEnd(46)}    min  median    max`,
    row('first contentful paint (ms)', (load) => load.firstContentfulPaint),
    row('DOMContentLoaded (ms)', (load) => load.domContentLoaded),
    row('load event (ms)', (load) => load.load),
    row('content (rows or empty state) visible (ms)', (load) => load.contentVisible),
    row("a row's link click has opened its page (ms)", (load) => load.clickWorks),
    row('transferred until the content shows (KiB)', (load) => load.bytes / 1024),
    row('requests until the content shows', (load) => load.requests),
  ].join('\n');
}

function summary(pages: Measured[], loads: Map<Measured, ColdLoad[]>): string {
  const cell = (value: number, width: number) => (Number.isNaN(value) ? '—' : value.toFixed(0)).padStart(width);
  return [
    '',
    'Medians (interactive = content visible, or the row click where one is timed):',
    `${'page'.padEnd(60)} ${'KiB'.padStart(5)} ${'visible'.padStart(8)} ${'click'.padStart(6)}`,
    ...pages.map((measured) => {
      const runs = loads.get(measured)!;
      return `${measured.label.padEnd(60)} ${cell(median(runs.map((run) => run.bytes / 1024)), 5)} ${cell(median(runs.map((run) => run.contentVisible)), 8)} ${cell(median(runs.map((run) => run.clickWorks)), 6)}`;
    }),
  ].join('\n');
}
