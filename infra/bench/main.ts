import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import pg from 'pg';
import { parseArgs } from 'node:util';
import { migrate } from '../db/migrate.js';
import { cityExists, generateCity, ORGANIZATIONS, RELATIONSHIPS } from './generate.js';
import { startServers, type BenchServers } from './servers.js';
import { benchQueries } from './queries.js';
import type { BenchQuery } from './bench-query.js';
import { runOpenLoop, type CellResult, type LoadOptions, type Send } from './load.js';
import { formatTable, machineLine, WAYS, type QueryResult, type Way } from './report.js';
import { explainAll } from './explain.js';

// npm run bench:registry -- [--regenerate] [--queries 1,3,path] [--rate N] [--seconds N] [--warmup N] [--explain]
//
// Builds (once) a synthetic city in its own database, starts the registry subgraph and the
// gateway as child processes, and measures each query three ways at a fixed arrival rate.

const { values: flags } = parseArgs({
  options: {
    regenerate: { type: 'boolean', default: false },
    queries: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
  },
});

const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench';
const began = performance.now();
const log = (step: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${step}`);
const load: Omit<LoadOptions, 'rate'> = {
  seconds: positive('seconds', flags.seconds),
  warmupSeconds: Number(flags.warmup),
  timeoutMs: 10_000,
};

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

/** --queries: numbers 1–5 or words from the names ("path", "neighbors"); default all. */
function chosen(queries: BenchQuery[]): BenchQuery[] {
  if (!flags.queries) return queries;
  const wanted = flags.queries.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  return queries.filter((q, i) => wanted.some((w) => (/^\d+$/.test(w) ? w === String(i + 1) : q.name.includes(w))));
}

function graphqlSend(url: string, token: string, query: BenchQuery, expected: number | string): Send {
  const body = JSON.stringify({ query: query.graphql, variables: query.variables });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return async (signal) => {
    // Node's fetch (undici) keeps connections alive and opens more as requests overlap.
    const response = await fetch(url, { method: 'POST', headers, body, signal });
    const result = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (result.errors?.length) throw new Error(`GraphQL error: ${result.errors[0]!.message}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const size = query.graphqlSize(result.data);
    if (size !== expected) throw new Error(`wrong answer: size ${size}, the SQL says ${expected}`);
  };
}

function sqlSend(db: pg.Pool, query: BenchQuery, expected: number | string): Send {
  // A named statement: each pooled connection parses and plans it once and may keep a generic
  // plan, as a hand-written data access layer would. pg has no abort signal; the pool's
  // statement_timeout and connection timeout bound a request instead.
  const statement = { name: `bench ${query.name}`, text: query.sql, values: query.params };
  return async () => {
    const { rows } = await db.query(statement);
    const size = query.sqlSize(rows);
    if (size !== expected) throw new Error(`wrong answer: size ${size}, expected ${expected}`);
  };
}

/** One cell; a way that fails its first request is not loaded (e.g. a field not built yet). */
async function measure(send: Send, rate: number): Promise<CellResult> {
  try {
    await send(AbortSignal.timeout(load.timeoutMs));
  } catch (error) {
    return { rate, p50: NaN, p99: NaN, throughput: 0, sent: 1, errors: 1, firstError: (error as Error).message };
  }
  return runOpenLoop(send, { ...load, rate });
}

async function main() {
  log(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
  await migrate(databaseUrl); // creates the database first when it is missing
  // Custom plans always: a cached generic plan of the list page (`name ilike $2`) took 28 ms
  // instead of 3; parsing once per connection (named statements) is kept. No JIT: compiling
  // the traversal CTEs costs 15–45 ms, more than running them (the subgraph still pays it).
  const db = new pg.Pool({
    connectionString: databaseUrl, max: 8, statement_timeout: load.timeoutMs, connectionTimeoutMillis: load.timeoutMs,
    options: '-c plan_cache_mode=force_custom_plan -c jit=off',
  });
  let servers: BenchServers | undefined;
  try {
    const size = { organizations: ORGANIZATIONS, relationships: RELATIONSHIPS };
    // Its own connection, without the measuring pool's statement timeout.
    const builder = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      if (!flags.regenerate && (await cityExists(builder, size))) {
        log(`city already built (${size.organizations} organizations, ${size.relationships} relationships); --regenerate rebuilds it`);
      } else {
        log('building the city');
        await generateCity(builder, log);
      }
    } finally {
      await builder.end();
    }
    const queries = chosen(await benchQueries(db));
    if (flags.explain) {
      await explainAll(db, queries, log);
      return;
    }
    servers = await startServers(databaseUrl);
    log(`registry subgraph at ${servers.registryUrl}, gateway at ${servers.gatewayUrl} (child processes)`);
    const results: QueryResult[] = [];
    for (const query of queries) {
      const rate = flags.rate ? positive('rate', flags.rate) : query.rate;
      const { rows } = await db.query(query.sql, query.params);
      const expected = query.sqlSize(rows);
      const result: QueryResult = { name: query.name, rate, answer: query.answer(rows), cells: {} };
      const sends: Record<Way, Send> = {
        gateway: graphqlSend(servers.gatewayUrl, servers.token, query, expected),
        subgraph: graphqlSend(servers.registryUrl, servers.token, query, expected),
        sql: sqlSend(db, query, expected),
      };
      for (const way of WAYS) {
        result.cells[way] = await measure(sends[way], rate);
        const cell = result.cells[way]!;
        log(`${query.name} / ${way} at ${rate}/s: p50 ${cell.p50.toFixed(1)} ms, p99 ${cell.p99.toFixed(1)} ms, `
          + `${cell.throughput.toFixed(1)} req/s, ${cell.errors} errors${cell.firstError ? ` (${cell.firstError})` : ''}`);
      }
      results.push(result);
    }
    console.log(`\n${formatTable(results, load)}\n${await machineLine(db, 'registry subgraph and gateway as child processes; load generator and pg pool in the parent')}`);
  } finally {
    await servers?.stop();
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
