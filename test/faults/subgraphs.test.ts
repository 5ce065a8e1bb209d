import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, token, type GraphQLResponse } from '../support/hub.js';
import {
  Cleanup,
  eventually,
  hubEnv,
  seededDatabase,
  startDelayProxy,
  startPart,
  startParts,
  type Child,
  type DelayProxy,
} from '../support/processes.js';
import { applyForTraining } from '../support/remote-training.js';
import { seedOrganizationId } from '../../infra/seed/run.js';
import { freePort } from '../../infra/dev/ports.js';

// A subgraph down, and a subgraph slower than the gateway's deadline. A hub of the test's own
// (child processes on free ports): registry, processes and a worker, one gateway straight to
// both subgraphs and one whose registry sits behind a delaying proxy with a short deadline.
// An enrollment lives in processes and points at its organization in the registry, so one
// query spans both: with the registry failing, the processes half must still come back.

const SPANNING = 'query ($id: ID!) { trainingEnrollment(id: $id) { id personName organization { id englishName } } }';
const TIMEOUT_MS = 1_500;

const cleanup = new Cleanup();
let env: Record<string, string>;
let registry: Child;
let gatewayUrl: string;
let slowGatewayUrl: string;
let proxy: DelayProxy;
let enrollment: { id: string };

beforeAll(async () => {
  const database = await seededDatabase('faults_subgraphs');
  cleanup.add('database', database.stop);
  env = await hubEnv({ DATABASE_URL: database.url });
  ({ registry } = await startParts(['registry', 'processes', 'worker'], env, cleanup));
  proxy = await startDelayProxy(env.REGISTRY_URL, cleanup);
  const slowEnv = {
    ...env,
    GATEWAY_PORT: String(await freePort()),
    REGISTRY_URL: proxy.url,
    SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
  };
  await Promise.all([startPart('gateway', env, cleanup), startPart('gateway', slowEnv, cleanup, 'slow gateway')]);
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
  slowGatewayUrl = `http://127.0.0.1:${slowEnv.GATEWAY_PORT}/`;
  enrollment = await applyForTraining(gatewayUrl);
}, 180_000);
afterAll(() => cleanup.run());

/** An answer the way a client must get it: JSON, each error with a code, no stack, no file path. */
function expectClean(r: GraphQLResponse) {
  for (const error of r.errors ?? []) {
    expect(typeof error.extensions?.code, JSON.stringify(error)).toBe('string');
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\/work\/|node_modules|\.ts:\d+/);
  }
}

/** The error of the failed registry fetch, which must say which service failed. */
function registryError(r: GraphQLResponse) {
  expect(r.errors, JSON.stringify(r.errors)).toHaveLength(1);
  const error = r.errors![0];
  expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'registry' });
  expect(error.message).toMatch(/^The registry service /);
  return error;
}

// The chamber's approver reads its own enrollment without the registry; an officer's or admin's
// read asks the registry for their jurisdiction first, so it fails with the registry, closed.
const chamberApprover = () => token(['APPROVER'], [seedOrganizationId('wenzhou')]);

describe('a subgraph down', () => {
  it("answers with the other subgraph's data and an error naming the service, and stays up", async () => {
    const as = await chamberApprover();
    const before = await gql(SPANNING, { id: enrollment.id }, as, gatewayUrl);
    expect(before.errors).toBeUndefined();

    await registry.stop();
    const during = await gql(SPANNING, { id: enrollment.id }, as, gatewayUrl);
    expectClean(during);
    expect(during.data?.trainingEnrollment).toEqual({
      id: enrollment.id,
      personName: '故障演练学员',
      organization: { id: expect.any(String), englishName: null },
    });
    expect(registryError(during).message).toBe('The registry service is unavailable');
    // A query of the registry alone fails cleanly, and the gateway keeps answering.
    const alone = await gql('{ organizations(first: 1) { totalCount } }', {}, as, gatewayUrl);
    expectClean(alone);
    expect(alone.data ?? null).toBeNull();
    registryError(alone);

    registry = await startPart('registry', env, cleanup);
    const after = await gql(SPANNING, { id: enrollment.id }, as, gatewayUrl);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });
});

describe('a subgraph slower than the deadline', () => {
  it(`fails that subgraph's part within SUBGRAPH_TIMEOUT_MS (${TIMEOUT_MS} ms) plus a margin`, async () => {
    const as = await chamberApprover();
    // Through the proxy with no delay first: the slow gateway works.
    const fast = await eventually(
      'the slow gateway to answer',
      async () => {
        const r = await gql(SPANNING, { id: enrollment.id }, as, slowGatewayUrl);
        return r.errors ? undefined : r;
      },
      20_000,
    );
    proxy.delayMs = 10_000;
    const started = Date.now();
    const slow = await gql(SPANNING, { id: enrollment.id }, as, slowGatewayUrl);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
    expectClean(slow);
    expect(slow.data?.trainingEnrollment?.personName).toBe('故障演练学员');
    expect(registryError(slow).message).toBe(`The registry service did not answer within ${TIMEOUT_MS} ms`);

    proxy.delayMs = 0;
    const again = await gql(SPANNING, { id: enrollment.id }, as, slowGatewayUrl);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(fast.data);
  });
});
