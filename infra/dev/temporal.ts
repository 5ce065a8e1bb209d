import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { freePort } from './ports.js';

/** An executable: the path in `override` when given, else `name` on PATH; undefined when none is executable. */
export function findExecutable(
  name: string,
  override: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const candidates = [override, ...(env.PATH ?? '').split(delimiter).map((dir) => dir && join(dir, name))];
  return candidates.find((path): path is string => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH. */
export const findTemporalCli = (env: NodeJS.ProcessEnv = process.env) =>
  findExecutable('temporal', env.TEMPORAL_CLI, env);

export interface DevTemporal {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevTemporalOptions {
  port?: number;
  uiPort?: number;
  dbFile?: string;
  uiCodecEndpoint?: string;
  /** Namespaces made at start besides `default` (a test's hubs kept apart: runs, visibility, Schedules). */
  namespaces?: string[];
}

const namespaceFlags = (options: DevTemporalOptions) =>
  (options.namespaces ?? []).flatMap((namespace) => ['--namespace', namespace]);

/**
 * A complete Temporal server for development and tests (`temporal server start-dev`), run as
 * our own child process: the SDK's ephemeral-server teardown hung on Ctrl-C once workflows with
 * open timers were stored (the server never got its signal), so we send SIGTERM ourselves and
 * SIGKILL after ten seconds. The flags are the ones the SDK passes. Only where no CLI exists
 * does the SDK run (and download) one.
 */
export async function startDevTemporal(options: DevTemporalOptions = {}): Promise<DevTemporal> {
  const cli = findTemporalCli();
  // `npm start` / `npm test` (infra/dev/bootstrap.mjs) set TEMPORAL_CLI; a bare `npx vitest` may not.
  if (!cli) return startWithSdk(options);
  const port = options.port ?? (await freePort());
  const args = [
    'server',
    'start-dev',
    '--port',
    String(port),
    '--namespace',
    'default',
    ...namespaceFlags(options),
    '--ip',
    '127.0.0.1',
    '--log-format',
    'pretty',
    '--log-level',
    'error',
    ...[
      'frontend.enableServerVersionCheck=false',
      'frontend.enableUpdateWorkflowExecution=true',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ].flatMap((value) => ['--dynamic-config-value', value]),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...(options.uiPort !== undefined ? ['--ui-port', String(options.uiPort)] : ['--headless']),
    // The UI decodes the hub's encrypted payloads through this endpoint (services/codec).
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
  ];
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await untilServing(address, child, () => errors);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address,
    uiUrl: options.uiPort !== undefined ? `http://127.0.0.1:${options.uiPort}` : '(UI disabled)',
    stop,
  };
}

/** Polls the frontend until it answers, or fails with the server's own words when it exits first. */
async function untilServing(address: string, child: ChildProcess, errors: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the Temporal dev server exited (${child.exitCode}) before serving on ${address}: ${errors()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`the Temporal dev server did not serve on ${address} within 60 s: ${errors()}`);
}

/** The SDK's own way, which downloads the CLI where none is installed. */
async function startWithSdk(options: DevTemporalOptions): Promise<DevTemporal> {
  console.warn(
    '[temporal] no temporal CLI found (TEMPORAL_CLI or PATH; `eval "$(node infra/dev/bootstrap.mjs env)"` sets it); letting the SDK download one',
  );
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      ui: options.uiPort !== undefined,
      uiPort: options.uiPort,
      dbFilename: options.dbFile,
      log: { format: 'pretty', level: 'error' },
      extraArgs: [
        ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
        ...namespaceFlags(options),
      ],
    },
  });
  return {
    address: env.address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : '(UI disabled)',
    stop: () => env.teardown(),
  };
}
