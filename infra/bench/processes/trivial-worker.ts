import type { DataConverter } from '@temporalio/common';
import { fileURLToPath } from 'node:url';
import { startSideWorker } from '../side-worker.js';

// The trivial workflows' worker: the bare update and empty starts the hub is measured against.

export const TRIVIAL_TASK_QUEUE = 'bench-trivial';
const WORKFLOWS = fileURLToPath(new URL('./trivial-workflows.ts', import.meta.url));

export const startTrivialWorker = (address: string, namespace: string, dataConverter: DataConverter) =>
  startSideWorker({ address, namespace, taskQueue: TRIVIAL_TASK_QUEUE, workflowsPath: WORKFLOWS, dataConverter });
