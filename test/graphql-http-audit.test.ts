import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { serverAudits } from 'graphql-http';
import { token } from './support/hub.js';

// The GraphQL-over-HTTP spec's own audit (graphql-http) against the gateway, with a token on
// every request: no MUST may fail. SHOULD/MAY findings are printed, not failed (Apollo
// Server's own choices, e.g. 200 rather than 4xx for some application/json errors).

describe('GraphQL over HTTP audit of the gateway', () => {
  it('passes every MUST', async () => {
    const authorization = `Bearer ${await token(['INTEGRATOR'], [], 'auditor')}`;
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), authorization } });
    const results = [];
    for (const audit of serverAudits({ url: inject('gatewayUrl'), fetchFn })) results.push(await audit.fn());
    const failures = results.filter((r) => r.status !== 'ok');
    for (const f of failures) if ('reason' in f) console.log(`[audit] ${f.status}: ${f.name} (${f.reason})`);
    expect(results.length).toBeGreaterThan(40);
    expect(
      failures.filter((r) => r.name.startsWith('MUST')).map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`),
    ).toEqual([]);
  });
});
