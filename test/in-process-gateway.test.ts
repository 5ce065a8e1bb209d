import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../services/common/config.js';
import { startGateway } from '../services/gateway/main.js';
import { startRegistry } from '../services/registry/main.js';
import { orgId, token } from './support/hub.js';
import { post, type RawAnswer } from './support/raw.js';

// SUBGRAPHS_IN_PROCESS: a gateway holding its own registry in its process (called without HTTP)
// must answer exactly as the run's gateway, which fetches the registry over HTTP: the same data,
// and the same refusals (code, message, field, HTTP status) for the client's mistakes and for
// what its token may not do. The processes subgraph stays remote here, so a query crossing both
// meets one of each. (The whole suite also runs in process with SUBGRAPHS_IN_PROCESS=true.)

describe('a gateway with the registry in its own process', () => {
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    const settings = readConfig({
      GATEWAY_PORT: '0',
      REGISTRY_PORT: '0',
      JWT_SECRET: inject('jwtSecret'),
      PROCESSES_URL: inject('processesUrl'),
      SUBGRAPH_SECRET: inject('subgraphSecret'),
      DATABASE_URL: inject('databaseUrl'),
      LOG_LEVEL: 'warn',
    });
    registry = await startRegistry(settings);
    gateway = await startGateway(settings, { inProcess: { registry: registry.local } });
  });
  afterAll(async () => {
    await gateway?.stop();
    await registry?.stop();
  });

  /** The same request at both gateways: [in process, over HTTP]. */
  const both = async (query: string, variables: Record<string, unknown>, bearer: string) =>
    Promise.all([post(gateway.url, query, variables, bearer), post(inject('gatewayUrl'), query, variables, bearer)]);
  const shown = (a: RawAnswer) => ({ status: a.status, json: a.json });

  it('answers a filtered page and a query crossing both subgraphs as the HTTP gateway does', async () => {
    const integrator = await token(['INTEGRATOR']);
    const [localPage, remotePage] = await both(
      'query Page($name: String) { organizations(first: 5, filter: { nameContains: $name }) { totalCount edges { cursor node { id name kind regionCode } } } }',
      { name: '商会' },
      integrator,
    );
    expect(localPage.json?.errors).toBeUndefined();
    expect(
      (localPage.json?.data as { organizations: { totalCount: number } }).organizations.totalCount,
    ).toBeGreaterThan(0);
    expect(shown(localPage)).toEqual(shown(remotePage));
    const [local, remote] = await both(
      `{ organization(id: "${orgId('wenzhou')}") { name homeRegionCode trainingEnrollments { status } } }`,
      {},
      integrator,
    );
    expect(local.json?.errors).toBeUndefined();
    expect(shown(local)).toEqual(shown(remote));
  });

  it("refuses the client's mistakes and what its token may not do with the same code, message and status", async () => {
    const integrator = await token(['INTEGRATOR']);
    const [badCursor, remoteCursor] = await both(
      '{ organizations(after: "not-a-cursor") { totalCount } }',
      {},
      integrator,
    );
    expect(badCursor.json?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(shown(badCursor)).toEqual(shown(remoteCursor));
    const [forbidden, remoteForbidden] = await both(
      'mutation { createPerson(input: { name: "不可" }) { id } }',
      {},
      integrator,
    );
    expect(forbidden.json?.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(shown(forbidden)).toEqual(shown(remoteForbidden));
  });
});
