import 'reflect-metadata'; // before anything that loads type-graphql
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEV_JWT_SECRET, readConfig } from '../../services/common/config.js';
import { FAILURE_CONVERTER_PATH } from '../../services/common/temporal.js';
import { quietTemporalLogs, WORKFLOW_INTERCEPTOR_MODULES, workflowsPath } from '../../services/processes/worker.js';
import { migrate } from '../db/migrate.js';
import { seed } from '../seed/run.js';
import { startDevTemporal } from './temporal.js';
import { startHub } from './hub.js';
import { DEV_IDENTITIES } from './identities.js';
import { buildConsole } from './console-build.js';
import { seedOrganizationId } from '../seed/run.js';
import { startOidcIssuer, type OidcUser } from '../../test/support/oidc-issuer.js';
import { freshTestDatabase } from '../../test/support/database.js';
import { freePort } from './ports.js';

// The child process infra/dev/browser-hub.ts starts: everything the browser tests need, as the
// vitest global setup makes it (test/global-setup.ts) plus the console, the dev sign-in and the
// test OIDC issuer. Progress on stderr; one `E2E_READY {json}` line on stdout; SIGTERM stops it.

const label = process.env.E2E_LABEL || '[e2e]';
const say = (line: string) => process.stderr.write(`${label} ${line}\n`);
const stops: (() => Promise<void>)[] = [];

const OIDC_CLIENT_ID = 'chamber-console';
const OIDC_AUDIENCE = 'chamber-hub';

async function main() {
  // A build of its own in a temporary folder (CONSOLE_DIR): console/dist may be what a running
  // `npm start` serves, and two runs side by side must not empty each other's assets.
  const consoleDir = process.env.E2E_CONSOLE_DIR || join(mkdtempSync(join(tmpdir(), 'hub-e2e-console-')), 'dist');
  if (!process.env.E2E_CONSOLE_DIR) {
    stops.push(async () => rmSync(dirname(consoleDir), { recursive: true, force: true }));
    say('building the console…');
    say(`console built in ${((await buildConsole(consoleDir)) / 1000).toFixed(1)} s into ${consoleDir}`);
  }
  quietTemporalLogs();
  say('bundling the workflows…');
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsPath(),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  });
  const bundle = join(mkdtempSync(join(tmpdir(), 'hub-e2e-workflows-')), 'bundle.js');
  writeFileSync(bundle, code);
  stops.push(async () => rmSync(dirname(bundle), { recursive: true, force: true }));
  process.env.HUB_WORKFLOW_BUNDLE = bundle;

  const name = process.env.E2E_DATABASE || 'hub_e2e';
  say(`fresh database ${name}, Temporal dev server…`);
  const database = await freshTestDatabase(name);
  stops.unshift(() => database.stop());
  const temporal = await startDevTemporal();
  stops.unshift(() => temporal.stop());
  await migrate(database.url);
  await seed(database.url);

  const oidc = await startIssuer();
  const [gatewayPort, registryPort, processesPort, codecPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
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
    OIDC_ISSUER: oidc.issuer,
    OIDC_AUDIENCE,
    OIDC_CLIENT_ID,
    CONSOLE_DIR: consoleDir,
  });
  say('starting the hub…');
  const hub = await startHub(settings, { devIdentities: DEV_IDENTITIES });
  stops.unshift(() => hub.stop());
  const gatewayUrl = new URL(hub.gatewayUrl).origin;
  say(`hub ready at ${gatewayUrl}/console/ (OIDC issuer ${oidc.issuer})`);
  console.log(
    `E2E_READY ${JSON.stringify({ gatewayUrl, consoleDir, oidc: { issuer: oidc.issuer, clientId: OIDC_CLIENT_ID, users: oidc.users }, databaseUrl: database.url, temporalAddress: temporal.address })}`,
  );
}

/** The issuer's people: what an enterprise IdP would send for a Federation admin and a chamber's approver. */
const OIDC_USERS: OidcUser[] = [
  {
    sub: 'oidc-wang-fang',
    name: '王芳（市工商联 管理员）',
    roles: ['ADMIN'],
    orgs: [],
    fed: seedOrganizationId('federation'),
  },
  {
    sub: 'oidc-li-ming',
    name: '李明（嘉兴市温州商会 审批人）',
    roles: ['APPROVER'],
    orgs: [seedOrganizationId('wenzhou')],
  },
];

/** The test OIDC issuer (test/support/oidc-issuer.ts): authorization code + PKCE, RS256 tokens. */
async function startIssuer() {
  const issuer = await startOidcIssuer({ users: OIDC_USERS, clientId: OIDC_CLIENT_ID, audience: OIDC_AUDIENCE });
  stops.unshift(() => issuer.stop());
  return { issuer: issuer.issuer, users: OIDC_USERS };
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
