import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import { fileURLToPath } from 'node:url';

// A worker for the trivial workflows alone, on its own task queue and from its own bundle, run
// in the same process as the hub's worker (hub.ts) so both pay the same event loop and CPU.

export const TRIVIAL_TASK_QUEUE = 'bench-trivial';
const WORKFLOWS = fileURLToPath(new URL('./trivial-workflows.ts', import.meta.url));

/** `dataConverter`: the hub's (encrypted payloads), so the bare calls pay what the hub's pay. */
export async function startTrivialWorker(address: string, namespace: string, dataConverter: DataConverter) {
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace, taskQueue: TRIVIAL_TASK_QUEUE, workflowsPath: WORKFLOWS, dataConverter });
  const running = worker.run();
  return {
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
