import { executeChild, workflowInfo } from '@temporalio/workflow';

// The floor a campaign is compared with: a parent that starts `count` children the way
// evaluationCampaign does (Promise.all over executeChild), children that do nothing. Bundled on
// its own (worker.ts), never part of workflows/index.ts, so the hub's bundle and replay
// histories stay as they are.

/** Does no work: its cost is the child start and completion alone. */
export async function benchEmptyChild(): Promise<void> {}

/** Starts `count` empty children at once and ends when every one has completed. */
export async function benchEmptyParent(count: number): Promise<number> {
  const parent = workflowInfo().workflowId;
  await Promise.all(
    Array.from({ length: count }, (_, i) => executeChild(benchEmptyChild, { workflowId: `${parent}-child-${i}` })),
  );
  return count;
}
