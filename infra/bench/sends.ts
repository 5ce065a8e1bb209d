import { benchSignature } from './signing.js';
import type pg from 'pg';
import type { BenchQuery } from './bench-query.js';
import type { Send } from './load.js';

// One request of a query, each way, checked against the SQL's answer.

export function graphqlSend(url: string, token: string, query: BenchQuery, expected: number | string): Send {
  const body = JSON.stringify({ query: query.graphql, variables: query.variables });
  const authorization = `Bearer ${token}`;
  return async (signal) => {
    // Signed as a part of the hub signs, so the subgraph way is answered (the gateway ignores it).
    const headers = { 'content-type': 'application/json', authorization, ...benchSignature(url, authorization, body) };
    // Node's fetch (undici) keeps connections alive and opens more as requests overlap.
    const response = await fetch(url, { method: 'POST', headers, body, signal });
    const result = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (result.errors?.length) throw new Error(`GraphQL error: ${result.errors[0].message}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const size = query.graphqlSize(result.data);
    if (size !== expected) throw new Error(`wrong answer: size ${size}, the SQL says ${expected}`);
  };
}

export function sqlSend(db: pg.Pool, query: BenchQuery, expected: number | string): Send {
  // A named statement: each pooled connection parses and plans it once and may keep a generic
  // plan, as a hand-written data access layer would. pg has no abort signal; the pool's
  // statement_timeout and connection timeout bound a request instead.
  const statement = { name: `bench ${query.name}`, text: query.sql, values: query.params };
  return async () => {
    const { rows } = await db.query(statement);
    const size = query.sqlSize(rows);
    if (size !== expected) throw new Error(`wrong answer: size ${size}, expected ${expected}`);
  };
}
