import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { CATALOG } from '../../../services/processes/catalog.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';
import { inLanes } from '../procurement/lanes.js';

// The runs processRuns is measured over, made cheaply: started with the Temporal client on a task
// queue no worker polls (they stay Running and visibility lists them), carrying the hub's search
// attributes as the processes' own runs do; every CLOSED_EVERY-th terminated, so the status and
// closedAfter filters have answers. Run i's process, organisation, stage and year cycle with
// pairwise coprime periods (3, 37, 7, 5, and 8 for closing), so every combination of two filters
// selects a known share, counted here from the same list.

/** No worker polls it: no workflow task of these runs ever runs. */
export const UNPOLLED_TASK_QUEUE = 'hub-bench-runs-unpolled';
const ORGANIZATIONS = 37;
export const STAGES = [
  'AWAITING_ENDORSEMENT',
  'AWAITING_CONFIRMATION',
  'ELIGIBILITY',
  'SELF_ASSESSMENT',
  'BIDDING',
  'SCORING',
  'NOTICE',
];
export const YEARS = [2021, 2022, 2023, 2024, 2025];
const CLOSED_EVERY = 8;
/** Starts and terminations in flight at once. */
const LANES = 50;

export interface SyntheticRun {
  workflowId: string;
  workflowType: string;
  processType: string;
  organizationId: string;
  stage: string;
  year: number;
  closed: boolean;
}

export interface Population {
  runs: SyntheticRun[];
  organizations: string[];
  /** When the runs at 60 % and 70 % of the list were sent to be started (a window of about a tenth). */
  startWindow: { after: Date; before: Date };
  /** When the middle termination was sent: about half the closed runs closed after it. */
  closedMark: Date;
  seconds: { start: number; terminate: number; visible: number };
}

export function syntheticRuns(count: number, organizations: string[]): SyntheticRun[] {
  return Array.from({ length: count }, (_, i) => {
    const process = CATALOG.processes[i % CATALOG.processes.length]!;
    return {
      workflowId: `bench-runs-${i}`,
      workflowType: Object.keys(process.workflows)[0]!,
      processType: process.processType,
      organizationId: organizations[i % organizations.length]!,
      stage: STAGES[i % STAGES.length]!,
      year: YEARS[i % YEARS.length]!,
      closed: i % CLOSED_EVERY === CLOSED_EVERY - 1,
    };
  });
}

/** Starts `count` runs and terminates their closed share, then waits until visibility counts them all. */
export async function populate(client: Client, count: number, log: (line: string) => void): Promise<Population> {
  const organizations = Array.from({ length: ORGANIZATIONS }, () => randomUUID());
  const runs = syntheticRuns(count, organizations);
  const sentAt: Date[] = new Array(count);

  log(
    `starting ${count} runs of ${CATALOG.processes.map((p) => Object.keys(p.workflows)[0]).join(', ')} on ${UNPOLLED_TASK_QUEUE} (no worker), ${LANES} at a time`,
  );
  const started = await inLanes(
    'starting runs',
    count,
    LANES,
    async (i) => {
      const run = runs[i]!;
      sentAt[i] = new Date();
      await client.workflow.start(run.workflowType, {
        workflowId: run.workflowId,
        taskQueue: UNPOLLED_TASK_QUEUE,
        typedSearchAttributes: [
          { key: PROCESS_TYPE, value: run.processType },
          { key: ORGANIZATION_ID, value: run.organizationId },
          { key: STAGE, value: run.stage },
          { key: YEAR, value: run.year },
        ],
      });
    },
    log,
  );
  if (started.errors) throw new Error(`${started.errors} of ${count} starts failed: ${started.firstError}`);
  log(`started ${count} runs in ${started.seconds.toFixed(1)} s (${started.perSecond.toFixed(0)}/s)`);

  const closing = runs.filter((r) => r.closed);
  let closedMark = new Date();
  log(`terminating ${closing.length} of them (every ${CLOSED_EVERY}th), ${LANES} at a time`);
  const terminated = await inLanes(
    'terminating runs',
    closing.length,
    LANES,
    async (i) => {
      if (i === Math.floor(closing.length / 2)) closedMark = new Date();
      await client.workflow
        .getHandle(closing[i]!.workflowId)
        .terminate('bench:runs: a closed run for the status and closedAfter filters');
    },
    log,
  );
  if (terminated.errors)
    throw new Error(`${terminated.errors} of ${closing.length} terminations failed: ${terminated.firstError}`);
  log(`terminated ${closing.length} runs in ${terminated.seconds.toFixed(1)} s`);

  const visible = await untilVisible(client, count, closing.length, log);
  return {
    runs,
    organizations,
    closedMark,
    startWindow: { after: sentAt[Math.floor(count * 0.6)]!, before: sentAt[Math.floor(count * 0.7)]! },
    seconds: { start: started.seconds, terminate: terminated.seconds, visible },
  };
}

/** Visibility is eventually consistent: waits until it counts every run and every terminated one. Seconds waited. */
async function untilVisible(
  client: Client,
  total: number,
  terminated: number,
  log: (line: string) => void,
): Promise<number> {
  const began = performance.now();
  const ours = `TaskQueue = '${UNPOLLED_TASK_QUEUE}'`;
  for (let attempt = 0; ; attempt++) {
    const [all, closed] = await Promise.all([
      client.workflow.count(ours),
      client.workflow.count(`${ours} AND ExecutionStatus = 'Terminated'`),
    ]);
    const seconds = (performance.now() - began) / 1000;
    if (all.count === total && closed.count === terminated) {
      log(`visibility counts all ${total} runs, ${terminated} terminated (after ${seconds.toFixed(1)} s)`);
      return seconds;
    }
    if (seconds > 300)
      throw new Error(
        `visibility counts ${all.count} of ${total} runs and ${closed.count} of ${terminated} terminated after ${seconds.toFixed(0)} s`,
      );
    if (attempt % 10 === 0)
      log(`  visibility counts ${all.count} of ${total} runs, ${closed.count} of ${terminated} terminated`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
