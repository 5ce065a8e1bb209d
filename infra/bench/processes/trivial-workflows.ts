import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

// The floors the hub's processes are compared with: workflows that do no work of their own, so
// their latency is the Temporal server and SDK alone. Bundled on their own (trivial-worker.ts),
// never part of workflows/index.ts, so the hub's bundle and replay histories stay as they are.

export const pingUpdate = defineUpdate<string, [string]>('ping');

/** Waits for one `ping` update, answers it at once and ends: the bare Workflow Update. */
export async function benchEcho(): Promise<void> {
  let pinged = false;
  setHandler(pingUpdate, (value) => {
    pinged = true;
    return value;
  });
  // A safety net: a run nobody pings ends by itself rather than staying open on the server.
  await condition(() => pinged, '10 minutes');
}

/** Returns at once: the bare workflow start (and, with update-with-start, its first task). */
export async function benchEmpty(): Promise<void> {
  setHandler(pingUpdate, (value) => value);
}

/**
 * Takes `count` pings, answering each at once, then ends: a mailbox of no-op updates, the floor
 * a workflow that takes several updates (a procurement's bids) is compared with.
 */
export async function benchInbox(count: number): Promise<void> {
  let pinged = 0;
  setHandler(pingUpdate, (value) => {
    pinged += 1;
    return value;
  });
  await condition(() => pinged >= count, '10 minutes'); // the same safety net as benchEcho's
}
