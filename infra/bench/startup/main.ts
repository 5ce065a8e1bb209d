// npm run bench:startup -- [--rounds 3] [--idle 15] [--build]
// Each part of the hub started alone, the old image's way (`npx tsx <entry>.ts`, the worker
// bundling its workflows at start) and the new one's (`node dist/<entry>.js`, the prebuilt
// bundle): milliseconds from spawn to its first /readyz 200, then its resident memory (the whole
// process tree: npx and tsx start children) after `--idle` seconds without traffic. Median of
// `--rounds`. A fresh database on the local PostgreSQL (BENCH_STARTUP_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/hub_bench_startup) and a Temporal dev server of its own.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../db/migrate.js';
import { seed } from '../../seed/run.js';
import { startDevTemporal } from '../../dev/temporal.js';
import { build } from '../../build/main.js';
import { PARTS, partsEnv, ROOT, startPart, treeRss, type PartName, type RunMode } from '../parts.js';
import { parseCli } from '../../../services/common/cli.js';

const { values } = parseCli({
  usage: 'npm run bench:startup -- [--rounds 3] [--idle 15] [--build]',
  about:
    'Starts each part of the hub (tsx and the compiled build) --rounds times and prints its start-up to ready and its idle memory after --idle seconds.',
  options: {
    rounds: { type: 'string', default: '3' },
    idle: { type: 'string', default: '15' },
    build: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const idleMs = Number(values.idle) * 1000;
const databaseUrl = process.env.BENCH_STARTUP_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_startup';

if (values.build || !existsSync(join(ROOT, 'dist/workflow-bundle.js'))) await build();
console.log(`[startup] database ${new URL(databaseUrl).pathname.slice(1)}: migrating and seeding`);
await migrate(databaseUrl);
await seed(databaseUrl);
const temporal = await startDevTemporal();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const MODES: RunMode[] = ['npx-tsx', 'dist'];
const results: Record<string, { readyMs: number[]; rss: number[] }> = {};
try {
  for (let round = 1; round <= rounds; round++) {
    for (const part of PARTS as readonly PartName[]) {
      for (const mode of MODES) {
        const env = await partsEnv(databaseUrl, temporal.address);
        const running = await startPart(part, mode, env);
        await new Promise((done) => setTimeout(done, idleMs));
        const rss = treeRss(running.child.pid!);
        await running.stop();
        const key = `${part} ${mode}`;
        (results[key] ??= { readyMs: [], rss: [] }).readyMs.push(running.readyMs);
        results[key].rss.push(rss);
        console.log(
          `[startup] round ${round} ${key}: ready in ${running.readyMs.toFixed(0)} ms, ${(rss / 2 ** 20).toFixed(0)} MiB after ${idleMs / 1000} s idle`,
        );
      }
    }
  }
} finally {
  await temporal.stop();
}

console.log(`\nmedian of ${rounds} rounds, RSS after ${idleMs / 1000} s idle (whole process tree)\n`);
console.log('| part | start-up to ready, npx tsx (ms) | node dist (ms) | idle RSS, npx tsx (MiB) | node dist (MiB) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const part of PARTS) {
  const before = results[`${part} npx-tsx`];
  const after = results[`${part} dist`];
  console.log(
    `| ${part} | ${median(before.readyMs).toFixed(0)} | ${median(after.readyMs).toFixed(0)} | ${(median(before.rss) / 2 ** 20).toFixed(0)} | ${(median(after.rss) / 2 ** 20).toFixed(0)} |`,
  );
}
process.exit(0);
