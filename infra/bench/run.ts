import { Runtime } from '@temporalio/worker';
import { connectClient, hubClient } from '../../services/common/temporal.js';
import { readConfig } from '../../services/common/config.js';
import { quietTemporalLogs } from '../../services/processes/worker.js';
import { hubChildEnv, startHubChild, startTemporal } from './processes/stack.js';
import { cpuMeter, watchMemory } from './evaluation/proc.js';

// What a stack benchmark's main does around its phases: progress lines timed from the start,
// whole-number flags, the dev server and the hub child watched from outside, and what it started
// stopped in reverse order however it ends.

/** Progress lines "[bench   12.3 s] step", timed from this call; `seconds()` is the time since. */
export function progressLog() {
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  const log = (step: string) => console.log(`[bench ${seconds().toFixed(1).padStart(6)} s] ${step}`);
  return Object.assign(log, { seconds });
}

/** A flag that must be a whole number ≥ 1. */
export function wholeFlag(name: string, raw: string): number {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${raw}"`);
  return v;
}

/** What `stops.push` takes: a server or connection to close at the end. */
export type Stops = (() => Promise<void>)[];

/**
 * Runs a benchmark: Temporal's logs kept to warnings, then `body`, then whatever it pushed on
 * `stops`, last first, even when it failed, then the SDK's Runtime, so the process ends; a failure
 * is printed and makes the exit code 1.
 */
export function runBench(body: (stops: Stops) => Promise<void>): void {
  const run = async () => {
    quietTemporalLogs();
    const stops: Stops = [];
    try {
      await body(stops);
    } finally {
      for (const stop of stops.reverse())
        await stop().catch((error: unknown) => console.error('while stopping:', error));
      // The Runtime quietTemporalLogs made forwards the SDK core's log lines, which holds the event
      // loop open until it is shut down; a worker's end would, but the parent runs none.
      await Runtime._instance?.shutdown();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

/**
 * A Temporal dev server and the hub child (`hubEntry`: the hub plus `sideWorker`, a benchmark's
 * own workflows' worker), its memory sampled every second from now ('idle' marked), a CPU meter
 * of both, and a Temporal client with the hub's codec, so the parent's calls pay for encryption
 * as the hub's do.
 */
export async function startStack(o: {
  databaseUrl: string;
  taskQueue: string;
  hubEntry: string;
  sideWorker: string;
  /** The server's eager activity dispatch on (an experiment, see processes/stack.ts). */
  eager?: boolean;
  log: (line: string) => void;
  stops: Stops;
  /** More of the hub child's environment (a setting under comparison). */
  childEnv?: Record<string, string>;
}) {
  const server = await startTemporal(o.eager ?? false);
  o.stops.push(() => server.stop());
  o.log(`Temporal dev server at ${server.address}`);
  const env = { ...(await hubChildEnv(o.databaseUrl, server.address, o.taskQueue)), ...o.childEnv };
  const settings = readConfig({ ...process.env, ...env });
  o.log(
    `starting the hub (registry, processes, worker, gateway) and ${o.sideWorker} in one child process; bundling ...`,
  );
  const hub = await startHubChild(env, { entry: o.hubEntry, readyWithinMs: 180_000 });
  o.stops.push(() => hub.stop());
  const memory = watchMemory(hub.pid);
  o.stops.push(async () => memory.stop());
  const idle = memory.mark('idle');
  o.log(`hub ready (pid ${hub.pid}, RSS ${idle.toFixed(0)} MiB): gateway ${hub.gatewayUrl}`);
  const connection = await connectClient(settings);
  o.stops.push(() => connection.close());
  return {
    server,
    settings,
    hub,
    memory,
    idle,
    client: hubClient(connection, settings),
    cpuSpent: cpuMeter(hub.pid, server.address),
  };
}
