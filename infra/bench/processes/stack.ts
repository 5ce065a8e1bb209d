import { BENCH_SUBGRAPH_SECRET } from '../signing.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli, startDevTemporal, type DevTemporal } from '../../dev/temporal.js';
import { migrate } from '../../db/migrate.js';
import { seed } from '../../seed/run.js';
import { freePort } from '../../dev/ports.js';

// What the processes benchmark runs on: a fresh database (dropped and re-created, migrated and
// seeded), a Temporal dev server on a free port, and the hub in a child process (hub.ts).

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Drops the bench database (only ever this one) and builds it again: migrations, then seed. */
export async function freshDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
  } finally {
    await admin.end();
  }
  await migrate(databaseUrl); // creates it
  await seed(databaseUrl);
}

/**
 * The dev server as the tests start it; with `eager`, the same server with eager activity
 * dispatch switched on (an experiment: activities a workflow task schedules go straight back
 * to the worker that completed it instead of through matching and a poll).
 */
export async function startTemporal(eager: boolean): Promise<DevTemporal> {
  const port = await freePort();
  if (!eager) return startDevTemporal({ port });
  const cli = findTemporalCli();
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ...(cli ? { executable: { type: 'existing-path' as const, path: cli } } : {}),
      ip: '127.0.0.1',
      port,
      ui: false,
      log: { format: 'pretty', level: 'error' },
      extraArgs: ['--dynamic-config-value', 'system.enableActivityEagerExecution=true'],
    },
  });
  return { address: env.address, uiUrl: '(UI disabled)', stop: () => env.teardown() };
}

/**
 * A hub child's environment: the benchmark's database, the dev server, its own task queue, and a
 * free port for every server it opens, so it runs beside the tests and a dev hub.
 */
export async function hubChildEnv(
  databaseUrl: string,
  temporalAddress: string,
  taskQueue: string,
): Promise<Record<string, string>> {
  return {
    // The hub child runs with NODE_ENV=production, which refuses the public dev payload key.
    TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SUBGRAPH_SECRET: BENCH_SUBGRAPH_SECRET,
    LISTEN_HOST: '127.0.0.1',
    GATEWAY_PORT: String(await freePort()),
    REGISTRY_PORT: String(await freePort()),
    PROCESSES_PORT: String(await freePort()),
    CODEC_PORT: String(await freePort()),
  };
}

export interface HubChild {
  /** The hub child's own process id (node runs tsx as an import, so no wrapper process). */
  pid: number;
  gatewayUrl: string;
  processesUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a benchmark's hub script (default: this benchmark's hub.ts) under tsx and waits for its
 * BENCH_READY line; bundling the workflows takes a while. Like the image, node preloads the
 * workflow threads' stack-trace switch (WORKFLOW_STACK_TRACES, off under NODE_ENV=production).
 */
export async function startHubChild(
  env: Record<string, string>,
  options: { entry?: string; readyWithinMs?: number } = {},
): Promise<HubChild> {
  const { HUB_WORKFLOW_BUNDLE: _shared, ...inherited } = process.env; // the child bundles the hub's own code
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './services/processes/workflow-stack-traces.ts',
      options.entry ?? 'infra/bench/processes/hub.ts',
    ],
    {
      cwd: ROOT,
      env: { ...inherited, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[hub] ${chunk.toString()}`));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const ready = new Promise<{ gatewayUrl: string; processesUrl: string }>((resolve, reject) => {
    const within = options.readyWithinMs ?? 120_000;
    const timer = setTimeout(() => reject(new Error(`the hub did not start within ${within / 1000} s`)), within);
    child.once('exit', (code) => reject(new Error(`the hub exited with code ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('BENCH_READY ')) return; // the servers' own start-up lines are noise here
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('BENCH_READY '.length)));
    });
  });
  try {
    return { pid: child.pid!, ...(await ready), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
