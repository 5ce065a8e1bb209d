import 'reflect-metadata'; // before anything that loads type-graphql
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_JWT_SECRET, readConfig, type HubConfig } from '../../services/common/config.js';
import { FAILURE_CONVERTER_PATH } from '../../services/common/temporal.js';
import { quietTemporalLogs, WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from '../../services/processes/worker.js';
import { migrate } from '../../infra/db/migrate.js';
import { seed } from '../../infra/seed/run.js';
import { startDevTemporal } from '../../infra/dev/temporal.js';
import { startHub } from '../../infra/dev/hub.js';
import { freshTestDatabase } from '../../test/support/database.js';
import { freePort } from '../../test/support/ports.js';
import { buildConsole } from './build-console.js';

// The child process e2e/support/hub.ts starts: everything the browser tests need, as the
// vitest global setup makes it (test/global-setup.ts) plus the console, the dev sign-in and the
// test OIDC issuer. Progress on stderr; one `E2E_READY {json}` line on stdout; SIGTERM stops it.

const label = process.env.E2E_LABEL || '[e2e]';
const say = (line: string) => process.stderr.write(`${label} ${line}\n`);
const stops: (() => Promise<void>)[] = [];

const OIDC_CLIENT_ID = 'chamber-console';
const OIDC_AUDIENCE = 'chamber-hub';

async function main() {
  if (!process.env.E2E_SKIP_BUILD) {
    say('building the console…');
    const started = Date.now();
    await buildConsole();
    say(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  quietTemporalLogs();
  say('bundling the workflows…');
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES, failureConverterPath: FAILURE_CONVERTER_PATH, logger: new DefaultLogger('WARN'),
  });
  const bundle = join(mkdtempSync(join(tmpdir(), 'hub-e2e-workflows-')), 'bundle.js');
  writeFileSync(bundle, code);
  process.env.HUB_WORKFLOW_BUNDLE = bundle;

  const name = process.env.E2E_DATABASE || 'hub_e2e';
  say(`fresh database ${name}, Temporal dev server…`);
  const database = await freshTestDatabase(name);
  stops.unshift(database.stop);
  const temporal = await startDevTemporal();
  stops.unshift(temporal.stop);
  await migrate(database.url);
  await seed(database.url);

  const oidc = await startIssuer();
  const [gatewayPort, registryPort, processesPort, codecPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const settings = readConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: process.env.E2E_TASK_QUEUE || 'hub-e2e',
    JWT_SECRET: DEV_JWT_SECRET, // the gateway offers dev sign-in only with the dev secret
    GATEWAY_PORT: String(gatewayPort),
    REGISTRY_PORT: String(registryPort),
    PROCESSES_PORT: String(processesPort),
    CODEC_PORT: String(codecPort),
    TEMPORAL_PAYLOAD_KEYS: `e2e-${Date.now()}:${randomBytes(32).toString('base64')}`,
    LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    ...(oidc ? { OIDC_ISSUER: oidc.issuer, OIDC_AUDIENCE, OIDC_CLIENT_ID } : {}),
  });
  say('starting the hub…');
  // TODO(console): drop the cast once startHub takes its options (the server side's change).
  const start = startHub as (settings: HubConfig, options?: { devIdentities?: unknown }) => ReturnType<typeof startHub>;
  const hub = await start(settings, { devIdentities: await devIdentities() });
  stops.unshift(hub.stop);
  const gatewayUrl = new URL(hub.gatewayUrl).origin;
  say(`hub ready at ${gatewayUrl}/console/${oidc ? ` (OIDC issuer ${oidc.issuer})` : ''}`);
  console.log(`E2E_READY ${JSON.stringify({ gatewayUrl, oidc: oidc && { issuer: oidc.issuer, clientId: OIDC_CLIENT_ID, users: oidc.users }, databaseUrl: database.url, temporalAddress: temporal.address })}`);
}

/** The seeded dev identities (infra/dev/identities.ts), when that module exists. */
async function devIdentities() {
  const module = new URL('../../infra/dev/identities.ts', import.meta.url);
  if (!existsSync(module)) return undefined;
  const exported = (await import(module.href)) as Record<string, unknown>;
  return (exported.DEV_IDENTITIES ?? exported.devIdentities ?? exported.default) as never;
}

/** The test OIDC issuer (test/support/oidc-issuer.ts) with two users, when that module exists. */
async function startIssuer() {
  const module = new URL('../../test/support/oidc-issuer.ts', import.meta.url);
  if (!existsSync(module)) return undefined;
  const { startOidcIssuer } = (await import(module.href)) as { startOidcIssuer: (options: object) => Promise<{ issuer?: string; url?: string; stop(): Promise<void> }> };
  const users = [
    { username: 'wang.fang', password: 'e2e-password', name: '王芳', roles: ['ADMIN'] },
  ];
  const issuer = await startOidcIssuer({ users, clientId: OIDC_CLIENT_ID, audience: OIDC_AUDIENCE });
  stops.unshift(issuer.stop);
  return { issuer: (issuer.issuer ?? issuer.url)!, users };
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const part of stops) await part().catch((error: Error) => say(`stopping: ${error.message}`));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
// When the parent dies without a word (a killed test runner), the hub must not outlive it.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop(0), 1000).unref();

main().catch(async (error: Error) => {
  say(`FAILED: ${error.stack ?? error.message}`);
  await stop(1);
});
