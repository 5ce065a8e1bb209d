import { defineQuery, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Candidate } from '../human-task/contracts.js';

// A batch operation over the runs a filter finds (cancel, terminate, reassign their open tasks),
// run as a workflow of its own: it survives a restart of the hub, its progress can be queried,
// and cancelling it stops it between runs. Wire names are contracts: add, never rename.

export const BATCH_WORKFLOW_TYPE = 'runBatch';
export type BatchAction = 'CANCEL' | 'TERMINATE' | 'REASSIGN';

export interface BatchInput {
  batchId: string;
  action: BatchAction;
  /** Temporal visibility query selecting the runs (built by the resolver from the filter). */
  query: string;
  reason: string;
  /** REASSIGN: who gets the runs' open tasks. */
  candidates?: Candidate[];
  requestedBy: string;
}

export interface BatchProgress {
  status: 'LISTING' | 'RUNNING' | 'DONE' | 'CANCELLED';
  total: number;
  done: number;
  failed: number;
  failures: { workflowId: string; error: string }[];
}

export interface BatchActivities {
  /** The workflow ids the query selects now (at most 10,000). */
  listBatchTargets(input: { query: string }): Promise<string[]>;
  /** The action on one run, its projection settled; throws when the run refuses (e.g. it has ended). */
  applyBatchAction(input: {
    action: BatchAction;
    workflowId: string;
    reason: string;
    candidates?: Candidate[];
  }): Promise<void>;
}

export const batchProgressQuery = defineQuery<BatchProgress>('progress');

const acts = proxyActivities<BatchActivities>({
  startToCloseTimeout: '1 minute',
  // A refusal (the run already ended) is a failure of that run, counted, not retried for ever.
  retry: { maximumAttempts: 3, nonRetryableErrorTypes: ['RunRefused'] },
});

/** Applies the action to every selected run, ten at a time, counting what worked and what failed. */
export async function runBatch(input: BatchInput): Promise<BatchProgress> {
  const progress: BatchProgress = { status: 'LISTING', total: 0, done: 0, failed: 0, failures: [] };
  setHandler(batchProgressQuery, () => progress);
  try {
    const targets = await acts.listBatchTargets({ query: input.query });
    Object.assign(progress, { status: 'RUNNING', total: targets.length });
    for (let i = 0; i < targets.length; i += 10) {
      await Promise.all(
        targets.slice(i, i + 10).map(async (workflowId) => {
          try {
            await acts.applyBatchAction({
              action: input.action,
              workflowId,
              reason: input.reason,
              candidates: input.candidates,
            });
            progress.done += 1;
          } catch (error) {
            if (isCancellation(error)) throw error;
            progress.failed += 1;
            if (progress.failures.length < 100)
              progress.failures.push({
                workflowId,
                error: (error as { cause?: Error }).cause?.message ?? (error as Error).message,
              });
          }
        }),
      );
    }
    progress.status = 'DONE';
  } catch (error) {
    if (!isCancellation(error)) throw error;
    progress.status = 'CANCELLED';
  }
  return progress;
}
