import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { parseCli } from '../../../services/common/cli.js';
import { migrate } from '../../db/migrate.js';
import { cityExists, generateCity, ORGANIZATIONS, RELATIONSHIPS } from '../generate.js';
import { startServers } from '../servers.js';
import { benchQueries } from '../queries.js';
import { signToken } from '../../../services/common/identity.js';
import { readConfig } from '../../../services/common/config.js';
import { hostileQueries } from './hostile.js';
import { runMixed, type ClassResult, type MixedOptions } from './mixed-loop.js';

// npm run bench:load -- [--rate 20] [--seconds 60] [--warmup 5]
//
// A mixed integrator workload (list pages, details, traversal, statistics, paths) through the
// gateway at a fixed arrival rate on the benchmark city (see bench:registry), twice: honest
// requests alone, then with every tenth request hostile (from another identity). Prints the
// honest requests' p50/p99 both ways, error rates, and the servers' memory at start and end.

const { values: flags } = parseCli({
  usage: 'npm run bench:load -- [--rate 20] [--seconds 60] [--warmup 5]',
  about:
    "A mixed integrator workload (list pages, details, traversal, statistics, paths) through the gateway at a fixed arrival rate on the benchmark city (see bench:registry), twice: honest requests alone, then with every tenth request hostile (from another identity). Prints the honest requests' p50/p99 both ways, error rates, and the servers' memory at start and end.",
  options: {
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
  },
});
const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench';
const began = performance.now();
const log = (step: string) =>
  console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${step}`);

/** Resident memory of a process, MiB, from the kernel's own counter. */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function post(url: string, token: string, body: string, signal: AbortSignal) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    signal,
  });
}

async function main() {
  const options: MixedOptions = {
    rate: Number(flags.rate),
    seconds: Number(flags.seconds),
    warmupSeconds: Number(flags.warmup),
    timeoutMs: 10_000,
    hostileEvery: 0,
  };
  await migrate(databaseUrl);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  if (!(await cityExists(db, { organizations: ORGANIZATIONS, relationships: RELATIONSHIPS }))) {
    log('building the benchmark city (once)');
    await generateCity(db, log);
  }
  const queries = await benchQueries(db);
  const startId = String((queries.find((q) => q.name.includes('neighbors'))?.variables as { id?: string }).id ?? '');
  await db.end();
  const servers = await startServers(databaseUrl);
  const attacker = await signToken(
    { subject: 'bench-hostile', roles: ['INTEGRATOR'], organizationIds: [] },
    readConfig().jwtSecret,
  );
  const honestBodies = queries.map((q) => JSON.stringify({ query: q.graphql, variables: q.variables }));
  const hostileBodies = hostileQueries(startId).map((q) => JSON.stringify({ query: q.query }));
  const honest = async (i: number, signal: AbortSignal) => {
    const response = await post(servers.gatewayUrl, servers.token, honestBodies[i % honestBodies.length], signal);
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors[0].message);
  };
  // A hostile request "succeeds" here when it is refused: any answer that carries errors.
  const hostile = async (i: number, signal: AbortSignal) => {
    const response = await post(
      servers.gatewayUrl,
      attacker,
      hostileBodies[Math.floor(i / 10) % hostileBodies.length],
      signal,
    );
    const body = (await response.json()) as { errors?: unknown[] };
    if (!body.errors?.length) throw new Error('a hostile query was executed');
  };
  const memory = () =>
    `gateway ${rssMiB(servers.pids.gateway).toFixed(0)} MiB, registry ${rssMiB(servers.pids.registry).toFixed(0)} MiB`;
  try {
    const atStart = memory();
    log(`servers up (${atStart}); honest only at ${options.rate}/s for ${options.seconds} s`);
    const calm = await runMixed(honest, hostile, options);
    log(`honest only: p50 ${calm.honest.p50.toFixed(1)} ms, p99 ${calm.honest.p99.toFixed(1)} ms; ${memory()}`);
    log(`with every tenth request hostile, ${options.rate}/s for ${options.seconds} s`);
    const stormy = await runMixed(honest, hostile, { ...options, hostileEvery: 10 });
    const atEnd = memory();
    const row = (label: string, c: ClassResult) =>
      `| ${label} | ${c.sent} | ${c.p50.toFixed(1)} | ${c.p99.toFixed(1)} | ${((100 * c.errors) / Math.max(1, c.sent)).toFixed(1)} %${c.firstError ? ` (${c.firstError.slice(0, 60)})` : ''} |`;
    console.log(
      `\n| requests | n | p50 ms | p99 ms | errors |\n| --- | ---: | ---: | ---: | --- |\n${[
        row('honest, alone', calm.honest),
        row('honest, beside the hostile tenth', stormy.honest),
        row('hostile (must be refused)', stormy.hostile),
      ].join(
        '\n',
      )}\n\nhonest p50 / p99 with the hostile tenth ÷ alone: ${(stormy.honest.p50 / calm.honest.p50).toFixed(2)}× / ${(stormy.honest.p99 / calm.honest.p99).toFixed(2)}×`,
    );
    console.log(`memory at start: ${atStart}; at end: ${atEnd}`);
  } finally {
    await servers.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
