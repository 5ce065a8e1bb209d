import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SUBGRAPH_SECRET } from './signing.js';

// The hub's parts as separate OS processes for the benchmarks that measure each one (start-up,
// memory): started the way production starts them or the way the old image did, ready when
// their /readyz answers 200, measured by the kernel's count of their memory.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PARTS = ['registry', 'processes', 'worker', 'gateway', 'codec'] as const;
export type PartName = (typeof PARTS)[number];

const ENTRY: Record<PartName, string> = {
  registry: 'services/registry/main',
  processes: 'services/processes/main',
  worker: 'services/processes/worker',
  gateway: 'services/gateway/main',
  codec: 'services/codec/main',
};

/**
 * How a part is run: `dist` as the new image does (`node --enable-source-maps dist/...js`, the
 * prebuilt workflow bundle); `npx-tsx` as the old image did (`npx tsx ....ts`, the worker bundling
 * its workflows at start); `tsx` as the tests do (`node --import tsx ....ts`).
 */
export type RunMode = 'dist' | 'npx-tsx' | 'tsx';

export function command(part: PartName, mode: RunMode): { file: string; args: string[]; env: Record<string, string> } {
  if (mode === 'dist')
    return {
      file: process.execPath,
      args: ['--enable-source-maps', join(ROOT, 'dist', `${ENTRY[part]}.js`)],
      env: part === 'worker' ? { HUB_WORKFLOW_BUNDLE: join(ROOT, 'dist/workflow-bundle.js') } : {},
    };
  if (mode === 'npx-tsx') return { file: 'npx', args: ['tsx', `${ENTRY[part]}.ts`], env: {} };
  return { file: process.execPath, args: ['--import', 'tsx', `${ENTRY[part]}.ts`], env: {} };
}

/**
 * The V8 heap limits infra/k8s gives each part (NODE_OPTIONS --max-old-space-size, MiB): below
 * the container's memory limit, so that V8 collects before the kernel kills. Without a limit V8
 * sizes the heap from the machine's memory (about 4 GiB here) and lets it grow lazily.
 */
export const PRODUCTION_HEAP_MB: Record<PartName, number> = {
  gateway: 384,
  registry: 384,
  processes: 384,
  worker: 768,
  codec: 160,
};

/** The port a part's probes answer on, from the env it is given. */
export function probePort(part: PartName, env: Record<string, string>): string {
  const name = {
    registry: 'REGISTRY_PORT',
    processes: 'PROCESSES_PORT',
    worker: 'WORKER_PROBE_PORT',
    gateway: 'GATEWAY_PORT',
    codec: 'CODEC_PORT',
  }[part];
  return env[name];
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningPart {
  part: PartName;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 of /readyz. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a part and waits for its /readyz (90 s at most). */
export async function startPart(
  part: PartName,
  mode: RunMode,
  env: Record<string, string>,
  options: { nodeEnv?: string; heapMb?: number } = {},
): Promise<RunningPart> {
  const { file, args, env: extra } = command(part, mode);
  if (options.heapMb) extra.NODE_OPTIONS = `--max-old-space-size=${options.heapMb}`;
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, ...extra, NODE_ENV: options.nodeEnv ?? 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx and tsx start children of their own
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const url = `http://127.0.0.1:${probePort(part, env)}/readyz`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${part} (${mode}) exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      throw new Error(`${part} (${mode}) not ready after 90 s:\n${output}`);
    }
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((done) => setTimeout(done, 25));
  }
  const readyMs = performance.now() - started;
  return {
    part,
    child,
    readyMs,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Resident memory (VmRSS) of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let total = 0;
  for (const member of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Environment for a hub of separate parts on free ports, on `databaseUrl` and `temporalAddress`. */
export async function partsEnv(databaseUrl: string, temporalAddress: string): Promise<Record<string, string>> {
  const [gateway, registry, processes, codec, probes] = await Promise.all(PARTS.map(() => freePort()));
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-${Math.random().toString(36).slice(2, 8)}`,
    TEMPORAL_PAYLOAD_KEYS: `bench:${Buffer.from('bench-only-key-of-32-bytes-long!').toString('base64')}`,
    JWT_SECRET: 'bench-secret-that-is-long-enough',
    SUBGRAPH_SECRET: BENCH_SUBGRAPH_SECRET,
    LISTEN_HOST: '127.0.0.1',
    GATEWAY_PORT: String(gateway),
    REGISTRY_PORT: String(registry),
    PROCESSES_PORT: String(processes),
    CODEC_PORT: String(codec),
    WORKER_PROBE_PORT: String(probes),
    REGISTRY_URL: `http://127.0.0.1:${registry}/graphql`,
    PROCESSES_URL: `http://127.0.0.1:${processes}/graphql`,
    WORKER_METRICS_ADDRESS: 'off',
    LOG_LEVEL: 'warn',
  };
}
