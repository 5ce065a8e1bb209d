import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import { fileURLToPath } from 'node:url';

// The empty parent and children's worker, on its own task queue and from its own bundle, in the
// hub's child process (hub.ts) so it pays the same event loop and CPU as the hub's worker.

export const EMPTY_TASK_QUEUE = 'bench-evaluation-empty';
const WORKFLOWS = fileURLToPath(new URL('./empty-workflows.ts', import.meta.url));

/** `dataConverter`: the hub's (encrypted payloads), so an empty child pays what an application pays. */
export async function startEmptyWorker(address: string, namespace: string, dataConverter: DataConverter) {
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace, taskQueue: EMPTY_TASK_QUEUE, workflowsPath: WORKFLOWS, dataConverter });
  const running = worker.run();
  return {
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
