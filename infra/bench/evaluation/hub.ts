import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { readConfig } from '../../../services/common/config.js';
import { quietTemporalLogs } from '../../../services/processes/worker.js';
import { hubDataConverter } from '../../../services/common/temporal.js';
import { startHub } from '../../dev/hub.js';
import { startEmptyWorker } from './worker.js';
import { startTrivialWorker } from '../processes/trivial-worker.js';

// The child process this benchmark runs the hub in, as infra/bench/processes/hub.ts does: the
// registry, processes, worker and gateway (startHub) plus the empty and trivial workflows' workers, so the
// campaign and its floor share one event loop, and the load generator in the parent never
// competes for it. Its own file only because the empty workflows differ from the processes
// benchmark's trivial ones. Says "BENCH_READY" with its URLs on stdout.

quietTemporalLogs();
const settings = readConfig(process.env);
const hub = await startHub(settings);
const empty = await startEmptyWorker(settings.temporalAddress, settings.temporalNamespace, hubDataConverter(settings));
// The no-op updates the `decide` updates are compared with (procurement/floor.ts's inboxes).
const trivial = await startTrivialWorker(
  settings.temporalAddress,
  settings.temporalNamespace,
  hubDataConverter(settings),
);
console.log(`BENCH_READY ${JSON.stringify({ gatewayUrl: hub.gatewayUrl })}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await empty.stop();
  await trivial.stop();
  await hub.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
