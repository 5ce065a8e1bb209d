import { describe, expect, it } from 'vitest';
import {
  checkSubgraphSignature,
  SIGNATURE_HEADER,
  SIGNATURE_MAX_AGE_MS,
  signatureRefusal,
  subgraphSignatureHeaders,
} from './subgraph-signature.js';
import { readConfig, DEV_SUBGRAPH_SECRET } from './config.js';

const secret = 'a-secret-of-the-hub-that-is-long-enough';
const request = { method: 'POST', path: '/graphql', authorization: 'Bearer abc', body: '{"query":"{ __typename }"}' };
const signed = (secrets: string[], at: number, r = request) =>
  subgraphSignatureHeaders(secrets, r, at)[SIGNATURE_HEADER];

describe('the subgraph signature', () => {
  it('accepts what the hub signed, within the age limit, under any configured secret (rotation)', () => {
    const now = 1_800_000_000_000;
    expect(checkSubgraphSignature([secret], signed([secret], now), request, now)).toBeUndefined();
    expect(
      checkSubgraphSignature([secret], signed([secret], now - SIGNATURE_MAX_AGE_MS + 1), request, now),
    ).toBeUndefined();
    const next = 'the-next-secret-of-the-hub-also-long-enough';
    expect(checkSubgraphSignature([next, secret], signed([secret], now), request, now)).toBeUndefined();
  });

  it('refuses a missing, malformed, stale or forged signature, and another body, token or method', () => {
    const now = 1_800_000_000_000;
    const header = signed([secret], now);
    expect(checkSubgraphSignature([secret], undefined, request, now)).toBe('missing');
    expect(checkSubgraphSignature([secret], 'v1=abc', request, now)).toBe('malformed');
    expect(checkSubgraphSignature([secret], header, request, now + SIGNATURE_MAX_AGE_MS + 1)).toBe('stale');
    expect(checkSubgraphSignature([secret], header, request, now - SIGNATURE_MAX_AGE_MS - 1)).toBe('stale');
    expect(checkSubgraphSignature(['some-other-secret-that-is-long-enough!'], header, request, now)).toBe('forged');
    for (const changed of [
      { ...request, body: '{"query":"{ statistics { organizations } }"}' },
      { ...request, authorization: 'Bearer someone-else' },
      { ...request, method: 'GET' },
      { ...request, path: '/graphql?query=x' },
    ])
      expect(checkSubgraphSignature([secret], header, changed, now)).toBe('forged');
  });

  it('answers 401 for none and 403 otherwise, saying where to send requests', () => {
    expect(signatureRefusal('missing')).toMatchObject({ status: 401, message: expect.stringMatching(/gateway/) });
    for (const problem of ['malformed', 'stale', 'forged'] as const) expect(signatureRefusal(problem).status).toBe(403);
  });

  it('SUBGRAPH_SECRET: long secrets, comma-separated, and never the dev one in production', () => {
    expect(readConfig({}).subgraphSecrets).toEqual([DEV_SUBGRAPH_SECRET]);
    expect(readConfig({ SUBGRAPH_SECRET: `${secret}, ${secret}2` }).subgraphSecrets).toEqual([secret, `${secret}2`]);
    expect(() => readConfig({ SUBGRAPH_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/dev-only SUBGRAPH_SECRET/);
    expect(readConfig({ NODE_ENV: 'production', SUBGRAPH_SECRET: secret }).subgraphSecrets).toEqual([secret]);
  });
});
