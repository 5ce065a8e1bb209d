import type { HubConfig } from '../../services/shared/config.js';
import { startRegistry } from '../../services/registry/main.js';
import { startProcesses } from '../../services/processes/main.js';
import { startGateway } from '../../services/gateway/main.js';
import { startWorker } from '../../services/processes/worker.js';

/** The hub's own parts in this process: both subgraphs, the worker and the gateway. */
export async function startHub(settings: HubConfig) {
  const registry = await startRegistry(settings);
  const processes = await startProcesses(settings);
  const worker = await startWorker(settings);
  const gateway = await startGateway(settings);
  return {
    gatewayUrl: gateway.url,
    async stop() {
      // Reverse order: stop taking requests first, then the worker, then the data.
      await gateway.stop();
      await worker.stop();
      await processes.stop();
      await registry.stop();
    },
  };
}
