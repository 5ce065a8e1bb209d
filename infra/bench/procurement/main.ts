import 'reflect-metadata'; // migrate() loads the entities, whose decorators need it
import { parseCli } from '../../../services/common/cli.js';
import pg from 'pg';
import { freshDatabase } from '../processes/stack.js';
import { machine } from '../processes/report.js';
import { progressLog, runBench, startStack, wholeFlag } from '../run.js';
import { addBidders, addCommittee } from './world.js';
import { bidderTokens, officers, publishNeed, submitBid } from './api.js';
import { ping, startInboxes } from './floor.js';
import { inLanes, type LaneResult } from './lanes.js';
import { watchScreening } from './screening.js';
import { diagnosed } from './diagnose.js';
import { formatReport, type Phase } from './report.js';
import { censusAfterClosing } from './workflow-tasks.js';
import { readConfig, workflowStackTraces } from '../../../services/common/config.js';

// npm run bench:procurement -- [--procurements 100] [--bids 10] [--concurrency 20] [--settle 30]
//   [--workflow-stack-traces on|off]
//
// --procurements concurrent procurements on a Temporal dev server, --bids bids each through the
// gateway (--concurrency at a time, each from its own synthetic bidder): bids accepted per
// second; all closing at one instant, the time screening takes until each is SCORING; the hub
// child's memory and CPU. Beside it, in the same run, as many no-op updates to as many empty
// workflows. A small pilot first warms the hub and measures the rates closing is set from.
// After closing: each procurement's history from closing on (workflow tasks, how long each ran
// and queued), then --settle seconds of nothing, for the hub's RSS after the load.

const { values: flags } = parseCli({
  usage:
    'npm run bench:procurement -- [--procurements 100] [--bids 10] [--concurrency 20] [--settle 30] [--workflow-stack-traces on|off]',
  about:
    "--procurements concurrent procurements on a Temporal dev server, --bids bids each through the gateway (--concurrency at a time, each from its own synthetic bidder): bids accepted per second; all closing at one instant, the time screening takes until each is SCORING, and every workflow task of closing from the histories; the hub child's memory and CPU, and its RSS --settle seconds after the load. Beside it, in the same run, as many no-op updates to as many empty workflows. A small pilot first warms the hub and measures the rates closing is set from. The hub child runs with NODE_ENV=production and the worker's WORKER_* settings from this environment; --workflow-stack-traces sets its WORKFLOW_STACK_TRACES (production: off).",
  options: {
    procurements: { type: 'string', default: '100' },
    bids: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '20' },
    settle: { type: 'string', default: '30' },
    'workflow-stack-traces': { type: 'string' },
  },
});
const procurements = wholeFlag('procurements', flags.procurements);
const bids = wholeFlag('bids', flags.bids);
const concurrency = wholeFlag('concurrency', flags.concurrency);
const settleSeconds = wholeFlag('settle', flags.settle);
const stackTraces = flags['workflow-stack-traces'];
const childEnv: Record<string, string> = stackTraces === undefined ? {} : { WORKFLOW_STACK_TRACES: stackTraces };
/** The worker settings the hub child runs with, as it reads them (WORKER_*, and NODE_ENV=production for the switch). */
const childWorker = {
  ...readConfig({ ...process.env, ...childEnv }).worker,
  workflowStackTraces: workflowStackTraces({ ...process.env, ...childEnv, NODE_ENV: 'production' }),
};
if (bids < 3)
  throw new Error(
    '--bids must be at least 3: a public tender with fewer eligible bids fails (流标) instead of reaching scoring',
  );
const databaseUrl =
  process.env.BENCH_PROCUREMENT_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_procurement';
const COMMITTEE = 3;
/** Closing is set this much later than the pilot's rates say the publishing and bidding take, plus a fixed margin. */
const SAFETY = { factor: 1.5, seconds: 15 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = progressLog();

runBench(async (stops) => {
  log(
    `fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations, seed, ${procurements * bids} synthetic bidders, a committee of ${COMMITTEE}`,
  );
  await freshDatabase(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  stops.push(() => pool.end());
  const bidders = await addBidders(pool, procurements * bids);
  const committee = await addCommittee(pool);
  const { hub, memory, idle, client, settings, cpuSpent } = await startStack({
    databaseUrl,
    taskQueue: 'hub-bench-procurement',
    hubEntry: 'infra/bench/processes/hub.ts',
    sideWorker: "the trivial workflows' worker",
    log,
    stops,
    childEnv,
  });
  const [agencies, tokens] = await Promise.all([
    officers(settings.jwtSecret),
    bidderTokens(bidders, settings.jwtSecret),
  ]);
  const cpu = {} as Record<Phase, number[]>;
  const phase = (name: Phase) => {
    cpuSpent();
    memory.mark(name);
  };

  // Each phase that can stall is told, if it does, with what the database's sessions wait on.
  /** Publishes `count` needs closing at `closesAt`, spread over the agencies; their ids. */
  const publishAll = (what: string, count: number, closesAt: Date) =>
    diagnosed(pool, async (): Promise<{ ids: string[]; result: LaneResult }> => {
      const ids: string[] = new Array(count);
      const result = await inLanes(
        what,
        count,
        concurrency,
        async (i) => {
          ids[i] = await publishNeed(hub.gatewayUrl, agencies[i % agencies.length], committee, closesAt, i);
        },
        log,
      );
      if (result.errors)
        throw new Error(`${result.errors} of ${count} publishProcurement failed: ${result.firstError}`);
      return { ids, result };
    });
  // Request i goes to procurement (or empty workflow) i mod n, as its (i div n)-th bid (update):
  // the lanes work on different workflows at once, as bidders for many procurements would.
  // Procurement p's k-th bid comes from bidder p·bids + k, so no bidder bids twice for one.
  const bidAll = (what: string, ids: string[], perProcurement: number) =>
    diagnosed(pool, () =>
      inLanes(
        what,
        ids.length * perProcurement,
        concurrency,
        async (i) => {
          const [p, k] = [i % ids.length, Math.floor(i / ids.length)];
          await submitBid(hub.gatewayUrl, tokens[p * bids + k], ids[p], bidders[p * bids + k], k);
        },
        log,
      ),
    );
  const pingAll = (what: string, ids: string[], perWorkflow: number) =>
    diagnosed(pool, () =>
      inLanes(what, ids.length * perWorkflow, concurrency, (i) => ping(client, ids[i % ids.length]), log),
    );

  // The pilot: a few procurements (closing in an hour, after this run) and as many empty
  // workflows, one request per lane at a time on a different workflow as in the measured phases.
  phase('pilot');
  const pilot = { procurements: Math.min(procurements, concurrency), bids: 0 };
  pilot.bids = Math.min(bids, Math.ceil((2 * concurrency) / pilot.procurements));
  log(
    `pilot: ${pilot.procurements} procurements × ${pilot.bids} bids, ${pilot.procurements} empty workflows × ${pilot.bids} updates (warm-up; sets closing)`,
  );
  const pilotPublished = await publishAll(
    'pilot publishProcurement',
    pilot.procurements,
    new Date(Date.now() + 3_600_000),
  );
  const pilotBids = await bidAll('pilot submitBid', pilotPublished.ids, pilot.bids);
  if (pilotBids.errors) throw new Error(`${pilotBids.errors} pilot bids failed: ${pilotBids.firstError}`);
  const pilotPings = await pingAll(
    'pilot no-op updates',
    await startInboxes(client, pilot.procurements, pilot.bids),
    pilot.bids,
  );
  if (pilotPings.errors) throw new Error(`${pilotPings.errors} pilot updates failed: ${pilotPings.firstError}`);
  log(
    `pilot: publishProcurement ${pilotPublished.result.perSecond.toFixed(1)}/s, submitBid ${pilotBids.perSecond.toFixed(1)}/s, no-op update ${pilotPings.perSecond.toFixed(1)}/s`,
  );
  cpu.pilot = cpuSpent();

  // The floor first: the empty workflows and their updates, while no procurement is measured.
  log(`floor: starting ${procurements} empty workflows`);
  const inboxes = await startInboxes(client, procurements, bids);
  phase('floor');
  log(`floor: ${procurements * bids} no-op updates, ${concurrency} at a time`);
  const floor = await pingAll('no-op updates', inboxes, bids);
  cpu.floor = cpuSpent();
  log(
    `floor: ${floor.ok} answered in ${floor.seconds.toFixed(1)} s (${floor.perSecond.toFixed(1)}/s), p50 ${floor.p50.toFixed(0)} ms, p99 ${floor.p99.toFixed(0)} ms, ${floor.errors} errors`,
  );

  // One closing for all, late enough for every bid at the pilot's rates, with room to spare.
  const expected = procurements / pilotPublished.result.perSecond + (procurements * bids) / pilotBids.perSecond;
  const closingAheadSeconds = Math.ceil(SAFETY.factor * expected + SAFETY.seconds);
  const closesAt = new Date(Date.now() + closingAheadSeconds * 1000);
  phase('publish');
  log(
    `publishing ${procurements} procurements closing at ${closesAt.toISOString()} (${closingAheadSeconds} s from now), ${concurrency} at a time`,
  );
  const published = await publishAll('publishProcurement', procurements, closesAt);
  cpu.publish = cpuSpent();
  log(`published ${procurements} in ${published.result.seconds.toFixed(1)} s`);

  phase('bids');
  log(`bids: ${procurements * bids} submitBid through the gateway, ${concurrency} at a time`);
  const submit = await bidAll('submitBid', published.ids, bids);
  cpu.bids = cpuSpent();
  const idleBeforeClosing = (closesAt.getTime() - Date.now()) / 1000;
  log(
    `bids: ${submit.ok} accepted in ${submit.seconds.toFixed(1)} s (${submit.perSecond.toFixed(1)}/s), p50 ${submit.p50.toFixed(0)} ms, p99 ${submit.p99.toFixed(0)} ms, ` +
      `${submit.errors} errors${submit.firstError ? ` (${submit.firstError})` : ''}`,
  );
  const recorded = (
    await pool.query<{ n: number }>(
      'select count(*)::int as n from processes.procurement_bid where procurement_id = any($1::uuid[])',
      [published.ids],
    )
  ).rows[0].n;
  if (recorded !== submit.ok) throw new Error(`${submit.ok} bids accepted but ${recorded} in the projection`);
  if (idleBeforeClosing < 0)
    log(`  WARNING: bidding went on ${(-idleBeforeClosing).toFixed(1)} s past closing; late bids were refused`);

  if (idleBeforeClosing > 0) {
    log(`waiting ${idleBeforeClosing.toFixed(1)} s for closing`);
    await sleep(closesAt.getTime() - Date.now());
  }
  phase('screening');
  log(
    `closing: ${procurements} procurements screen ${bids} bids each, then open ${bids * COMMITTEE} SCORE_BID tasks each`,
  );
  const screening = await diagnosed(pool, () =>
    watchScreening(pool, published.ids, closesAt, procurements * bids * COMMITTEE, log),
  );
  cpu.screening = cpuSpent();
  const end = memory.mark('end');
  log(
    `closing: all SCORING ${screening.max.toFixed(2)} s after closing, every SCORE_BID task open after ${screening.allTasksSeconds.toFixed(2)} s`,
  );
  const workflowIds = (
    await pool.query<{ workflow_id: string }>(
      'select workflow_id from processes.procurement where id = any($1::uuid[])',
      [published.ids],
    )
  ).rows.map((r) => r.workflow_id);
  const census = await censusAfterClosing(client, workflowIds, closesAt);
  log(
    `closing's workflow tasks: ran p99 ${census.run.p99.toFixed(0)} ms, max ${census.run.max.toFixed(0)} ms; ${census.overOneSecond} over 1 s`,
  );
  log(`settling ${settleSeconds} s for the hub's RSS after the load`);
  await sleep(settleSeconds * 1000);
  const after = memory.mark('after');

  const peak = Object.fromEntries(
    (['pilot', 'floor', 'publish', 'bids', 'screening'] as const).map((p) => [p, memory.peak(p)]),
  ) as Record<Phase, number>;
  console.log(
    `\n${formatReport({
      procurements,
      bids,
      concurrency,
      pilot: { ...pilot, closingAheadSeconds },
      floor,
      publish: published.result,
      submit,
      idleBeforeClosing,
      screening,
      memory: { idle, end, after, settleSeconds, peak },
      cpu,
      census,
      worker: childWorker,
    })}\n\nmachine: ${machine()}; Temporal dev server (defaults); the hub (registry, processes, worker, gateway) and the trivial workflows' ` +
      `worker in one child process, whose RSS and CPU these are; load generator in the parent; whole run ${log.seconds().toFixed(0)} s\n`,
  );
});
