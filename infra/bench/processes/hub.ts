import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { readConfig } from '../../../services/common/config.js';
import { quietTemporalLogs } from '../../../services/processes/worker.js';
import { startHub } from '../../dev/hub.js';
import { startTrivialWorker } from './trivial-worker.js';
import { hubDataConverter } from '../../../services/common/temporal.js';

// The child process the benchmark runs the hub in: registry, processes, worker and gateway
// (startHub, exactly as the tests start them) plus the trivial workflows' worker. A child of
// its own, so the load generator in the parent never competes for the hub's event loop.
// Configured through the environment (readConfig); says "ready" with its URLs on stdout.

quietTemporalLogs();
const settings = readConfig(process.env);
const hub = await startHub(settings);
const trivial = await startTrivialWorker(
  settings.temporalAddress,
  settings.temporalNamespace,
  hubDataConverter(settings),
);
console.log(
  `BENCH_READY ${JSON.stringify({ gatewayUrl: hub.gatewayUrl, processesUrl: settings.processesUrl, registryUrl: settings.registryUrl })}`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await trivial.stop();
  await hub.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
