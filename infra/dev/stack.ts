// npm start: the whole hub on one machine with no configuration. PostgreSQL (embedded) and
// Temporal (the CLI's dev server) start as child processes unless DATABASE_URL or
// TEMPORAL_ADDRESS point elsewhere; then migrations, seed, worker, subgraphs and gateway.
import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { mkdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEV_JWT_SECRET, EMBEDDED_PG_PORT, readConfig } from '../../services/common/config.js';
import { devTokenLifetime, signToken } from '../../services/common/identity.js';
import { startDevPostgres, type DevPostgres } from './postgres.js';
import { startDevTemporal, type DevTemporal } from './temporal.js';
import { startHub } from './hub.js';
import { quietTemporalLogs } from '../../services/processes/worker.js';
import { configureLogs } from '../../services/common/log.js';
import { migrate } from '../db/migrate.js';
import { seed, seedOrganizationId } from '../seed/run.js';
import { buildConsole, consoleBuilt } from './console-build.js';
import { DEV_IDENTITIES } from './identities.js';

const env = process.env;
const dataDir = resolve(env.HUB_DATA_DIR || '.data');
const stops: (() => Promise<void>)[] = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\n[stack] stopping ...');
  for (const stop of stops.reverse()) {
    // Each part gets a deadline: one that hangs (the gateway's Apollo Server once waited for
    // ever after a campaign had run) must not keep Temporal and PostgreSQL running behind it.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 15_000)));
    try {
      if ((await Promise.race([stop().then(() => 'done' as const), deadline])) === 'late')
        console.error('[stack] a part did not stop within 15 s; going on');
    } catch (error) {
      console.error('[stack] while stopping:', error);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log('[stack] stopped');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(0));

// Human lines on a terminal unless LOG_FORMAT says otherwise (json is the services' default).
const devEnv = { ...env, LOG_FORMAT: env.LOG_FORMAT || 'pretty' };
try {
  const early = readConfig(devEnv);
  configureLogs(early.log);
  // Before any Temporal connection: the process's one Runtime, with the worker's metrics exporter.
  const { metricsAddress: workerMetrics } = quietTemporalLogs({ metricsAddress: early.workerMetricsAddress });
  // Up front: the Temporal dev server writes its database file here too, also when an external
  // DATABASE_URL means the embedded PostgreSQL (which used to create it) never starts.
  mkdirSync(dataDir, { recursive: true });
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`[stack] starting embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} (data in ${dataDir})`);
    const pg: DevPostgres = await startDevPostgres({ dataDir, port: EMBEDDED_PG_PORT });
    stops.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  let temporalAddress = env.TEMPORAL_ADDRESS;
  let temporalUi = 'the UI of your Temporal deployment';
  // The codec endpoint starts with the hub below, but the dev server's UI is told its URL now.
  const uiCodecEndpoint = `http://127.0.0.1:${early.codecPort}/codec`;
  if (!temporalAddress) {
    console.log('[stack] starting the Temporal dev server on 127.0.0.1:7233');
    const temporal: DevTemporal = await startDevTemporal({
      port: 7233,
      uiPort: 8233,
      dbFile: resolve(dataDir, 'temporal.db'),
      uiCodecEndpoint,
    });
    stops.push(() => temporal.stop());
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  const settings = readConfig({ ...devEnv, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress });
  console.log('[stack] applying migrations');
  await migrate(settings.databaseUrl);
  console.log('[stack] seeding');
  await seed(settings.databaseUrl);
  if (!consoleBuilt(settings.consoleDir)) {
    const shown = relative(process.cwd(), settings.consoleDir);
    console.log(
      `[stack] building the console into ${shown && !shown.startsWith('..') ? shown : settings.consoleDir} (missing) ...`,
    );
    console.log(`[stack] console built in ${((await buildConsole(settings.consoleDir)) / 1000).toFixed(1)} s`);
  }
  const hub = await startHub(settings, { devIdentities: DEV_IDENTITIES });
  stops.push(() => hub.stop());
  const devSignIn = settings.jwtSecret === DEV_JWT_SECRET;

  // Three of the console's dev identities, as tokens for curl and the GraphQL IDE.
  const tokenOf = (id: string) => {
    const { subject, roles, organizationIds } = DEV_IDENTITIES.find((identity) => identity.id === id)!;
    return signToken(
      { subject, roles, organizationIds },
      settings.jwtSecret,
      devTokenLifetime(settings.tokenMaxLifetimeMs),
    );
  };
  const wenzhou = seedOrganizationId('wenzhou');
  const [admin, approver, officer] = await Promise.all(
    ['admin', 'approver-wenzhou', 'federation-officer'].map(tokenOf),
  );
  console.log(`
  The hub is running. Ctrl-C stops everything.

  GraphQL gateway   ${hub.gatewayUrl}
  Console   ${hub.consoleUrl}  (${devSignIn ? `dev sign-in: pick one of ${DEV_IDENTITIES.length} seeded identities` : 'dev sign-in is off: JWT_SECRET is not the dev secret'}${settings.oidc ? `; OIDC sign-in at ${settings.oidc.issuer}` : ''})
  Temporal Web UI   ${temporalUi}
  Temporal UI codec endpoint   ${hub.codecUrl}  (ADMIN token: temporal workflow show --codec-endpoint ${hub.codecUrl} --codec-auth "Bearer <token>")
  Metrics (Prometheus)   ${[settings.gatewayPort, settings.registryPort, settings.processesPort, settings.codecPort].map((port) => `http://127.0.0.1:${port}/metrics`).join(' ')}${workerMetrics ? `\n                         http://${workerMetrics}/metrics (the worker, from the Temporal SDK)` : ''}

  Dev token (ADMIN):
    ${admin}
  Dev token (APPROVER of 嘉兴市温州商会, ${wenzhou}):
    ${approver}
  Dev token (FEDERATION_OFFICER, confirms training seats and records attendance):
    ${officer}

  Try:
    curl -s ${hub.gatewayUrl} -H 'content-type: application/json' \\
      -H 'authorization: Bearer ${admin}' \\
      -d '{"query":"{ organizations(first: 5) { totalCount edges { node { name kind } } } }"}'
`);
} catch (error) {
  console.error('[stack] could not start:', error instanceof Error ? error.message : error);
  await stopAll(1);
}
