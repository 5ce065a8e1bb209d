// npm run bench:soak -- [--minutes 10] [--mode tsx|dist] [--warmup 2] [--production-settings] [--svg docs/soak.svg]
// The hub's parts as separate processes (registry, processes, worker, gateway, codec: tsx as the
// dev stack runs them, or the compiled build) on a fresh database of the local PostgreSQL
// (BENCH_SOAK_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/hub_bench_soak) and a
// Temporal dev server, under a mixed load for `--minutes`: integrators' queries across both
// subgraphs, admins' run lists, training applications decided through to their certificates,
// codec round trips. Every 10 s the resident memory of each part (its whole process tree) is
// sampled (--production-settings: each part with infra/k8s's V8 heap limit, the worker with its slots and cache); at the end a table, each part's growth from the end of `--warmup` minutes to the end,
// and with --svg a small chart of the same.
import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../db/migrate.js';
import { seed, seedOrganizationId } from '../../seed/run.js';
import { startDevTemporal } from '../../dev/temporal.js';
import { build } from '../../build/main.js';
import { signToken, type Role } from '../../../services/common/identity.js';
import {
  PARTS,
  partsEnv,
  PRODUCTION_HEAP_MB,
  ROOT,
  startPart,
  treeRss,
  type RunMode,
  type RunningPart,
} from '../parts.js';
import { soakChart } from './chart.js';
import { TrainingLoad } from './training-load.js';
import { parseCli } from '../../../services/common/cli.js';

const { values } = parseCli({
  usage: 'npm run bench:soak -- [--minutes 10] [--mode tsx|dist] [--warmup 2] [--production-settings] [--svg FILE]',
  about: 'Runs the hub as separate processes under a mixed load and samples the memory of every part every 10 s.',
  options: {
    minutes: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    mode: { type: 'string', default: 'tsx' },
    svg: { type: 'string' },
    'production-settings': { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const warmupMs = Number(values.warmup) * 60_000;
const mode = values.mode as RunMode;
if (!['tsx', 'dist'].includes(mode)) throw new Error('--mode must be tsx or dist');
const databaseUrl = process.env.BENCH_SOAK_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_soak';
const SAMPLE_EVERY_MS = 10_000;

async function recreateDatabase(url: string) {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

if (mode === 'dist' && !existsSync(join(ROOT, 'dist/workflow-bundle.js'))) await build();
// A fresh database each run: tasks left open by an earlier run belong to runs of a Temporal
// server that is gone, and deciding them would only count errors.
await recreateDatabase(databaseUrl);
console.log(`[soak] database ${new URL(databaseUrl).pathname.slice(1)}: created, migrating and seeding`);
await migrate(databaseUrl);
await seed(databaseUrl);
const temporal = await startDevTemporal();
const production = values['production-settings'];
const env: Record<string, string> = {
  ...(await partsEnv(databaseUrl, temporal.address)),
  // What docker-compose.yml and infra/k8s give the worker.
  ...(production
    ? {
        WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20',
        WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
        WORKER_MAX_CACHED_WORKFLOWS: '500',
      }
    : {}),
};
const running: RunningPart[] = [];
let stopping = false;
const stopAll = async () => {
  stopping = true;
  for (const part of running.reverse()) await part.stop();
  await temporal.stop();
};
process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));

try {
  for (const part of PARTS) {
    running.push(await startPart(part, mode, env, { heapMb: production ? PRODUCTION_HEAP_MB[part] : undefined }));
    console.log(`[soak] ${part} (${mode}) ready in ${running.at(-1)!.readyMs.toFixed(0)} ms`);
  }
  const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
  const codec = `http://127.0.0.1:${env.CODEC_PORT}/codec`;
  const as = (roles: Role[], orgs: string[] = [], subject?: string) =>
    signToken(
      { subject: subject ?? `soak-${roles.join('-').toLowerCase()}`, roles, organizationIds: orgs },
      env.JWT_SECRET,
      '12h',
    );
  const wenzhou = seedOrganizationId('wenzhou');
  const tokens = {
    integrator: await as(['INTEGRATOR']),
    admin: await as(['ADMIN']),
    approver: await as(['APPROVER'], [wenzhou], 'soak-approver'),
    officer: await as(['FEDERATION_OFFICER'], [], 'soak-officer'),
  };
  const counts = { queries: 0, errors: 0, codec: 0 };
  const errorsBy = new Map<string, number>();
  const ask = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).catch(() => undefined);
    const body = (await response?.json().catch(() => undefined)) as { data?: any; errors?: unknown[] } | undefined;
    counts.queries++;
    if (!body || body.errors?.length) {
      counts.errors++;
      const code =
        (body?.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ?? 'no answer';
      const what = `${/\{\s*(\w+)/.exec(query.replace(/^[^{]*/, ''))?.[1] ?? '?'} ${code}`;
      errorsBy.set(what, (errorsBy.get(what) ?? 0) + 1);
    }
    return body?.data;
  };
  const QUERIES: [string, Record<string, unknown>, string][] = [
    ['{ organizations(first: 20) { totalCount edges { node { id name kind } } } }', {}, tokens.integrator],
    [
      'query ($id: ID!) { organization(id: $id) { name relationships { type from { name } to { name } } trainingEnrollments { status } } }',
      { id: wenzhou },
      tokens.integrator,
    ],
    ['{ myTasks(first: 10, status: OPEN) { totalCount edges { node { id title } } } }', {}, tokens.approver],
    ['{ processRuns(first: 10) { totalCount edges { node { id stage status } } } }', {}, tokens.admin],
    ['{ statistics(asOf: "2020-12-31") { year bankPairings liaisonVisits } }', {}, tokens.integrator],
  ];
  const queryLoop = async (offset: number) => {
    for (let i = offset; !stopping; i++) {
      const [query, variables, token] = QUERIES[i % QUERIES.length];
      await ask(query, variables, token);
      await new Promise((done) => setTimeout(done, 120));
    }
  };
  const codecLoop = async () => {
    const payload = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('{"soak":true}').toString('base64'),
    };
    while (!stopping) {
      const post = (operation: string, payloads: unknown[]) =>
        fetch(`${codec}/${operation}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
          body: JSON.stringify({ payloads }),
        }).then((r) => r.json() as Promise<{ payloads: unknown[] }>);
      const encoded = await post('encode', [payload]).catch(() => undefined);
      if (encoded) await post('decode', encoded.payloads).catch(() => undefined);
      counts.codec++;
      await new Promise((done) => setTimeout(done, 1_000));
    }
  };
  // The course's day comes at once, as the calendar would bring it (the hub's own row; the run
  // keeps its copy, which only bounds how long it waits for the record).
  const courses = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const training = new TrainingLoad(ask, tokens, wenzhou, (enrollmentId) =>
    courses.query(
      `update processes.training_course set starts_on = (now() at time zone 'Asia/Shanghai')::date
        where id = (select course_id from processes.training_enrollment where id = $1)`,
      [enrollmentId],
    ),
  );
  const load = Promise.allSettled([
    queryLoop(0),
    queryLoop(2),
    queryLoop(4),
    codecLoop(),
    training.run(() => stopping),
  ]);

  const samples: { t: number; rss: Record<string, number> }[] = [];
  const started = Date.now();
  const sample = () => {
    const rss = Object.fromEntries(running.map((p) => [p.part, treeRss(p.child.pid!) / 2 ** 20]));
    samples.push({ t: (Date.now() - started) / 1000, rss });
    console.log(
      `[soak] ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s  ${PARTS.map((p) => `${p} ${rss[p].toFixed(0)}`).join('  ')} MiB  (${counts.queries} queries, ${counts.errors} errors, ${training.summary()})`,
    );
  };
  sample();
  while (Date.now() - started < minutes * 60_000) {
    await new Promise((done) => setTimeout(done, SAMPLE_EVERY_MS));
    sample();
  }
  stopping = true;
  await load;
  await courses.end();

  // Growth is read peak to peak: the highest sample of the first half after warm-up against the
  // highest of the second half, so that a garbage collection's sawtooth (the registry's lasts
  // minutes) is not taken for a trend, while a leak still raises the second half's peak.
  const afterWarmup = samples.filter((s) => s.t * 1000 >= warmupMs);
  const end = samples.at(-1)!.t;
  const middle = (afterWarmup[0].t + end) / 2;
  const firstHalf = afterWarmup.filter((s) => s.t < middle);
  const secondHalf = afterWarmup.filter((s) => s.t >= middle);
  const peak = (window: typeof samples, part: string) => Math.max(...window.map((s) => s.rss[part]));
  console.log(
    `\n${samples.length} samples every ${SAMPLE_EVERY_MS / 1000} s, RSS in MiB (whole process tree), mode ${mode}\n`,
  );
  console.log(`| s | ${PARTS.join(' | ')} |`);
  console.log(`| ---: | ${PARTS.map(() => '---:').join(' | ')} |`);
  for (const s of samples.filter((_, i) => i % 6 === 0 || i === samples.length - 1))
    console.log(`| ${Math.round(s.t)} | ${PARTS.map((p) => s.rss[p].toFixed(0)).join(' | ')} |`);
  console.log(
    `\ngrowth after ${values.warmup} min of warm-up, peak of ${Math.round(firstHalf[0].t)}-${Math.round(firstHalf.at(-1)!.t)} s to peak of ${Math.round(secondHalf[0].t)}-${Math.round(end)} s:`,
  );
  for (const p of PARTS) {
    const [from, to] = [peak(firstHalf, p), peak(secondHalf, p)];
    console.log(
      `  ${p.padEnd(10)} ${from.toFixed(0)} → ${to.toFixed(0)} MiB (${(((to - from) / from) * 100).toFixed(1)} %)`,
    );
  }
  console.log(
    `load: ${counts.queries} queries (${counts.errors} errors${errorsBy.size ? `: ${[...errorsBy].map(([what, n]) => `${n} × ${what}`).join(', ')}` : ''}), ${counts.codec} codec round trips, ${training.summary()}`,
  );
  if (values.svg) {
    writeFileSync(
      values.svg,
      soakChart(
        samples,
        [...PARTS],
        `RSS per part, ${minutes} min of mixed load (${mode}${production ? ', production settings' : ''})`,
      ),
    );
    console.log(`chart written to ${values.svg}`);
  }
} finally {
  await stopAll();
}
process.exit(0);
