import 'reflect-metadata'; // before anything that loads type-graphql
import type { TestProject } from 'vitest/node';
import { readConfig } from '../services/common/config.js';
import { startDevTemporal } from '../infra/dev/temporal.js';
import { startHub } from '../infra/dev/hub.js';
import { migrate } from '../infra/db/migrate.js';
import { seed } from '../infra/seed/run.js';
import { freshTestDatabase } from './support/database.js';
import { freePort } from '../infra/dev/ports.js';
import { quietTemporalLogs, WORKFLOW_INTERCEPTOR_MODULES, workflowsPath } from '../services/processes/worker.js';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FAILURE_CONVERTER_PATH } from '../services/common/temporal.js';
import { addLogSink, fileSink } from '../services/common/log.js';
import { startOidcIssuer } from './support/oidc-issuer.js';
import { DEV_IDENTITIES } from '../infra/dev/identities.js';
import { DEV_FEDERATION_ID, FEDERATION_ROLES } from '../services/common/identity.js';
import { buildConsole, consoleBuilt } from '../infra/dev/console-build.js';

// One real hub for the whole run: a fresh database with the real migrations and seed, a real
// Temporal dev server, and the registry, processes, worker and gateway on free ports; a test
// OIDC issuer (test/support/oidc-issuer.ts) whose tokens the hub accepts besides its own; the
// built console the gateway serves (built here when console/dist is missing).

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    registryUrl: string;
    processesUrl: string;
    databaseUrl: string;
    temporalAddress: string;
    jwtSecret: string;
    /** SUBGRAPH_SECRET of the run: test/support/hub.ts signs direct subgraph requests with it. */
    subgraphSecret: string;
    /** The workflow bundle, built once and shared by every worker of the run. */
    workflowBundle: string;
    /** TEMPORAL_PAYLOAD_KEYS of the run (a fresh key: nothing may rely on the dev key). */
    temporalPayloadKeys: string;
    /** The Temporal UI's codec endpoint (services/codec). */
    codecUrl: string;
    /** The hub's log, every line from info up as JSON (test/metrics.test.ts reads it). */
    hubLogFile: string;
    /** The worker's metrics from the Temporal SDK's exporter ('' when it could not listen). */
    workerMetricsUrl: string;
    /** The test OIDC issuer the hub trusts (OIDC_ISSUER): mint with mintAt(oidcIssuer, claims). */
    oidcIssuer: string;
    oidcAudience: string;
    oidcClientId: string;
  }
}

export default async function setup(project: TestProject) {
  // The hub's log as JSON lines in a file of the run (the console shows warnings and errors,
  // pretty, unless LOG_FORMAT / LOG_LEVEL say otherwise), and the worker's metrics exporter
  // on a free port: this process's one Temporal Runtime, made before any connection.
  const hubLogFile = join(mkdtempSync(join(tmpdir(), 'hub-log-')), 'hub.log');
  addLogSink(fileSink(hubLogFile, { level: 'info', format: 'json' }));
  const { metricsAddress } = quietTemporalLogs({ metricsAddress: `127.0.0.1:${await freePort()}` });
  // Bundling the workflows takes seconds; every worker of the run (the hub's, the time-skipping
  // tests', the replayer) takes this one file instead of bundling again.
  // It carries the hub's failure converter (failure messages travel encrypted, as in production)
  // and the workflow interceptors (the traces'), as a worker's own bundle does.
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsPath(),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  });
  const workflowBundle = join(mkdtempSync(join(tmpdir(), 'hub-workflows-')), 'bundle.js');
  writeFileSync(workflowBundle, code);
  process.env.HUB_WORKFLOW_BUNDLE = workflowBundle;
  const builtConsole = readConfig({}).consoleDir;
  if (!consoleBuilt(builtConsole))
    console.log(`[setup] console/dist was missing: built it in ${await buildConsole()} ms`);
  // The hub serves a copy: a `npm run console:build` during the run (it empties console/dist first) cannot pull files from under the tests.
  const consoleDir = join(mkdtempSync(join(tmpdir(), 'hub-console-')), 'dist');
  cpSync(builtConsole, consoleDir, { recursive: true });
  // The seeded identities, as users of the test issuer (subjects and organisations as in dev sign-in).
  const oidc = await startOidcIssuer({
    users: DEV_IDENTITIES.map((i) => ({
      sub: i.subject,
      name: i.name.zh,
      roles: i.roles,
      orgs: i.organizationIds,
      // Officers and admins name their Federation, as the hub's dev tokens do.
      ...(i.roles.some((r) => FEDERATION_ROLES.includes(r)) ? { fed: DEV_FEDERATION_ID } : {}),
    })),
    clientId: 'chamber-console',
    audience: 'chamber-hub',
  });
  const database = await freshTestDatabase(process.env.HUB_TEST_DATABASE || 'hub_test');
  const temporal = await startDevTemporal();
  await migrate(database.url);
  await seed(database.url);
  const [gatewayPort, registryPort, processesPort, codecPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const temporalPayloadKeys = `test-${Date.now()}:${randomBytes(32).toString('base64')}`;
  const subgraphSecret = randomBytes(32).toString('base64');
  const settings = readConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'hub-test',
    JWT_SECRET: 'test-secret-that-is-long-enough',
    GATEWAY_PORT: String(gatewayPort),
    REGISTRY_PORT: String(registryPort),
    PROCESSES_PORT: String(processesPort),
    CODEC_PORT: String(codecPort),
    TEMPORAL_PAYLOAD_KEYS: temporalPayloadKeys,
    SUBGRAPH_SECRET: subgraphSecret,
    LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    CONSOLE_DIR: consoleDir,
    OIDC_ISSUER: oidc.issuer,
    OIDC_AUDIENCE: oidc.audience,
    OIDC_CLIENT_ID: oidc.clientId,
    // Deliveries are sent (test/notification-delivery.test.ts), quickly, and give up after 3 failures.
    NOTIFICATION_DELIVERY: 'on',
    NOTIFICATION_DELIVERY_INTERVAL_MS: '200',
    NOTIFICATION_RETRY_BASE_MS: '1000',
    NOTIFICATION_MAX_ATTEMPTS: '3',
    // SUBGRAPHS_IN_PROCESS=true runs the suite with the gateway calling both subgraphs in process.
    SUBGRAPHS_IN_PROCESS: process.env.SUBGRAPHS_IN_PROCESS || 'false',
  });
  const hub = await startHub(settings);
  project.provide('gatewayUrl', hub.gatewayUrl);
  project.provide('registryUrl', settings.registryUrl);
  project.provide('processesUrl', settings.processesUrl);
  project.provide('databaseUrl', database.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('jwtSecret', settings.jwtSecret);
  project.provide('subgraphSecret', subgraphSecret);
  project.provide('workflowBundle', workflowBundle);
  project.provide('temporalPayloadKeys', temporalPayloadKeys);
  project.provide('codecUrl', hub.codecUrl);
  project.provide('hubLogFile', hubLogFile);
  project.provide('workerMetricsUrl', metricsAddress ? `http://${metricsAddress}/metrics` : '');
  project.provide('oidcIssuer', oidc.issuer);
  project.provide('oidcAudience', oidc.audience);
  project.provide('oidcClientId', oidc.clientId);
  return async () => {
    await hub.stop();
    await oidc.stop();
    await temporal.stop();
    await database.stop();
  };
}
