import { inject } from 'vitest';
import { readConfig } from '../../../services/common/config.js';
import { startHub } from '../../../infra/dev/hub.js';
import { hubEnv, seededDatabase } from '../processes.js';

// The fuzzer's own hub, in this process: a fresh migrated and seeded database of its own and a
// task queue of its own on the suite's Temporal server, so what valid-by-chance mutations write
// (organizations, procurements, runs) never reaches the tests that count the seed's figures.
// No rate limit worth the name (the fuzzer is one caller sending thousands of requests) and
// only errors in the log (each masked internal error is logged there with its reference).

export async function startFuzzHub() {
  const database = await seededDatabase('fuzz');
  const env = await hubEnv({
    DATABASE_URL: database.url,
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
    LOG_LEVEL: 'error',
    TEMPORAL_TASK_QUEUE: `fuzz-${Math.random().toString(36).slice(2, 8)}`,
  });
  process.env.HUB_WORKFLOW_BUNDLE = inject('workflowBundle');
  const settings = readConfig(env);
  const hub = await startHub(settings);
  return {
    gatewayUrl: hub.gatewayUrl,
    registryUrl: settings.registryUrl,
    processesUrl: settings.processesUrl,
    databaseUrl: database.url,
    jwtSecret: settings.jwtSecret,
    async stop() {
      await hub.stop();
      await database.stop();
    },
  };
}
