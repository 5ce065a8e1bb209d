import 'reflect-metadata';
import pg from 'pg';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCli } from '../../services/common/cli.js';
import { cityExists, ORGANIZATIONS, RELATIONSHIPS } from './generate.js';
import { startServers } from './servers.js';
import { benchQueries, pickQueries } from './queries.js';
import { runClosedLoop } from './load.js';
import { graphqlSend } from './sends.js';
import { cpuSeconds } from './evaluation/proc.js';
import { selfTimes } from './cpu-profile.js';

// npm run bench:registry:profile -- [--server registry|gateway|local] [--via gateway] [--queries list,detail] [--seconds 10] [--warmup 3] [--concurrency 2] [--top 25] [--interval 500]
//
// Where the registry subgraph's time goes (or, with --server gateway, the gateway's; with --server
// local, the one process holding the gateway and the registry, infra/bench/co-located.ts): for each
// query, that child under `node --cpu-prof`, driven by a closed loop at it directly (or, with
// `--server registry --via gateway`, through the gateway, to see what the gateway's requests
// cost the subgraph beyond a client's), then the profile's self time by function and by place (package or file), counting only the samples of
// the measured seconds. Needs the bench city (npm run bench:registry builds it).

const { values: flags } = parseCli({
  usage:
    'npm run bench:registry:profile -- [--server registry|gateway|local] [--via gateway] [--queries list,detail] [--seconds 10] [--warmup 3] [--concurrency 2] [--top 25] [--interval 500]',
  about:
    "Where the registry subgraph's time goes (or, with --server gateway, the gateway's): for each query, that child under `node --cpu-prof`, driven by a closed loop at it directly, then the profile's self time by function and by place (package or file), counting only the samples of the measured seconds. Needs the bench city (npm run bench:registry builds it).",
  options: {
    server: { type: 'string', default: 'registry' },
    via: { type: 'string', default: 'direct' },
    queries: { type: 'string', default: 'list,detail' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '2' },
    top: { type: 'string', default: '25' },
    interval: { type: 'string', default: '500' },
  },
});
const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench';
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)}%`;

async function main() {
  if (flags.server !== 'registry' && flags.server !== 'gateway' && flags.server !== 'local')
    throw new Error(`--server takes registry, gateway or local, got "${flags.server}"`);
  if (flags.via !== 'direct' && flags.via !== 'gateway') throw new Error(`--via takes gateway, got "${flags.via}"`);
  const profiled = flags.server;
  // The registry is driven directly unless asked through the gateway; the gateway always is.
  const throughGateway = profiled === 'gateway' || flags.via === 'gateway';
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    if (!(await cityExists(db, { organizations: ORGANIZATIONS, relationships: RELATIONSHIPS }))) {
      throw new Error('no bench city in the database: run npm run bench:registry once first');
    }
    for (const query of pickQueries(await benchQueries(db), flags.queries)) {
      const { rows } = await db.query(query.sql, query.params);
      const dir = mkdtempSync(join(tmpdir(), `${profiled}-profile-`));
      const profiling = ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${Number(flags.interval)}`];
      const servers = await startServers(
        databaseUrl,
        profiled === 'registry'
          ? { gateway: throughGateway, registryNodeArgs: profiling }
          : profiled === 'local'
            ? { gateway: false, local: true, localNodeArgs: profiling }
            : { gatewayNodeArgs: profiling },
      );
      const send = graphqlSend(
        profiled === 'local' ? servers.localUrl : throughGateway ? servers.gatewayUrl : servers.registryUrl,
        servers.token,
        query,
        query.sqlSize(rows),
      );
      const pid = servers.pids[profiled];
      const loop = {
        seconds: Number(flags.seconds),
        warmupSeconds: 0,
        timeoutMs: 10_000,
        concurrency: Number(flags.concurrency),
      };
      let window: [number, number];
      let cpuMs: number;
      let result: Awaited<ReturnType<typeof runClosedLoop>>;
      try {
        await runClosedLoop(send, { ...loop, seconds: Number(flags.warmup) });
        const [from, cpuBefore] = [monotonicUs(), cpuSeconds(pid)];
        result = await runClosedLoop(send, loop);
        window = [from, monotonicUs()];
        cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
      } finally {
        await servers.stop(); // the child writes its profile as it exits
      }
      const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error(`the ${profiled} wrote no profile in ${dir}`);
      const times = selfTimes(join(dir, file), ...window);
      const n = result.answered;
      const top = Number(flags.top);
      console.log(
        `\n=== ${query.name}: ${n} requests at ${flags.concurrency} clients in ${flags.seconds} s (${result.throughput.toFixed(1)} req/s), ` +
          `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms${throughGateway ? ' through the gateway' : ''}; ${profiled} CPU ${(cpuMs / n).toFixed(2)} ms/req (/proc), ` +
          `${(times.busyMs / n).toFixed(2)} ms/req sampled busy, ${(times.idleMs / n).toFixed(2)} idle\nprofile: ${join(dir, file)}`,
      );
      console.log('\nself time by place (ms/req, share of busy):');
      for (const p of times.places.slice(0, 15))
        console.log(`  ${(p.ms / n).toFixed(3).padStart(7)} ${pct(p.ms, times.busyMs)}  ${p.place}`);
      console.log(`\ntop ${top} functions by self time (ms/req, share of busy):`);
      for (const f of times.functions.slice(0, top))
        console.log(`  ${(f.ms / n).toFixed(3).padStart(7)} ${pct(f.ms, times.busyMs)}  ${f.name}  [${f.place}]`);
    }
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
