import { inject } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freshTestDatabase } from './database.js';
import { freePort } from '../../infra/dev/ports.js';
import { migrate } from '../../infra/db/migrate.js';
import { seed } from '../../infra/seed/run.js';

// The fault tests' own hubs: each part a child process (`node --import tsx <entry>`), so a test
// can kill (SIGKILL) or restart one part without touching the global setup's hub, plus a
// delaying HTTP proxy to put between two parts. Everything started is registered with a
// Cleanup, which the test's afterAll runs even when the test failed.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Entry points and the log line each prints once it serves (or polls). */
export const ENTRIES = {
  registry: { file: 'services/registry/main.ts', ready: /\[registry\] subgraph ready/ },
  processes: { file: 'services/processes/main.ts', ready: /\[processes\] subgraph ready/ },
  worker: { file: 'services/processes/worker.ts', ready: /\[worker\] polling/ },
  gateway: { file: 'services/gateway/main.ts', ready: /\[gateway\] ready/ },
} as const;
export type Part = keyof typeof ENTRIES;

/** Stops registered in start order, run in reverse; failures are logged, never thrown. */
export class Cleanup {
  private stops: { name: string; stop: () => Promise<unknown> }[] = [];
  add(name: string, stop: () => Promise<unknown>) {
    this.stops.push({ name, stop });
  }
  async run() {
    for (const { name, stop } of this.stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(`[faults] while stopping ${name}:`, error);
      }
    }
    this.stops = [];
  }
}

/** A fresh database of the test's own on the suite's PostgreSQL, migrated and seeded. */
export async function seededDatabase(suffix: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const database = await freshTestDatabase(`${process.env.HUB_TEST_DATABASE || 'hub_test'}_${suffix}`);
  await migrate(database.url);
  await seed(database.url);
  return database;
}

/** The README's configuration table for a hub of free ports; `overrides` win. */
export async function hubEnv(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const [gateway, registry, processes, codec, probes] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  return {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    // A queue of the test's own: the global hub's worker must not pick up these runs.
    TEMPORAL_TASK_QUEUE: `faults-${Math.random().toString(36).slice(2, 8)}`,
    TEMPORAL_PAYLOAD_KEYS: inject('temporalPayloadKeys'),
    JWT_SECRET: inject('jwtSecret'), // so test/support/hub.ts's token() signs for these hubs too
    SUBGRAPH_SECRET: inject('subgraphSecret'), // and its gql() signs subgraph requests for them
    WORKER_PROBE_PORT: String(probes),
    HUB_WORKFLOW_BUNDLE: inject('workflowBundle'), // no bundling in the worker: seconds saved
    LISTEN_HOST: '127.0.0.1',
    GATEWAY_PORT: String(gateway),
    REGISTRY_PORT: String(registry),
    PROCESSES_PORT: String(processes),
    CODEC_PORT: String(codec),
    REGISTRY_URL: `http://127.0.0.1:${registry}/graphql`,
    PROCESSES_URL: `http://127.0.0.1:${processes}/graphql`,
    SUBGRAPH_TIMEOUT_MS: '10000',
    // Human lines (ENTRIES' ready lines are matched in them); no worker metrics port to compete for.
    LOG_FORMAT: 'pretty',
    WORKER_METRICS_ADDRESS: 'off',
    ...overrides,
  };
}

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  output(): string;
  /** SIGTERM (the entry points' orderly stop), SIGKILL after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no shutdown code runs, as when the machine loses the process. */
  kill(): Promise<void>;
}

/** Starts one part of the hub as a child process and waits for its ready line; `nodeArgs` go to its node (a preload). */
export async function startPart(
  part: Part,
  env: Record<string, string>,
  cleanup: Cleanup,
  name: string = part,
  nodeArgs: string[] = [],
): Promise<Child> {
  const { file, ready } = ENTRIES[part];
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, file], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = async (sig: NodeJS.Signals, graceMs: number) => {
    if (!alive()) return;
    child.kill(sig);
    const timer = setTimeout(() => alive() && child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const handle: Child = {
    name,
    process: child,
    output: () => output,
    stop: (graceMs = 10_000) => signal('SIGTERM', graceMs),
    kill: () => signal('SIGKILL', 0),
  };
  cleanup.add(name, () => handle.kill());
  // Should the test process itself die (a timeout, Ctrl-C), the child must not outlive it.
  const orphan = () => alive() && child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  const deadline = Date.now() + 90_000;
  while (!ready.test(output)) {
    if (!alive() || Date.now() > deadline) {
      await handle.kill();
      throw new Error(`${name} did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return handle;
}

/** Starts several parts at once (they are independent once the database and Temporal exist). */
export async function startParts(
  parts: Part[],
  env: Record<string, string>,
  cleanup: Cleanup,
): Promise<Record<Part, Child>> {
  const started = await Promise.all(parts.map((part) => startPart(part, env, cleanup)));
  return Object.fromEntries(started.map((child) => [child.name, child])) as Record<Part, Child>;
}

export interface DelayProxy {
  url: string;
  /** Added before each request is forwarded; 0 passes straight through. */
  delayMs: number;
  /** Requests forwarded so far. */
  forwarded: number;
  /** Forward, let the upstream act, but never answer: the caller's view of a lost response. */
  swallowAnswers: boolean;
  stop(): Promise<void>;
}

/**
 * An HTTP proxy to `target` (origin and path of the subgraph) that waits `delayMs` before
 * forwarding each request (a subgraph slower than the gateway's deadline, without touching it)
 * or forwards and swallows the answer (the write happened, the caller never hears of it).
 */
export async function startDelayProxy(target: string, cleanup: Cleanup): Promise<DelayProxy> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const timer = setTimeout(() => {
      state.forwarded++;
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          if (state.swallowAnswers) return void answer.resume();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      req.pipe(out);
    }, state.delayMs);
    // The caller gave up (the gateway's deadline): nothing to forward any more.
    res.on('close', () => clearTimeout(timer));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const state: DelayProxy = {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    delayMs: 0,
    forwarded: 0,
    swallowAnswers: false,
    stop,
  };
  cleanup.add('delay proxy', stop);
  return state;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}
