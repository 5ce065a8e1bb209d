import { startE2eHub } from '../infra/dev/browser-hub.js';

// One hub for the whole run (infra/dev/browser-hub.ts): the console built fresh, a fresh database
// with the seed, Temporal, the test OIDC issuer, dev sign-in. The specs read where it is from
// the environment, which the test workers inherit.
export default async function globalSetup() {
  const started = Date.now();
  const hub = await startE2eHub({ label: '[e2e]' });
  process.env.E2E_GATEWAY_URL = hub.gatewayUrl;
  process.env.E2E_DATABASE_URL = hub.databaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = hub.temporalAddress;
  if (hub.oidc) {
    process.env.E2E_OIDC_URL = hub.oidc.issuer;
    process.env.E2E_OIDC = JSON.stringify(hub.oidc);
  }
  process.stderr.write(`[e2e] set-up took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return async () => {
    process.stderr.write('[e2e] stopping the hub…\n');
    await hub.stop();
  };
}
