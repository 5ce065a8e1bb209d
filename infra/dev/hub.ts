import type { HubConfig } from '../../services/common/config.js';
import { configureLogs } from '../../services/common/log.js';
import { startRegistry } from '../../services/registry/main.js';
import { startProcesses } from '../../services/processes/main.js';
import { startGateway, type GatewayOptions } from '../../services/gateway/main.js';
import { startWorker } from '../../services/processes/worker.js';
import { startCodecServer } from '../../services/codec/main.js';
import { startTracing } from '../../services/common/tracing.js';

/** The hub's own parts in this process: both subgraphs, the worker, the gateway and the Temporal UI's codec endpoint. */
export async function startHub(settings: HubConfig, options: GatewayOptions = {}) {
  configureLogs(settings.log);
  // One process, one tracer provider: its spans name the service in hub.service (tracing.ts).
  const tracing = await startTracing(settings.tracing, 'chamber-hub');
  const registry = await startRegistry(settings);
  const processes = await startProcesses(settings);
  const worker = await startWorker(settings);
  // SUBGRAPHS_IN_PROCESS: the gateway calls both subgraphs here, without HTTP (services/common/in-process.ts).
  const gateway = await startGateway(settings, {
    ...options,
    ...(settings.subgraphsInProcess ? { inProcess: { registry: registry.local, processes: processes.local } } : {}),
  });
  const codec = await startCodecServer(settings);
  return {
    gatewayUrl: gateway.url,
    consoleUrl: `${gateway.url}console/`,
    codecUrl: codec.url,
    async stop() {
      // Reverse order: stop taking requests first, then the worker, then the data.
      await codec.stop();
      await gateway.stop();
      await worker.stop();
      await processes.stop();
      await registry.stop();
      await tracing.shutdown();
    },
  };
}
