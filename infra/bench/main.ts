import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import pg from 'pg';
import { parseCli } from '../../services/common/cli.js';
import { migrate } from '../db/migrate.js';
import { cityExists, generateCity, ORGANIZATIONS, RELATIONSHIPS } from './generate.js';
import { startServers, type BenchServers } from './servers.js';
import { benchQueries, pickQueries } from './queries.js';
import { runClosedLoop, runOpenLoop, type LoadOptions, type Send } from './load.js';
import { graphqlSend, sqlSend } from './sends.js';
import {
  formatCeilings,
  formatCpu,
  formatGatewayCost,
  formatRatios,
  formatTable,
  machineLine,
  WAYS,
  type QueryResult,
  type Way,
} from './report.js';
import { explainAll } from './explain.js';
import { boundText, findCeiling, parseBound } from './ceiling.js';
import { cpuWindow, type CpuTotals } from './cpu.js';

// npm run bench:registry -- [--regenerate] [--queries 1,3,path] [--ways gateway,local,hive,subgraph,sql] [--rate N]
//   [--seconds N] [--warmup N] [--no-open-loop] [--no-ceilings] [--p99-bound 250|5x|5x,250]
//   [--ceiling-seconds N] [--ceiling-warmup N] [--max-concurrency N] [--explain]
//
// Builds (once) a synthetic city in its own database, starts the registry subgraph, the
// gateway and The Guild's Hive Gateway (same supergraph, same subgraph) as child processes, and
// measures each query each way (through either gateway, at the subgraph, in SQL): at a fixed arrival rate (open
// loop), then each way's throughput ceiling (closed loop, rising concurrency), with the CPU each
// server process spent per request.

const { values: flags } = parseCli({
  usage:
    'npm run bench:registry -- [--regenerate] [--queries 1,3,path] [--ways gateway,local,hive,subgraph,sql] [--rate N] [--seconds N] [--warmup N] [--no-open-loop] [--no-ceilings] [--p99-bound 250|5x|5x,250] [--ceiling-seconds N] [--ceiling-warmup N] [--max-concurrency N] [--explain]',
  about:
    "Builds (once) a synthetic city in its own database, starts the registry subgraph, the gateway and The Guild's Hive Gateway (same supergraph, same subgraph) as child processes, and measures each query each way (through either gateway, at the subgraph, in SQL): at a fixed arrival rate (open loop), then each way's throughput ceiling (closed loop, rising concurrency), with the CPU each server process spent per request.",
  options: {
    regenerate: { type: 'boolean', default: false },
    queries: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
    ways: { type: 'string', default: WAYS.join(',') },
    'open-loop': { type: 'boolean', default: true },
    ceilings: { type: 'boolean', default: true },
    'p99-bound': { type: 'string', default: '250' },
    'ceiling-seconds': { type: 'string', default: '4' },
    'ceiling-warmup': { type: 'string', default: '1' },
    'max-concurrency': { type: 'string', default: '64' },
  },
});
const ways = flags.ways
  .split(',')
  .map((w) => w.trim())
  .filter(Boolean) as Way[];
for (const way of ways) if (!WAYS.includes(way)) throw new Error(`--ways takes ${WAYS.join(', ')}; got "${way}"`);

const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench';
const began = performance.now();
const log = (step: string) =>
  console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${step}`);
const load: Omit<LoadOptions, 'rate'> = {
  seconds: positive('seconds', flags.seconds),
  warmupSeconds: Number(flags.warmup),
  timeoutMs: 10_000,
};
const ceiling = {
  seconds: positive('ceiling-seconds', flags['ceiling-seconds']),
  warmupSeconds: Number(flags['ceiling-warmup']),
  timeoutMs: load.timeoutMs,
  maxConcurrency: positive('max-concurrency', flags['max-concurrency']),
  bound: parseBound(flags['p99-bound']),
};

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

/** A way that fails its first request is not loaded (e.g. a field not built yet): its error, else undefined. */
async function firstAnswer(send: Send): Promise<string | undefined> {
  try {
    await send(AbortSignal.timeout(load.timeoutMs));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Runs `cell` inside a CPU window; the CPU comes back per answered request. */
async function withCpu<T extends { answered: number }>(
  meter: () => ReturnType<typeof cpuWindow>,
  cell: () => Promise<T>,
): Promise<[T, CpuTotals]> {
  const window = await meter();
  const result = await cell();
  const spent = await window.stop();
  const per = (v: number) => v / Math.max(1, result.answered);
  return [
    result,
    {
      registry: per(spent.registry),
      gateway: per(spent.gateway),
      postgres: per(spent.postgres),
      client: per(spent.client),
    },
  ];
}

const cpuText = (way: Way, cpu: CpuTotals) =>
  `cpu ms/req ${way === 'gateway' || way === 'hive' || way === 'local' ? `${{ hive: 'hive', local: 'gw+sg' }[way as string] ?? 'gw'} ${cpu.gateway.toFixed(2)} ` : ''}` +
  `${way !== 'sql' && way !== 'local' ? `sg ${cpu.registry.toFixed(2)} ` : ''}pg ${cpu.postgres.toFixed(2)}`;

async function main() {
  log(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
  await migrate(databaseUrl); // creates the database first when it is missing
  // Custom plans always: a cached generic plan of the list page (`name ilike $2`) took 28 ms
  // instead of 3; parsing once per connection (named statements) is kept. No JIT: compiling
  // the traversal CTEs costs 15–45 ms, more than running them (the subgraph still pays it).
  const db = new pg.Pool({
    connectionString: databaseUrl,
    max: 8,
    statement_timeout: load.timeoutMs,
    connectionTimeoutMillis: load.timeoutMs,
    options: '-c plan_cache_mode=force_custom_plan -c jit=off',
  });
  let servers: BenchServers | undefined;
  try {
    const size = { organizations: ORGANIZATIONS, relationships: RELATIONSHIPS };
    // Its own connection, without the measuring pool's statement timeout.
    const builder = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      if (!flags.regenerate && (await cityExists(builder, size))) {
        log(
          `city already built (${size.organizations} organizations, ${size.relationships} relationships); --regenerate rebuilds it`,
        );
      } else {
        log('building the city');
        await generateCity(builder, log);
      }
    } finally {
      await builder.end();
    }
    const queries = pickQueries(await benchQueries(db), flags.queries);
    if (flags.explain) {
      await explainAll(db, queries, log);
      return;
    }
    servers = await startServers(databaseUrl, { hive: ways.includes('hive'), local: ways.includes('local') });
    log(
      `registry subgraph at ${servers.registryUrl} (pid ${servers.pids.registry}), gateway at ${servers.gatewayUrl} (pid ${servers.pids.gateway})` +
        `${servers.hiveUrl ? `, Hive gateway at ${servers.hiveUrl} (pid ${servers.pids.hive})` : ''}` +
        `${servers.localUrl ? `, gateway with the registry in its process at ${servers.localUrl} (pid ${servers.pids.local})` : ''}`,
    );
    const sampler = new pg.Client({ connectionString: databaseUrl });
    await sampler.connect();
    const database = new URL(databaseUrl).pathname.slice(1);
    // A way through a gateway counts that gateway's process (Apollo's, Hive's, or the one holding
    // the registry too) as `gateway`; the co-located way has no registry process of its own.
    const meterFor = (way: Way) => () =>
      cpuWindow({
        registryPid: way === 'local' ? NaN : servers!.pids.registry,
        gatewayPid: { hive: servers!.pids.hive, local: servers!.pids.local }[way as string] ?? servers!.pids.gateway,
        sampler,
        database,
      });
    const results: QueryResult[] = [];
    try {
      for (const query of queries) {
        const rate = flags.rate ? positive('rate', flags.rate) : query.rate;
        const { rows } = await db.query(query.sql, query.params);
        const expected = query.sqlSize(rows);
        const result: QueryResult = {
          name: query.name,
          rate,
          answer: query.answer(rows),
          cells: {},
          cpu: {},
          ceilings: {},
        };
        results.push(result);
        const sends: Record<Way, Send> = {
          gateway: graphqlSend(servers.gatewayUrl, servers.token, query, expected),
          local: graphqlSend(servers.localUrl, servers.token, query, expected),
          hive: graphqlSend(servers.hiveUrl, servers.token, query, expected),
          subgraph: graphqlSend(servers.registryUrl, servers.token, query, expected),
          sql: sqlSend(db, query, expected),
        };
        for (const way of ways) {
          const meter = meterFor(way);
          const failed = await firstAnswer(sends[way]);
          if (failed) {
            result.cells[way] = {
              rate,
              p50: NaN,
              p99: NaN,
              throughput: 0,
              sent: 1,
              errors: 1,
              answered: 0,
              firstError: failed,
            };
            log(`${query.name} / ${way}: ${failed}; not measured`);
            continue;
          }
          if (flags['open-loop']) {
            const [cell, cpu] = await withCpu(meter, () => runOpenLoop(sends[way], { ...load, rate }));
            [result.cells[way], result.cpu[way]] = [cell, cpu];
            log(
              `${query.name} / ${way} at ${rate}/s: p50 ${cell.p50.toFixed(1)} ms, p99 ${cell.p99.toFixed(1)} ms, ` +
                `${cell.throughput.toFixed(1)} req/s, ${cell.errors} errors${cell.firstError ? ` (${cell.firstError})` : ''}; ${cpuText(way, cpu)}`,
            );
          }
          if (flags.ceilings) {
            const step = async (concurrency: number) => {
              const [cell, cpu] = await withCpu(meter, () => runClosedLoop(sends[way], { ...ceiling, concurrency }));
              return { ...cell, cpu };
            };
            const found = await findCeiling(step, ceiling, (s, boundMs) =>
              log(
                `${query.name} / ${way} ceiling, ${s.concurrency} clients: ` +
                  `${s.throughput.toFixed(1)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (bound ${boundMs.toFixed(0)}), ` +
                  `${s.errors} errors${s.firstError ? ` (${s.firstError})` : ''}; ${cpuText(way, s.cpu)}`,
              ),
            );
            result.ceilings[way] = { ...found, cpu: found.best?.cpu };
            log(
              `${query.name} / ${way} ceiling: ${found.best ? `${found.best.throughput.toFixed(1)} req/s at ${found.best.concurrency} clients` : 'none'}; stopped: ${found.stop}`,
            );
          }
        }
      }
    } finally {
      await sampler.end();
    }
    const bound = boundText(ceiling.bound);
    console.log(
      [
        '',
        formatTable(results, load),
        flags.ceilings ? `\n${formatCeilings(results, bound, ceiling)}` : '',
        `\n${formatCpu(results, flags.ceilings)}`,
        `\n${formatRatios(results)}`,
        `\n${formatGatewayCost(results)}`,
        `\n${await machineLine(db, 'registry subgraph and gateway as child processes; load generator and pg pool in the parent')}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  } finally {
    await servers?.stop();
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
