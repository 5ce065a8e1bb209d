import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';

// A benchmark's own workflows (trivial, empty) on their own task queue and from their own bundle,
// run in the hub's child process so they pay the same event loop and CPU as the hub's worker,
// with the hub's data converter so they pay for encryption as the hub's workflows do.

export async function startSideWorker(options: {
  address: string;
  namespace: string;
  taskQueue: string;
  workflowsPath: string;
  dataConverter: DataConverter;
}) {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({ ...options, connection });
  const running = worker.run();
  return {
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
