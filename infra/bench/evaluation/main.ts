import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectClient, hubClient } from '../../../services/common/temporal.js';
import { readConfig } from '../../../services/common/config.js';
import { signToken } from '../../../services/common/identity.js';
import { quietTemporalLogs } from '../../../services/processes/worker.js';
import { freePort, freshDatabase, startHubChild, startTemporal } from '../processes/stack.js';
import { machine } from '../processes/report.js';
import { cpuSeconds, temporalPid, watchMemory } from './proc.js';
import { addEligibleOrganizations, runApplies, runInvitations } from './campaign.js';
import { EMPTY_TASK_QUEUE } from './worker.js';
import { benchEmptyParent } from './empty-workflows.js';
import { formatReport } from './report.js';

// npm run bench:evaluation -- [--applications 1000] [--concurrency 20]
//
// A 2020 rating campaign over --applications synthetic eligible organisations on a Temporal dev
// server: time until every invitation is open, then (every invitation decided APPLY through the
// `decide` update, --concurrency at a time) until every self-assessment is open, with the hub's
// memory; beside it, in the same run, as many empty child workflows of a trivial parent.

const { values: flags } = parseArgs({ options: { applications: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '20' } } });
const whole = (name: string, raw: string) => {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${raw}"`);
  return v;
};
const applications = whole('applications', flags.applications);
const concurrency = whole('concurrency', flags.concurrency);
const databaseUrl = process.env.BENCH_EVALUATION_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_evaluation';
const began = performance.now();
const log = (step: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${step}`);

async function main() {
  quietTemporalLogs();
  const stops: (() => Promise<void>)[] = [];
  try {
    log(`fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations, seed, ${applications} synthetic eligible associations`);
    await freshDatabase(databaseUrl);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    stops.push(() => pool.end());
    await addEligibleOrganizations(pool, applications);
    const server = await startTemporal(false);
    stops.push(server.stop);
    log(`Temporal dev server at ${server.address}`);
    const env = {
      // The hub child runs with NODE_ENV=production, which refuses the public dev payload key.
      TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
      DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: 'hub-bench-evaluation', LISTEN_HOST: '127.0.0.1',
      GATEWAY_PORT: String(await freePort()), REGISTRY_PORT: String(await freePort()), PROCESSES_PORT: String(await freePort()), CODEC_PORT: String(await freePort()),
    };
    const settings = readConfig({ ...process.env, ...env });
    log('starting the hub (registry, processes, worker, gateway) and the empty workflows\' worker in one child process; bundling ...');
    const hub = await startHubChild(env, { entry: 'infra/bench/evaluation/hub.ts', readyWithinMs: 180_000 });
    stops.push(hub.stop);
    const memory = watchMemory(hub.pid);
    stops.push(async () => memory.stop());
    const idle = memory.mark('idle');
    log(`hub ready (pid ${hub.pid}, RSS ${idle.toFixed(0)} MiB): gateway ${hub.gatewayUrl}`);
    // The hub's codec, so the parent's start and the decide updates pay for encryption as the hub does.
    const connection = await connectClient(settings);
    stops.push(() => connection.close());
    const client = hubClient(connection, settings);
    const admin = await signToken({ subject: 'bench-admin', roles: ['ADMIN'], organizationIds: [] }, settings.jwtSecret);
    // CPU per phase of the hub and of the dev server: which side a phase waits on.
    const serverPid = temporalPid(server.address);
    const cpu = { empty: [0, 0], invitations: [0, 0], applies: [0, 0] };
    const cpuNow = () => [cpuSeconds(hub.pid), Number.isNaN(serverPid) ? NaN : cpuSeconds(serverPid)];
    let cpuBefore = cpuNow();
    const cpuSpent = () => {
      const now = cpuNow();
      const spent = now.map((v, i) => v - cpuBefore[i]!);
      cpuBefore = now;
      return spent;
    };

    // The floor first, while the server holds no open application: an empty parent's children.
    memory.mark('empty');
    log(`empty children: one parent starts ${applications} empty children`);
    const emptyStarted = performance.now();
    const parent = await client.workflow.start(benchEmptyParent, { args: [applications], workflowId: `bench-empty-parent-${applications}`, taskQueue: EMPTY_TASK_QUEUE });
    const progress = setInterval(() => log(`  empty children: ${((performance.now() - emptyStarted) / 1000).toFixed(0)} s, parent still running`), 5000);
    await parent.result().finally(() => clearInterval(progress));
    const empty = { children: applications, seconds: (performance.now() - emptyStarted) / 1000 };
    cpu.empty = cpuSpent();
    log(`empty children: all ${applications} completed in ${empty.seconds.toFixed(1)} s`);

    const beforeCampaign = memory.mark('invitations');
    log(`campaign: startEvaluationCampaign(2020, RATING) through the gateway as ADMIN (hub RSS ${beforeCampaign.toFixed(0)} MiB)`);
    const invitations = await runInvitations(hub.gatewayUrl, admin, pool, log);
    cpu.invitations = cpuSpent();
    // Every synthetic association must be among the eligible, or the phase measured fewer than asked.
    const refused = (await pool.query<{ n: number }>("select count(*)::int as n from processes.evaluation_ineligible where organization_name like '评估压测%'")).rows[0]!.n;
    if (refused) throw new Error(`${refused} synthetic associations were judged ineligible`);
    log(`campaign: ${invitations.eligible} invitations open after ${invitations.seconds.toFixed(1)} s`);
    memory.mark('applies');
    log(`campaign: deciding every invitation APPLY, ${concurrency} at a time`);
    const applies = await runApplies(client, pool, concurrency, log);
    cpu.applies = cpuSpent();
    const end = memory.mark('end');
    log(`campaign: ${applies.applications} self-assessments open after ${applies.seconds.toFixed(1)} s`);

    console.log(`\n${formatReport({
      synthetic: applications, invitations, applies, empty, cpu,
      memory: { idle, beforeCampaign, end, peak: { empty: memory.peak('empty'), invitations: memory.peak('invitations'), applies: memory.peak('applies') } },
    })}\n\nmachine: ${machine()}; Temporal dev server (defaults); the hub (registry, processes, worker, gateway) and the `
      + `empty workflows' worker in one child process, whose RSS and CPU these are; load generator in the parent; whole run ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('while stopping:', error));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
