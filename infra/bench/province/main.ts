import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import pg from 'pg';
import { parseCli } from '../../../services/common/cli.js';
import { readConfig } from '../../../services/common/config.js';
import { signToken } from '../../../services/common/identity.js';
import { visibleParams, visibleSql } from '../../../services/registry/jurisdiction/rules.js';
import { todayInChina } from '../../../services/common/dates.js';
import { migrate } from '../../db/migrate.js';
import { cityExists, generateCity, ORGANIZATIONS, RELATIONSHIPS } from '../generate.js';
import { benchQueries } from '../queries.js';
import { machineLine } from '../report.js';
import { startServers } from '../servers.js';
import { chambersOf, cityId, countyId, makeProvince, provinceId } from './generate.js';
import { inboxQuery, makeInboxTasks, SCOPED_KIND, UNSCOPED_KIND } from './inbox.js';
import { startDevTemporal } from '../../dev/temporal.js';

// npm run bench:province -- [--regenerate] [--requests N] [--warmup N]
//
// Issue 24's figures: the five integrator questions through the gateway as a county, a city
// and the province's admin (scoped by jurisdiction) beside the same question unscoped, in one
// run, one request at a time; and the jurisdiction's own statement (the batched visibility
// check a single record costs) for the province and a county, straight in SQL; and the task
// inbox's first page as a county, a city and the province's officer beside the same page of
// tasks every officer sees (inbox.ts), through the processes subgraph on a Temporal dev server.

const { values: flags } = parseCli({
  usage: 'npm run bench:province -- [--regenerate] [--requests N] [--warmup N]',
  about:
    "Builds (once) a province on the bench city (1 province, 11 cities, 100 counties; 100,000 organisations, ~1,000,000 edges) and times the integrator questions scoped to a county, a city and the province beside unscoped, and the jurisdiction's own statement.",
  options: {
    regenerate: { type: 'boolean', default: false },
    requests: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
  },
});
const REQUESTS = Number(flags.requests);
const WARMUP = Number(flags.warmup);
const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_province';
const log = (line: string) => process.stderr.write(`[bench:province] ${line}\n`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
};

async function timeRequests(url: string, token: string, query: string, variables: unknown): Promise<number[]> {
  const body = JSON.stringify({ query, variables });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers, body });
    const result = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const took = performance.now() - started;
    if (result.errors?.length)
      throw new Error(`${result.errors[0].extensions?.code}: ${result.errors[0].message} (${query.slice(0, 60)}…)`);
    if (i >= WARMUP) samples.push(took);
  }
  return samples;
}

async function build(db: pg.Pool) {
  await db.query(
    'create schema if not exists bench; create table if not exists bench.province (built_at timestamptz not null default now())',
  );
  if (!flags.regenerate && (await db.query('select 1 from bench.province')).rowCount) {
    log('province already built; --regenerate rebuilds it');
    return;
  }
  log('building the province on the bench city (../generate.ts; built first when missing)');
  if (flags.regenerate || !(await cityExists(db, { organizations: ORGANIZATIONS, relationships: RELATIONSHIPS })))
    await generateCity(db, log);
  const [, detail, neighbors, , path] = await benchQueries(db);
  const ends = [neighbors.variables.id, path.variables.from, path.variables.to] as string[];
  await makeProvince(db, [detail.variables.id as string, ...(await chambersOf(db, ends))], log);
  await db.query('insert into bench.province default values');
}

async function main() {
  await migrate(databaseUrl);
  const builder = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await build(builder);
  } finally {
    await builder.end();
  }
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c jit=off' });
  await makeInboxTasks(db, log);
  const temporal = await startDevTemporal();
  const servers = await startServers(databaseUrl, {
    hive: false,
    processes: { temporalAddress: temporal.address },
  }).catch(async (error: unknown) => {
    await temporal.stop();
    throw error;
  });
  try {
    const ids = (
      await db.query<{ province: string; city: string; county: string }>(
        `select ${provinceId} as province, ${cityId(`1 + mod(1, 11)`)} as city, ${countyId('1')} as county`,
      )
    ).rows[0];
    const secret = readConfig(process.env).jwtSecret;
    const admin = (federationId: string) =>
      signToken({ subject: 'bench-admin', roles: ['ADMIN'], organizationIds: [], federationId }, secret);
    const callers: [string, string][] = [
      ['unscoped', servers.token],
      ['province', await admin(ids.province)],
      ['city', await admin(ids.city)],
      ['county', await admin(ids.county)],
    ];
    const queries = (await benchQueries(db)).slice(0, 5);
    const lines = [
      `${REQUESTS} requests each (after ${WARMUP}), one at a time, through the gateway; ms p50 / p99 and the ratio to unscoped`,
      `| question | ${callers.map(([who]) => who).join(' | ')} |`,
      `|---|${callers.map(() => '---|').join('')}`,
    ];
    for (const query of queries) {
      const cells: string[] = [];
      let base = { p50: 0, p99: 0 };
      for (const [who, token] of callers) {
        const s = summary(await timeRequests(servers.gatewayUrl, token, query.graphql, query.variables));
        if (who === 'unscoped') base = s;
        cells.push(
          `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}` +
            (who === 'unscoped' ? '' : ` (${(s.p50 / base.p50).toFixed(2)}× / ${(s.p99 / base.p99).toFixed(2)}×)`),
        );
        log(`${query.name} as ${who}: ${cells.at(-1)}`);
      }
      lines.push(`| ${query.name} | ${cells.join(' | ')} |`);
    }

    // The inbox: officers of each level on the tasks keyed to their Federations, beside the
    // province's officer on as many tasks keyed for every officer (the inbox before jurisdiction).
    const officer = (federationId: string) =>
      signToken({ subject: 'bench-officer', roles: ['FEDERATION_OFFICER'], organizationIds: [], federationId }, secret);
    const inbox: [string, string, string][] = [
      ['unscoped', await officer(ids.province), UNSCOPED_KIND],
      ['province', await officer(ids.province), SCOPED_KIND],
      ['city', await officer(ids.city), SCOPED_KIND],
      ['county', await officer(ids.county), SCOPED_KIND],
    ];
    const inboxCells: string[] = [];
    let inboxBase = { p50: 0, p99: 0 };
    for (const [who, token, kind] of inbox) {
      const s = summary(await timeRequests(servers.gatewayUrl, token, inboxQuery, { kind }));
      if (who === 'unscoped') inboxBase = s;
      inboxCells.push(
        `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}` +
          (who === 'unscoped'
            ? ''
            : ` (${(s.p50 / inboxBase.p50).toFixed(2)}× / ${(s.p99 / inboxBase.p99).toFixed(2)}×)`),
      );
      log(`task inbox as ${who} officer: ${inboxCells.at(-1)}`);
    }
    lines.push(`| task inbox (officers) | ${inboxCells.join(' | ')} |`);

    // The jurisdiction's own statement: RequestJurisdiction's batched check of single records.
    let n = 1;
    const statement = `select o.id from registry.organization o where o.id = any($1::uuid[]) and ${visibleSql('o.id').replace(/\?/g, () => `$${++n}`)}`;
    const sample = (
      await db.query<{ id: string }>(
        `select md5('org' || g)::uuid as id from generate_series(${1_000}, ${90_000}, 1780) g`,
      )
    ).rows.map((row) => row.id);
    lines.push(
      '',
      "the jurisdiction's own statement (visibility of a batch of records), in SQL, 500 times: ms p50 / p99",
    );
    for (const [who, federation] of [
      ['province', ids.province],
      ['county', ids.county],
    ] as const)
      for (const batch of [1, 50]) {
        const values = [sample.slice(0, batch), ...visibleParams(federation, todayInChina())];
        const times: number[] = [];
        for (let i = 0; i < 520; i++) {
          const started = performance.now();
          await db.query({ name: `visible-${who}-${batch}`, text: statement, values });
          if (i >= 20) times.push(performance.now() - started);
        }
        const s = summary(times);
        lines.push(`- ${who}, ${batch} record(s): ${s.p50.toFixed(2)} / ${s.p99.toFixed(2)}`);
      }
    lines.push('', await machineLine(db, 'registry subgraph and gateway as child processes; requests from the parent'));
    console.log(lines.join('\n'));
  } finally {
    await servers.stop();
    await temporal.stop();
    await db.end();
  }
}

await main();
