import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import { parseCli } from '../../../services/common/cli.js';
import pg from 'pg';
import { signToken } from '../../../services/common/identity.js';
import { freshDatabase } from '../processes/stack.js';
import { machine } from '../processes/report.js';
import { progressLog, runBench, startStack, wholeFlag } from '../run.js';
import { addEligibleOrganizations, runApplies, runInvitations } from './campaign.js';
import { inLanes } from '../procurement/lanes.js';
import { ping, startInboxes } from '../procurement/floor.js';
import { EMPTY_TASK_QUEUE } from './worker.js';
import { benchEmptyParent } from './empty-workflows.js';
import { formatReport } from './report.js';

// npm run bench:evaluation -- [--applications 1000] [--concurrency 20]
//
// A 2020 rating campaign over --applications synthetic eligible organisations on a Temporal dev
// server: time until every invitation is open, then (every invitation decided APPLY through the
// `decide` update, --concurrency at a time) until every self-assessment is open, with the hub's
// memory; beside it, in the same run, as many empty child workflows of a trivial parent.

const { values: flags } = parseCli({
  usage: 'npm run bench:evaluation -- [--applications 1000] [--concurrency 20]',
  about:
    "A 2020 rating campaign over --applications synthetic eligible organisations on a Temporal dev server: time until every invitation is open, then (every invitation decided APPLY through the `decide` update, --concurrency at a time) until every self-assessment is open, with the hub's memory; beside it, in the same run, as many empty child workflows of a trivial parent.",
  options: { applications: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '20' } },
});
const applications = wholeFlag('applications', flags.applications);
const concurrency = wholeFlag('concurrency', flags.concurrency);
const databaseUrl =
  process.env.BENCH_EVALUATION_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_evaluation';
const log = progressLog();

runBench(async (stops) => {
  log(
    `fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations, seed, ${applications} synthetic eligible associations`,
  );
  await freshDatabase(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  stops.push(() => pool.end());
  await addEligibleOrganizations(pool, applications);
  const { hub, memory, idle, client, settings, cpuSpent } = await startStack({
    databaseUrl,
    taskQueue: 'hub-bench-evaluation',
    hubEntry: 'infra/bench/evaluation/hub.ts',
    sideWorker: "the empty workflows' worker",
    log,
    stops,
  });
  const admin = await signToken({ subject: 'bench-admin', roles: ['ADMIN'], organizationIds: [] }, settings.jwtSecret);
  // CPU per phase of the hub and of the dev server: which side a phase waits on.
  const cpu = { empty: [0, 0], invitations: [0, 0], noop: [0, 0], applies: [0, 0] };

  // The floor first, while the server holds no open application: an empty parent's children.
  memory.mark('empty');
  log(`empty children: one parent starts ${applications} empty children`);
  const emptyStarted = performance.now();
  const parent = await client.workflow.start(benchEmptyParent, {
    args: [applications],
    workflowId: `bench-empty-parent-${applications}`,
    taskQueue: EMPTY_TASK_QUEUE,
  });
  const progress = setInterval(
    () => log(`  empty children: ${((performance.now() - emptyStarted) / 1000).toFixed(0)} s, parent still running`),
    5000,
  );
  await parent.result().finally(() => clearInterval(progress));
  const empty = { children: applications, seconds: (performance.now() - emptyStarted) / 1000 };
  cpu.empty = cpuSpent();
  log(`empty children: all ${applications} completed in ${empty.seconds.toFixed(1)} s`);

  const beforeCampaign = memory.mark('invitations');
  log(
    `campaign: startEvaluationCampaign(2020, RATING) through the gateway as ADMIN (hub RSS ${beforeCampaign.toFixed(0)} MiB)`,
  );
  const invitations = await runInvitations(hub.gatewayUrl, admin, pool, log);
  cpu.invitations = cpuSpent();
  // Every synthetic association must be among the eligible, or the phase measured fewer than asked.
  const refused = (
    await pool.query<{ n: number }>(
      "select count(*)::int as n from processes.evaluation_ineligible where organization_name like '评估压测%'",
    )
  ).rows[0].n;
  if (refused) throw new Error(`${refused} synthetic associations were judged ineligible`);
  log(`campaign: ${invitations.eligible} invitations open after ${invitations.seconds.toFixed(1)} s`);
  // The floor of the decisions: as many no-op updates, as many at a time, to 100 empty inboxes.
  const inboxCount = Math.min(100, invitations.eligible);
  const perInbox = Math.ceil(invitations.eligible / inboxCount);
  const inboxes = await startInboxes(client, inboxCount, perInbox);
  memory.mark('noop');
  cpuSpent();
  log(`no-op updates: ${invitations.eligible} to ${inboxCount} empty workflows, ${concurrency} at a time`);
  const noop = await inLanes(
    'no-op updates',
    invitations.eligible,
    concurrency,
    (i) => ping(client, inboxes[i % inboxCount]),
    log,
  );
  if (noop.errors) throw new Error(`${noop.errors} no-op updates failed: ${noop.firstError}`);
  cpu.noop = cpuSpent();
  log(`no-op updates: p50 ${noop.p50.toFixed(0)} ms, p99 ${noop.p99.toFixed(0)} ms`);
  memory.mark('applies');
  log(`campaign: deciding every invitation APPLY, ${concurrency} at a time`);
  const applies = await runApplies(client, pool, concurrency, log);
  cpu.applies = cpuSpent();
  const end = memory.mark('end');
  log(`campaign: ${applies.applications} self-assessments open after ${applies.seconds.toFixed(1)} s`);

  console.log(
    `\n${formatReport({
      synthetic: applications,
      concurrency,
      invitations,
      applies,
      empty,
      noop,
      cpu,
      memory: {
        idle,
        beforeCampaign,
        end,
        peak: {
          empty: memory.peak('empty'),
          invitations: memory.peak('invitations'),
          noop: memory.peak('noop'),
          applies: memory.peak('applies'),
        },
      },
    })}\n\nmachine: ${machine()}; Temporal dev server (defaults); the hub (registry, processes, worker, gateway) and the ` +
      `empty workflows' worker in one child process, whose RSS and CPU these are; load generator in the parent; whole run ${log.seconds().toFixed(0)} s\n`,
  );
});
