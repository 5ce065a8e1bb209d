import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { readConfig } from '../services/common/config.js';
import { DEFAULT_DEADLINES } from '../services/processes/procurement/params.js';
import { PROCUREMENT_WORKFLOW_TYPE, procurementWorkflowId } from '../workflows/procurement/types.js';
import { temporalClient } from './support/hub.js';
import { procurementWorld } from './support/procurement-world.js';
import { until } from './support/until.js';
import { Cleanup, hubEnv, startPart } from './support/processes.js';
import { inject } from 'vitest';

// WORKFLOW_STACK_TRACES (docs/operations.md): a worker whose node preloads
// services/processes/workflow-stack-traces.ts keeps the SDK's promise hook out of its workflow
// threads when the setting is off, and the stack-trace query then says so; on, the same preload
// leaves the query answering. Each worker is a child process on a task queue of its own.

const PRELOAD = ['--import', './services/processes/workflow-stack-traces.ts'];
const tag = randomUUID().slice(0, 6);
const cleanup = new Cleanup();
let world: Awaited<ReturnType<typeof procurementWorld>>;

beforeAll(async () => {
  world = await procurementWorld(tag);
});
afterAll(() => cleanup.run());

/** A procurement run, bidding until tomorrow, on `taskQueue`: a workflow waiting on its timer. */
async function waitingRun(taskQueue: string) {
  const client = await temporalClient();
  const procurementId = randomUUID();
  const handle = await client.workflow.start(PROCUREMENT_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: procurementWorkflowId(procurementId),
    args: [
      {
        procurementId,
        need: {
          agencyId: world.agency.id,
          agencyName: world.agency.name,
          categoryCode: 'POLICY_PUBLICITY',
          categoryName: '政策宣传与评估',
          title: `调用栈${tag}`,
          description: '宣传',
          budgetFen: 1_000_000,
          method: 'COMPETITIVE_CONSULTATION',
          weights: { price: 20, technical: 80 },
          eligibility: null,
          committee: [world.committee.zhang.id, world.committee.li.id, world.committee.chen.id],
          noticeDays: 1,
        },
        closesAt: Date.now() + 86_400_000,
        year: 2026,
        publishedBy: 'test',
        deadlinesMs: DEFAULT_DEADLINES,
      },
    ],
  });
  cleanup.add(`run ${handle.workflowId}`, () =>
    handle.terminate('test clean-up').catch((e: unknown) => {
      if (!(e instanceof WorkflowNotFoundError)) throw e;
    }),
  );
  return handle;
}

describe('the workflow stack-trace switch', () => {
  it('is on in development and off under NODE_ENV=production, WORKFLOW_STACK_TRACES either way', () => {
    expect(readConfig({}).workflowStackTraces).toBe(true);
    const production = { NODE_ENV: 'production', SUBGRAPH_SECRET: 'a-production-secret-of-at-least-32-characters' };
    expect(readConfig(production).workflowStackTraces).toBe(false);
    expect(readConfig({ ...production, WORKFLOW_STACK_TRACES: 'on' }).workflowStackTraces).toBe(true);
    expect(readConfig({ WORKFLOW_STACK_TRACES: 'off' }).workflowStackTraces).toBe(false);
    expect(() => readConfig({ WORKFLOW_STACK_TRACES: 'sometimes' })).toThrow(/WORKFLOW_STACK_TRACES/);
  });

  // Off, the SDK says so once per workflow thread and the query is refused (its message is the
  // hub's encoded failure: the client does not decode a query's); on, the query answers a stack.
  const DISABLED = /stack trace collection will be disabled/;
  it.each(['off', 'on'] as const)(
    'with the preload and WORKFLOW_STACK_TRACES=%s',
    { timeout: 120_000 },
    async (value) => {
      const env = await hubEnv({ DATABASE_URL: inject('databaseUrl'), WORKFLOW_STACK_TRACES: value });
      const worker = await startPart('worker', env, cleanup, `worker ${value}`, PRELOAD);
      const run = await waitingRun(env.TEMPORAL_TASK_QUEUE);
      // Its first workflow task done (scheduled, started, completed after the start event).
      await until(
        async () => (await run.describe()).historyLength,
        (n) => n >= 4,
        'the first workflow task',
      );
      const answer = run.query<string>('__stack_trace');
      if (value === 'off') {
        await expect(answer).rejects.toThrow();
        expect(worker.output()).toMatch(DISABLED);
      } else {
        expect(await answer).toMatch(/procurement/);
        expect(worker.output()).not.toMatch(DISABLED);
      }
      await run.terminate('test clean-up');
      await worker.stop();
    },
  );
});
