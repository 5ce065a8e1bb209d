import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import pg from 'pg';
import { freshDatabase } from '../processes/stack.js';
import { machine } from '../processes/report.js';
import { progressLog, runBench, wholeFlag } from '../run.js';
import { startServers } from '../servers.js';
import { writeChanges } from './writes.js';
import { consume } from './consumer.js';
import { download } from './exports.js';
import { cpuWindow } from '../cpu.js';
import { exportHeap } from './heap.js';
import { todayInChina } from '../../../services/common/dates.js';
import { parseCli } from '../../../services/common/cli.js';

// npm run bench:feed -- [--changes 100000] [--batch 500] [--first 1000]
//
// On a fresh database (BENCH_FEED_DATABASE_URL, default …/hub_bench_feed: migrated, seeded),
// --changes / 2 organisations are created and then each changed once, in transactions of
// --batch rows (beside the same statements on a table without the feed's triggers); then a
// consumer reads the whole feed through the gateway, --first changes a page, from the
// beginning; then every organisation is exported as CSV and XLSX through the gateway while
// the registry's memory is sampled. The registry and gateway run as child processes.

const { values: flags } = parseCli({
  usage: 'npm run bench:feed -- [--changes 100000] [--batch 500] [--first 1000]',
  about:
    'Writes --changes registry changes on a fresh database, reads the whole change feed through the gateway and\nexports every organisation as CSV and XLSX, printing changes per second, CPU and memory.',
  options: {
    changes: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '500' },
    first: { type: 'string', default: '1000' },
  },
});
const changes = wholeFlag('changes', flags.changes);
const batch = wholeFlag('batch', flags.batch);
const first = wholeFlag('first', flags.first);
const databaseUrl = process.env.BENCH_FEED_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_feed';
const log = progressLog();
const n = (value: number) => Math.round(value).toLocaleString('en-US');

runBench(async (stops) => {
  log(`fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations and seed`);
  await freshDatabase(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  stops.push(() => pool.end());
  log(`writing ${n(changes)} changes (${n(changes / 2)} organisations created, then changed), ${batch} a transaction`);
  const writes = await writeChanges(pool, Math.ceil(changes / 2), batch);
  const [{ total }] = (await pool.query<{ total: number }>('select count(*)::int as total from registry.change')).rows;
  log(`writes: ${writes.seconds.toFixed(1)} s with the feed's triggers, ${writes.floorSeconds.toFixed(1)} s without`);

  const servers = await startServers(databaseUrl);
  stops.push(() => servers.stop());
  log(`consumer: the whole feed (${n(total)} changes) through the gateway, ${first} a page`);
  // The CPU each side spends per change, from the kernel's counters: the machine is shared, so
  // a pace alone says as much about the neighbours as about the feed.
  const sampler = new pg.Client({ connectionString: databaseUrl });
  await sampler.connect();
  stops.push(() => sampler.end());
  const window = await cpuWindow({
    registryPid: servers.pids.registry,
    gatewayPid: servers.pids.gateway,
    sampler,
    database: new URL(databaseUrl).pathname.slice(1),
  });
  const feed = await consume(servers.gatewayUrl, servers.token, first);
  const cpu = await window.stop();
  if (feed.changes !== total) throw new Error(`the consumer read ${feed.changes} changes of ${total}`);
  log(`consumer: ${n(feed.changes / feed.seconds)} changes/s`);

  const exported = [];
  // A fifth of the list and the whole list, each twice, then the whole list as XLSX twice: were
  // rows held, the whole list would peak higher than the fifth, and each repeat higher again.
  const fifth = `/export/organizations.csv?filter=${encodeURIComponent('{"nameContains":"压测企业1"}')}`;
  const whole = ['/export/organizations.csv', '/export/organizations.xlsx'];
  for (const path of [fifth, whole[0], fifth, whole[0], whole[1], whole[1]]) {
    log(`export ${decodeURIComponent(path)}`);
    exported.push(await download(servers.gatewayUrl, servers.token, path, servers.pids.registry));
  }

  log('export heap: the export code in this process, a full collection every 50 pages');
  const heap = await exportHeap(databaseUrl);

  console.log(`\n## Change feed and exports (npm run bench:feed), ${todayInChina()}\n`);
  console.log(`Machine: ${machine()}\n`);
  console.log('| phase | n | s | per second | note |');
  console.log('| --- | --: | --: | --: | --- |');
  console.log(
    `| writes recorded by the triggers | ${n(writes.rows)} | ${writes.seconds.toFixed(1)} | ${n(writes.rows / writes.seconds)} | ${batch} rows a transaction; the same without triggers ${writes.floorSeconds.toFixed(1)} s (${(writes.seconds / writes.floorSeconds).toFixed(1)}×) |`,
  );
  console.log(
    `| consumer through the gateway | ${n(feed.changes)} | ${feed.seconds.toFixed(1)} | ${n(feed.changes / feed.seconds)} | ${feed.pages} pages of ${first}, p50 ${feed.pageMs.p50.toFixed(0)} ms, p99 ${feed.pageMs.p99.toFixed(0)} ms, ${(feed.bytes / 2 ** 20).toFixed(0)} MiB |`,
  );
  const perThousand = (ms: number) => (ms / feed.changes) * 1000;
  const serial = perThousand(cpu.registry) + perThousand(cpu.gateway) + perThousand(cpu.postgres);
  console.log(
    `| CPU per 1,000 changes read | | | | registry ${perThousand(cpu.registry).toFixed(0)} ms, gateway ${perThousand(cpu.gateway).toFixed(0)} ms, PostgreSQL ${perThousand(cpu.postgres).toFixed(0)} ms: one consumer on a machine to itself ≈ ${n(1_000_000 / serial)} changes/s |`,
  );
  for (const h of heap)
    console.log(
      `| export heap: organizations, ${h.label} | ${h.pages} pages | | | ${h.mebibytes.toFixed(1)} MiB written; live heap after a full collection at most +${h.liveGrowthMiB.toFixed(1)} MiB over its start |`,
    );
  for (const e of exported)
    console.log(
      `| export ${decodeURIComponent(e.path)} | ${Number.isNaN(e.rows) ? '' : n(e.rows)} | ${e.seconds.toFixed(1)} | ${Number.isNaN(e.rows) ? '' : n(e.rows / e.seconds)} | ${(e.bytes / 2 ** 20).toFixed(1)} MiB; registry RSS ${e.rssBeforeMiB.toFixed(0)} → peak ${e.rssPeakMiB.toFixed(0)} MiB (+${(e.rssPeakMiB - e.rssBeforeMiB).toFixed(0)}) |`,
    );
});
