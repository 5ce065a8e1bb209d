import { describe, expect, it } from 'vitest';
import { SubgraphSource } from './data-source.js';

// A subgraph's refusal of the client's request keeps its code and message through the gateway;
// anything else stays Apollo Gateway's anonymous error (masked as INTERNAL by formatError).

const source = new SubgraphSource('http://127.0.0.1:1/graphql', () => {
  throw new Error('not called');
});
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }) as never;

describe('SubgraphSource.errorFromResponse', () => {
  it("keeps a 400's client code, message and field, without the subgraph's locations", async () => {
    const error = await source.errorFromResponse(
      answer(400, {
        errors: [
          {
            message: 'DateTime cannot represent an invalid date-time-string x.',
            locations: [{ line: 1, column: 9 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', field: 'dueAt' },
          },
        ],
      }),
    );
    expect(error.message).toBe('DateTime cannot represent an invalid date-time-string x.');
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'dueAt' });
    expect(error.locations).toBeUndefined();
  });

  it('leaves a 5xx, an unknown code and a body that is not JSON as they were', async () => {
    for (const response of [
      answer(500, { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] }),
      answer(400, { errors: [{ message: 'x', extensions: { code: 'SOMETHING_ELSE' } }] }),
      new Response('<html>', { status: 400, headers: { 'content-type': 'text/html' } }) as never,
    ]) {
      const error = await source.errorFromResponse(response);
      expect(error.extensions.code).toBeUndefined();
      expect(error.message).toMatch(/^\d{3}: /);
    }
  });
});
