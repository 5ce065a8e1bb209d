import { expect } from 'vitest';
import { signedAsTheHub } from './hub.js';

// Raw HTTP for the hardening tests: bodies no GraphQL client would send, and the checks every
// refusal must pass (a JSON GraphQL error with a code; no stack trace, no file path).

export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  json?: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function raw(
  url: string,
  init: {
    body?: string | Uint8Array;
    headers?: Record<string, string>;
    method?: string;
    token?: string;
    /** Sign as a part of the hub (test/support/hub.ts), so a subgraph reads the body (default true). */
    signed?: boolean;
  } = {},
): Promise<RawAnswer> {
  const method = init.method ?? 'POST';
  const authorization = init.token ? `Bearer ${init.token}` : init.headers?.authorization;
  const sent = init.body === undefined ? '' : Buffer.from(init.body).toString('utf8');
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.signed === false ? {} : signedAsTheHub(url, { method, authorization, body: sent })),
      ...init.headers,
    },
    body: init.body as RequestInit['body'],
  });
  const text = await response.text();
  let json: RawAnswer['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

/** POSTs a GraphQL request as JSON. */
export const post = (url: string, query: string, variables: Record<string, unknown> = {}, token?: string) =>
  raw(url, { body: JSON.stringify({ query, variables }), token });

/** A clean refusal: JSON, the code (and status when given), nothing of the server's insides. */
export function expectRefusal(answer: RawAnswer, code: string, status?: number) {
  expect(answer.contentType, answer.text.slice(0, 300)).toMatch(/^application\/(graphql-response\+)?json/);
  expect(answer.json, answer.text.slice(0, 300)).toBeDefined();
  expect(answer.json!.errors?.[0]?.extensions?.code, answer.text.slice(0, 300)).toBe(code);
  if (status !== undefined) expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.text).not.toMatch(/stack|at .*\(.*:\d+:\d+\)/i);
  expect(answer.text).not.toContain(process.cwd());
  expect(answer.text).not.toMatch(/<html|<!DOCTYPE/i);
}
