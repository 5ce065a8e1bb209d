import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../services/common/config.js';
import { signToken } from '../../services/common/identity.js';
import { freePort } from '../dev/ports.js';
import { BENCH_SUBGRAPH_SECRET, benchSignature } from './signing.js';

// The registry subgraph and the gateway run as CHILD PROCESSES (their own `main.ts`, through
// tsx), each with its own event loop: the load generator in the parent process would
// otherwise compete with them for the same loop and blur the latencies it measures. They are
// configured through the environment, which each main.ts reads with readConfig().

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchServers {
  gatewayUrl: string;
  /** The Hive Gateway on the same supergraph and registry ('' when not started). */
  hiveUrl: string;
  /** A gateway with its own registry in its process, called without HTTP (co-located.ts; '' when not started). */
  localUrl: string;
  registryUrl: string;
  token: string;
  /** The children's process ids, for their memory. */
  pids: { registry: number; gateway: number; hive: number; local: number };
  stop(): Promise<void>;
}

function startChild(name: string, entry: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Only failures are worth showing; the servers' own "ready" lines are noise here.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  child.stdout.resume();
  return child;
}

/** Polls until the server answers a trivial query, or fails when the child dies first. */
async function waitUntilServing(name: string, child: ChildProcess, url: string, token: string): Promise<void> {
  // Two minutes: on a machine shared with other suites (load average 25) a child took over one.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before serving`);
    try {
      const body = JSON.stringify({ query: '{ __typename }' });
      const authorization = `Bearer ${token}`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...benchSignature(url, authorization, body) },
        body,
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer at ${url} within 120 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `registryNodeArgs` / `gatewayNodeArgs` go to that child's node (e.g. --cpu-prof); `gateway: false` starts the
 * registry alone (gatewayUrl is then empty and its pid NaN). `processes` starts the processes
 * subgraph too, on that Temporal server, for benchmarks that ask its fields (the task inbox).
 */
export async function startServers(
  databaseUrl: string,
  options: {
    registryNodeArgs?: string[];
    gatewayNodeArgs?: string[];
    /** Node arguments of the co-located child (gateway and registry in one process). */
    localNodeArgs?: string[];
    gateway?: boolean;
    hive?: boolean;
    local?: boolean;
    processes?: { temporalAddress: string };
  } = {},
): Promise<BenchServers> {
  const [registryPort, gatewayPort, processesPort, hivePort, localPort, localRegistryPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env = {
    DATABASE_URL: databaseUrl,
    REGISTRY_PORT: String(registryPort),
    GATEWAY_PORT: String(gatewayPort),
    // Nothing listens here unless `processes` is asked for: otherwise the benchmark asks no processes fields.
    PROCESSES_PORT: String(processesPort),
    LISTEN_HOST: '127.0.0.1',
    // The gateway's per-subject limit (100/s by default) would cut the ceilings short: every
    // request here carries the one bench token.
    RATE_LIMIT_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '1000000',
    SUBGRAPH_SECRET: BENCH_SUBGRAPH_SECRET,
  };
  const settings = readConfig({ ...process.env, ...env });
  const token = await signToken(
    { subject: 'bench-integrator', roles: ['INTEGRATOR'], organizationIds: [] },
    settings.jwtSecret,
  );
  const registryUrl = settings.registryUrl;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/`;
  const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
  const localUrl = `http://127.0.0.1:${localPort}/`;
  const children: ChildProcess[] = [];
  let hive: ChildProcess | undefined;
  let local: ChildProcess | undefined;
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    children.push(startChild('registry', 'services/registry/main.ts', env, options.registryNodeArgs));
    await waitUntilServing('registry', children[0], registryUrl, token);
    if (options.processes) {
      const processesEnv = {
        ...env,
        TEMPORAL_ADDRESS: options.processes.temporalAddress,
        TEMPORAL_TASK_QUEUE: `bench-${processesPort}`,
        // The child runs with NODE_ENV=production, which refuses the public dev payload key.
        TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
      };
      const processes = startChild('processes', 'services/processes/main.ts', processesEnv);
      children.push(processes);
      await waitUntilServing('processes', processes, `http://127.0.0.1:${processesPort}/graphql`, token);
    }
    if (options.gateway !== false) {
      children.push(startChild('gateway', 'services/gateway/main.ts', env, options.gatewayNodeArgs));
      await waitUntilServing('gateway', children[1], gatewayUrl, token);
    }
    if (options.hive) {
      hive = startChild('hive', 'infra/bench/hive-gateway.ts', { ...env, GATEWAY_PORT: String(hivePort) });
      children.push(hive);
      await waitUntilServing('hive', hive, hiveUrl, token);
    }
    if (options.local) {
      // Its own registry (own port and pool) on the same database, so the ways do not share a process.
      const ports = { GATEWAY_PORT: String(localPort), REGISTRY_PORT: String(localRegistryPort) };
      local = startChild('co-located', 'infra/bench/co-located.ts', { ...env, ...ports }, options.localNodeArgs);
      children.push(local);
      await waitUntilServing('co-located', local, localUrl, token);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayPid = options.gateway !== false ? children[options.processes ? 2 : 1].pid! : NaN;
  return {
    gatewayUrl: options.gateway !== false ? gatewayUrl : '',
    hiveUrl: hive ? hiveUrl : '',
    localUrl: local ? localUrl : '',
    registryUrl,
    token,
    pids: { registry: children[0].pid!, gateway: gatewayPid, hive: hive?.pid ?? NaN, local: local?.pid ?? NaN },
    stop,
  };
}
