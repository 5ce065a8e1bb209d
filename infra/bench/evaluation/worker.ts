import type { DataConverter } from '@temporalio/common';
import { fileURLToPath } from 'node:url';
import { startSideWorker } from '../side-worker.js';

// The empty parent and children's worker: what a campaign's child workflows are measured against.

export const EMPTY_TASK_QUEUE = 'bench-evaluation-empty';
const WORKFLOWS = fileURLToPath(new URL('./empty-workflows.ts', import.meta.url));

export const startEmptyWorker = (address: string, namespace: string, dataConverter: DataConverter) =>
  startSideWorker({ address, namespace, taskQueue: EMPTY_TASK_QUEUE, workflowsPath: WORKFLOWS, dataConverter });
