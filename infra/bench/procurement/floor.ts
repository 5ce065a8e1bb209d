import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TRIVIAL_TASK_QUEUE } from '../processes/trivial-worker.js';
import { benchInbox, pingUpdate } from '../processes/trivial-workflows.js';

// The floor the bids are compared with: as many empty workflows as procurements, each taking as
// many no-op updates as a procurement takes bids, sent straight to Temporal with the hub's codec.

/** Starts `count` empty workflows that each end after `updates` pings; their ids. */
export async function startInboxes(client: Client, count: number, updates: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `bench-inbox-${randomUUID()}`);
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(
      ids
        .slice(i, i + 20)
        .map((workflowId) =>
          client.workflow.start(benchInbox, { args: [updates], workflowId, taskQueue: TRIVIAL_TASK_QUEUE }),
        ),
    );
  }
  return ids;
}

/** One no-op update, answered by the workflow. */
export async function ping(client: Client, workflowId: string): Promise<void> {
  const answer = await client.workflow.getHandle(workflowId).executeUpdate(pingUpdate, { args: ['bid'] });
  if (answer !== 'bid') throw new Error(`wrong answer: ${answer}`);
}
