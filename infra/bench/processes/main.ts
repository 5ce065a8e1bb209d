import 'reflect-metadata'; // migrate() and the phase timing load the entities, whose decorators need it
import { parseCli } from '../../../services/common/cli.js';
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { signToken, type Identity } from '../../../services/common/identity.js';
import { decideUpdate, type TaskDecision } from '../../../workflows/human-task/contracts.js';
import { runOpenLoop, type LoadOptions, type Send } from '../load.js';
import { freshDatabase } from './stack.js';
import { runBench, startStack } from '../run.js';
import { enroll, makePairs, openTasks, ORGANIZATION, type OpenTask } from './prepare.js';
import { DECIDE, gql } from './graphql.js';
import { callsOf, roundTrips } from './roundtrip.js';
import { databasePhases, updateAnatomy } from './phases.js';
import { formatReport, machine } from './report.js';
import { TRIVIAL_TASK_QUEUE } from './trivial-worker.js';
import { benchEcho, benchEmpty, pingUpdate } from './trivial-workflows.js';

// npm run bench:processes -- [--samples 100] [--warmup 10] [--rate 5] [--seconds 15] [--cpu-samples 40] [--eager]
//
// decideTask and enrollInTraining through the gateway, beside the Temporal floors on the same
// dev server: a bare Workflow Update, a bare gRPC call, an empty workflow start. --warmup counts
// requests (each cell's first N are not recorded); --eager switches on the server's eager
// activity dispatch (an experiment, see stack.ts). Then --cpu-samples decideTask calls alone and
// as many bare Updates alone: the CPU-ms per step of the hub child and of the Temporal server
// (the kernel's tick is 10 ms, so a cell needs a few dozen steps).

const { values: flags } = parseCli({
  usage:
    'npm run bench:processes -- [--samples 100] [--warmup 10] [--rate 5] [--seconds 15] [--cpu-samples 40] [--eager]',
  about:
    "decideTask and enrollInTraining through the gateway, beside the Temporal floors on the same dev server: a bare Workflow Update, a bare gRPC call, an empty workflow start. --warmup counts requests (each cell's first N are not recorded); --eager switches on the server's eager activity dispatch (an experiment, see stack.ts). --cpu-samples decideTask calls and as many bare Updates, each cell alone, give the CPU-ms per step of the hub child and of the Temporal server.",
  options: {
    samples: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    rate: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '15' },
    eager: { type: 'boolean', default: false },
    'cpu-samples': { type: 'string', default: '40' },
  },
});
const count = (name: string, raw: string, min: number) => {
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
  return v;
};
const samples = Math.round(count('samples', flags.samples, 1));
const warmup = Math.round(count('warmup', flags.warmup, 0));
const rate = count('rate', flags.rate, 0.1);
const seconds = count('seconds', flags.seconds, 1);
const cpuSamples = Math.round(count('cpu-samples', flags['cpu-samples'], 1));
/** The breakdown cells (subgraph, Temporal client) take part in every 4th turn. */
const BREAKDOWN = 4;
const databaseUrl =
  process.env.BENCH_PROCESSES_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hub_bench_processes';
const began = performance.now();
const log = (step: string) =>
  console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${step}`);

runBench(async (stops) => {
  log(`fresh database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: migrations and seed`);
  await freshDatabase(databaseUrl);
  const { hub, memory, idle, client, settings, cpuSpent } = await startStack({
    databaseUrl,
    taskQueue: 'hub-bench',
    hubEntry: 'infra/bench/processes/hub.ts',
    sideWorker: 'the trivial worker',
    eager: flags.eager,
    log,
    stops,
  });

  const approver: Identity = { subject: 'bench-approver', roles: ['APPROVER'], organizationIds: [ORGANIZATION] };
  const [admin, integrator, approverToken] = await Promise.all([
    signToken({ subject: 'bench-admin', roles: ['ADMIN'], organizationIds: [] }, settings.jwtSecret),
    signToken({ subject: 'bench-integrator', roles: ['INTEGRATOR'], organizationIds: [] }, settings.jwtSecret),
    signToken(approver, settings.jwtSecret),
  ]);

  // One open task per decide request: every turn for the gateway cell, every BREAKDOWN-th turn
  // for the two cells that take it apart (an application costs ~0.2 s to prepare on 2 cores).
  // Then the pairs the sustained enrollInTraining cell applies for.
  const turns = warmup + samples;
  const [perCell, perBreakdown] = [callsOf(turns), callsOf(turns, BREAKDOWN)];
  const decided = perCell + 2 * perBreakdown + cpuSamples;
  const sustainedCount = Math.ceil(rate * seconds) + warmup + 5;
  log(`creating people and courses for ${decided + sustainedCount} applications`);
  const pairs = await makePairs(hub.gatewayUrl, admin, decided + sustainedCount);
  log(`applying ${decided} times (endorsement tasks to decide), 4 at a time`);
  const tasks = await openTasks(hub.gatewayUrl, admin, pairs.slice(0, decided), log);
  const [viaGateway, viaSubgraph, viaClient, forCpu] = [
    tasks.slice(0, perCell),
    tasks.slice(perCell, perCell + perBreakdown),
    tasks.slice(perCell + perBreakdown, perCell + 2 * perBreakdown),
    tasks.slice(perCell + 2 * perBreakdown),
  ];
  const echoIds = Array.from({ length: perCell + cpuSamples }, () => `bench-echo-${randomUUID()}`);
  for (const workflowId of echoIds)
    await client.workflow.start(benchEcho, { workflowId, taskQueue: TRIVIAL_TASK_QUEUE });
  log(`started ${echoIds.length} trivial workflows waiting for an update`);

  const decide = (url: string, task: OpenTask) => async () => {
    const data = await gql(url, approverToken, DECIDE, {
      id: task.taskId,
      input: { outcome: 'APPROVE', comment: '同意推荐' },
    });
    const stage = data.decideTask.process?.stage;
    if (stage !== 'AWAITING_CONFIRMATION') throw new Error(`wrong answer: stage ${stage}`);
  };
  const decision = (task: OpenTask): TaskDecision => ({
    taskId: task.taskId,
    decision: 'APPROVE',
    comment: '同意推荐',
    decidedBy: approver.subject,
    values: null,
  });
  log(`round trips: ${warmup} warm-up + ${samples} samples of each cell, in turns`);
  const [gateway, subgraph, direct, bare, grpc] = await roundTrips(
    [
      { name: 'decideTask via gateway', send: (i) => decide(hub.gatewayUrl, viaGateway[i])() },
      {
        name: 'decideTask via processes subgraph',
        every: BREAKDOWN,
        send: (i) => decide(hub.processesUrl, viaSubgraph[i])(),
      },
      {
        name: 'decide update, Temporal client',
        every: BREAKDOWN,
        send: async (i) => {
          const task = viaClient[i];
          await client.workflow
            .getHandle(task.workflowId)
            .executeUpdate(decideUpdate, { args: [decision(task)], updateId: task.taskId });
        },
      },
      {
        name: 'bare Workflow Update (trivial)',
        send: async (i) =>
          void (await client.workflow.getHandle(echoIds[i]).executeUpdate(pingUpdate, { args: ['x'] })),
      },
      { name: 'gRPC getSystemInfo', send: async () => void (await client.workflowService.getSystemInfo({})) },
    ],
    warmup,
    samples,
    log,
  );
  for (const r of [gateway, subgraph, direct, bare, grpc])
    log(`${r.name}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`);

  // Each cell alone, one call at a time, between two readings of the kernel's CPU counters.
  log(`CPU per step: ${cpuSamples} decideTask via gateway, then ${cpuSamples} bare Updates, each alone`);
  // The window in monotonic µs (the clock of a `node --cpu-prof` profile; cpu-profile.ts).
  const monotonicUs = () => process.hrtime.bigint() / 1000n;
  const perStep = async (name: string, send: (i: number) => Promise<void>) => {
    cpuSpent();
    const from = monotonicUs();
    for (let i = 0; i < cpuSamples; i++) await send(i);
    log(`  ${name}: monotonic µs ${from} to ${monotonicUs()}`);
    return cpuSpent().map((s) => (s * 1000) / cpuSamples);
  };
  memory.mark('cpu');
  const cpu = {
    decide: await perStep('decideTask', (i) => decide(hub.gatewayUrl, forCpu[i])()),
    bare: await perStep(
      'bare Update',
      async (i) =>
        void (await client.workflow.getHandle(echoIds[perCell + i]).executeUpdate(pingUpdate, { args: ['x'] })),
    ),
  };

  const load: LoadOptions = { rate, seconds, warmupSeconds: warmup / rate, timeoutMs: 30_000 };
  let nextPair = decided;
  const sends: Record<'enroll' | 'withStart' | 'start', [string, Send]> = {
    enroll: [
      'enrollInTraining via gateway',
      async (signal) => {
        const pair = pairs[nextPair++];
        if (!pair) throw new Error('ran out of prepared people × courses');
        const enrolled = await enroll(hub.gatewayUrl, integrator, pair, signal);
        if (enrolled.status !== 'AWAITING_ENDORSEMENT') throw new Error(`wrong answer: status ${enrolled.status}`);
      },
    ],
    withStart: [
      'update-with-start (trivial)',
      async () =>
        void (await client.workflow.executeUpdateWithStart(pingUpdate, {
          args: ['x'],
          startWorkflowOperation: new WithStartWorkflowOperation(benchEmpty, {
            workflowId: `bench-ws-${randomUUID()}`,
            taskQueue: TRIVIAL_TASK_QUEUE,
            workflowIdConflictPolicy: 'FAIL',
          }),
        })),
    ],
    start: [
      'empty workflow start',
      async () =>
        void (await client.workflow.start(benchEmpty, {
          workflowId: `bench-empty-${randomUUID()}`,
          taskQueue: TRIVIAL_TASK_QUEUE,
        })),
    ],
  };
  const sustained = {} as Record<keyof typeof sends, { name: string; cell: Awaited<ReturnType<typeof runOpenLoop>> }>;
  for (const [key, [name, send]] of Object.entries(sends) as [keyof typeof sends, [string, Send]][]) {
    log(`sustained: ${name} at ${rate}/s for ${seconds} s (+${load.warmupSeconds.toFixed(1)} s warm-up)`);
    const cell = await runOpenLoop(send, load);
    sustained[key] = { name, cell };
    log(
      `  ${cell.throughput.toFixed(1)}/s achieved, p50 ${cell.p50.toFixed(1)} ms, p99 ${cell.p99.toFixed(1)} ms, ${cell.errors} errors${cell.firstError ? ` (${cell.firstError})` : ''}`,
    );
  }

  log("taking decideTask apart: the resolver's database steps again, and the update's span in each history");
  const measured = viaGateway.slice(warmup); // the gateway cell sends in every turn
  const db = await databasePhases(
    databaseUrl,
    approver,
    measured.map((t) => t.taskId),
  );
  const anatomy = await updateAnatomy(
    client,
    measured.map((t) => ({ workflowId: t.workflowId, updateId: t.taskId })),
  );
  console.log(
    `\n${formatReport({
      warmup,
      samples,
      seconds,
      rate,
      trips: { gateway: gateway, subgraph: subgraph, direct: direct, bare: bare, grpc: grpc },
      sustained,
      breakdown: { db, anatomy },
      cpu,
      memory: { idle, peak: memory.peak('cpu'), end: memory.mark('end') },
    })}\n\nmachine: ${machine()}; Temporal dev server ${flags.eager ? 'with eager activities' : '(defaults)'}; ` +
      'hub and trivial worker in one child process, load generator in the parent\n',
  );
});
