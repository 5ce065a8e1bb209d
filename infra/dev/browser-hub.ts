import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// Starts the whole hub for the browser tests and the console benchmark: a child process
// (browser-hub-child.ts under tsx) builds the console into a temporary folder, makes a fresh database, starts a Temporal dev
// server, the test OIDC issuer and the hub with its dev secret and dev identities, then says
// READY. A child, not this process: the hub's decorators need tsx's TypeScript, not the test
// runner's Babel, and the browser-driving process keeps its event loop to itself.

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the child tells us once everything answers. */
export interface E2eHub {
  /** The gateway's origin, e.g. http://127.0.0.1:40123 (the console is at /console/, GraphQL at /graphql). */
  gatewayUrl: string;
  /** The test OIDC issuer (test/support/oidc-issuer.ts): the console's single sign-on in the tests. */
  oidc?: { issuer: string; clientId: string; users: { sub: string; name: string; roles: string[]; orgs: string[] }[] };
  /** The console's build the gateway serves. */
  consoleDir: string;
  databaseUrl: string;
  temporalAddress: string;
}

export interface StartOptions {
  /** The database the hub gets, recreated empty (default hub_e2e or E2E_DATABASE). */
  database?: string;
  taskQueue?: string;
  /** Serve this console build instead of building one (into a temporary folder). */
  consoleDir?: string;
  /** Prefix of the progress lines, e.g. "[e2e]". */
  label?: string;
}

export async function startE2eHub(options: StartOptions = {}): Promise<E2eHub & { stop(): Promise<void> }> {
  const { HUB_WORKFLOW_BUNDLE: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/dev/browser-hub-child.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      E2E_DATABASE: options.database ?? process.env.E2E_DATABASE ?? 'hub_e2e',
      E2E_TASK_QUEUE: options.taskQueue ?? 'hub-e2e',
      E2E_CONSOLE_DIR: options.consoleDir ?? '',
      E2E_LABEL: options.label ?? '[e2e]',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    },
    stdio: ['ignore', 'pipe', 'inherit'], // progress lines and the hub's warnings go to our stderr
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM'); // the child stops the hub, Temporal and the issuer in turn
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const ready = new Promise<E2eHub>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the e2e hub was not ready within 5 minutes')), 300_000);
    void exited.then(([code]) => reject(new Error(`the e2e hub exited with code ${code} before it was ready`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('E2E_READY ')) return void process.stdout.write(`${line}\n`);
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('E2E_READY '.length)) as E2eHub);
    });
  });
  try {
    return { ...(await ready), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
