import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { orgId, signedAsTheHub, token } from './support/hub.js';
import { expectRefusal, raw } from './support/raw.js';
import { SIGNATURE_HEADER } from '../services/common/subgraph-signature.js';

// Issue 23: a 1,000-alias `neighbors` query sent to the registry's port with an ordinary token
// ran 4 s and answered 8.1 MB. The subgraphs now answer only requests a part of the hub signed
// (SUBGRAPH_SECRET), refused before the query is even parsed, and a signed request still meets
// the gateway's limits at the subgraph (a second wall). Every part answers /healthz and /readyz.

const wenzhou = orgId('wenzhou');
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const ISSUE_QUERY = `{ organization(id: "${wenzhou}") ${aliases(1000, 'neighbors(depth: 3) { totalCount }')} }`;
const subgraphs = () => ({ registry: inject('registryUrl'), processes: inject('processesUrl') });

describe('a subgraph reached without the gateway', () => {
  it("refuses the issue's 1,000-alias query unsigned (401) before reading it, and signed by the wrong secret (403)", async () => {
    const integrator = await token(['INTEGRATOR']);
    for (const [name, url] of Object.entries(subgraphs())) {
      const started = performance.now();
      const unsigned = await raw(url, {
        body: JSON.stringify({ query: ISSUE_QUERY }),
        token: integrator,
        signed: false,
      });
      expectRefusal(unsigned, 'UNAUTHENTICATED', 401);
      expect(unsigned.json!.errors![0].extensions!.signature, name).toBe('missing');
      expect(unsigned.json!.errors![0].message).toMatch(/only requests that come through the hub/);
      console.log(
        `[walls] ${name}: unsigned 1,000-alias query refused in ${(performance.now() - started).toFixed(1)} ms`,
      );

      const body = JSON.stringify({ query: '{ __typename }' });
      const authorization = `Bearer ${integrator}`;
      const forged = signedAsTheHub(url, { method: 'POST', authorization, body }, 'x'.repeat(40));
      const wrong = await raw(url, { body, token: integrator, signed: false, headers: forged });
      expectRefusal(wrong, 'FORBIDDEN', 403);
      expect(wrong.json!.errors![0].extensions!.signature).toBe('forged');

      // A signature taken from one request does not carry another body.
      const copied = signedAsTheHub(url, { method: 'POST', authorization, body });
      const replayed = await raw(url, {
        body: JSON.stringify({ query: '{ __typename a: __typename }' }),
        token: integrator,
        signed: false,
        headers: copied,
      });
      expect(replayed.json!.errors![0].extensions!.signature).toBe('forged');
      const stale = await raw(url, {
        body,
        token: integrator,
        signed: false,
        headers: { [SIGNATURE_HEADER]: `t=${Date.now() - 120_000},v1=${'0'.repeat(64)}` },
      });
      expect(stale.json!.errors![0].extensions!.signature).toBe('stale');
      // The same request, signed as the hub signs it, is answered.
      const fine = await raw(url, { body, token: integrator });
      expect(fine.json).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it("still meets the gateway's limits when signed: the issue's query is QUERY_TOO_COMPLEX at the registry", async () => {
    const integrator = await token(['INTEGRATOR']);
    const answer = await raw(inject('registryUrl'), {
      body: JSON.stringify({ query: ISSUE_QUERY }),
      token: integrator,
    });
    expectRefusal(answer, 'QUERY_TOO_COMPLEX', 400);
    // The subgraph's parser stops first (twice the gateway's MAX_QUERY_TOKENS), as the gateway's does.
    expect(answer.json!.errors![0].extensions!.limit).toBe('tokens');
    const fewer = `{ organization(id: "${wenzhou}") ${aliases(100, 'neighbors(depth: 3) { totalCount }')} }`;
    const aliased = await raw(inject('registryUrl'), { body: JSON.stringify({ query: fewer }), token: integrator });
    expectRefusal(aliased, 'QUERY_TOO_COMPLEX', 400);
    expect(aliased.json!.errors![0].extensions!.limit).toBe('aliases');
    // 15 levels: past the gateway's 12 and the one level more a subgraph allows for `_entities`.
    const nested = Array.from({ length: 7 }).reduce<string>((inner) => `relationships { from { ${inner} } }`, 'id');
    const deep = await raw(inject('registryUrl'), {
      body: JSON.stringify({ query: `{ organization(id: "${wenzhou}") { ${nested} } }` }),
      token: integrator,
    });
    expectRefusal(deep, 'QUERY_TOO_COMPLEX', 400);
    expect(deep.json!.errors![0].extensions!.limit).toBe('depth');
  });
});

describe('probes', () => {
  it('every part answers /healthz (alive) and /readyz (its dependencies) without a token', async () => {
    const parts = {
      gateway: new URL(inject('gatewayUrl')).origin,
      ...Object.fromEntries(Object.entries(subgraphs()).map(([name, url]) => [name, new URL(url).origin])),
      codec: new URL(inject('codecUrl')).origin,
    };
    const expected: Record<string, string[]> = {
      gateway: ['supergraph', 'postgres'],
      registry: ['postgres'],
      processes: ['postgres', 'temporal'],
      codec: [],
    };
    for (const [name, origin] of Object.entries(parts)) {
      const alive = await fetch(`${origin}/healthz`);
      expect(alive.status, name).toBe(200);
      expect(await alive.json()).toEqual({ status: 'alive', service: name });
      const ready = await fetch(`${origin}/readyz`);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect(ready.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe('ready');
      expect(Object.keys(body.checks).sort(), name).toEqual(expected[name].sort());
      expect(Object.values(body.checks).every((v) => v === 'ok')).toBe(true);
    }
  });
});
