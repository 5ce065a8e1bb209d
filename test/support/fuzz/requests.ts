import { getNullableType, isEnumType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { Literal } from './hostile.js';
import type { Headers, RootField } from './schema-walk.js';
import { signedAsTheHub } from '../hub.js';

// One fuzz request: the document (each argument inline or as a variable of its declared type),
// how it is sent (the gateway with a bearer token; a subgraph with the identity the gateway
// forwards), and what in the answer is a defect.

/** The headers of a request through the gateway: the caller's bearer token. */
export function gatewayHeaders(token: string): Headers {
  return () => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
}

/**
 * The headers of a request straight to a subgraph, as the gateway sends them for a caller: the
 * one place that knows what the gateway forwards: the caller's token, unchanged, and the hub's
 * signature over the request (services/common/subgraph-signature.ts).
 */
export function subgraphHeaders(token: string, url: string): Headers {
  const authorization = `Bearer ${token}`;
  return (body) => ({
    'content-type': 'application/json',
    authorization,
    ...signedAsTheHub(url, { method: 'POST', authorization, body }),
  });
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The value as a GraphQL literal for a position of `type`, or undefined when it has none (a lone surrogate in a key ...). */
export function literal(value: unknown, type: GraphQLInputType | undefined): string | undefined {
  if (value instanceof Literal) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const nullable = type && getNullableType(type);
    if (nullable && isEnumType(nullable) && NAME.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, undefined));
    return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => (NAME.test(k) ? `${k}: ${literal(v, undefined)}` : undefined));
    return fields.every((f) => f !== undefined && !f.endsWith('undefined')) ? `{ ${fields.join(', ')} }` : undefined;
  }
  return undefined;
}

function hasLiteral(value: unknown): boolean {
  if (value instanceof Literal) return true;
  if (Array.isArray(value)) return value.some(hasLiteral);
  return !!value && typeof value === 'object' && Object.values(value).some(hasLiteral);
}

/** A document for `field` with `args`; `inline` says which arguments are written into it. */
export function document(field: RootField, args: Record<string, unknown>, inline: boolean) {
  const declared = new Map<string, GraphQLArgument>(field.args.map((a) => [a.name, a]));
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const written: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    const type = declared.get(name)!.type;
    const text = inline || hasLiteral(value) ? literal(value, type) : undefined;
    if (text !== undefined) written.push(`${name}: ${text}`);
    else {
      definitions.push(`$${name}: ${String(type)}`);
      variables[name] = value;
      written.push(`${name}: $${name}`);
    }
  }
  const head = definitions.length ? `${field.operation} Fuzz(${definitions.join(', ')})` : `${field.operation} Fuzz`;
  const call = written.length ? `${field.name}(${written.join(', ')})` : field.name;
  return { query: `${head} { ${call} ${field.selection} }`, variables };
}

export interface Answer {
  status: number;
  text: string;
  json?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function send(url: string, headers: Headers, body: unknown): Promise<Answer> {
  const sent = JSON.stringify(body);
  const response = await fetch(url, { method: 'POST', headers: headers(sent), body: sent });
  const text = await response.text();
  try {
    return { status: response.status, text, json: JSON.parse(text) };
  } catch {
    return { status: response.status, text };
  }
}

/** The error codes of an answer ('none' for an answer without errors). */
export const codesOf = (answer: Answer): string[] =>
  answer.json?.errors?.length ? answer.json.errors.map((e) => e.extensions?.code ?? 'NO_CODE') : ['none'];

/** Refused: errors, and no value for the root field. */
export const refused = (answer: Answer, field: string): boolean =>
  !!answer.json?.errors?.length && (answer.json.data == null || answer.json.data[field] == null);

const STACK = /\n\s+at |\bat [\w.<>]+ \([^)]*:\d+:\d+\)|\.[cm]?[jt]s:\d+:\d+|node_modules|node:internal/;

/** What is wrong with an answer (nothing, for a good answer or a clean refusal). */
export function defects(answer: Answer): string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`HTTP ${answer.status}`);
  if (!answer.json) found.push('not JSON');
  for (const code of codesOf(answer)) if (code === 'INTERNAL_SERVER_ERROR' || code === 'NO_CODE') found.push(code);
  if (STACK.test(answer.text)) found.push('a stack trace');
  if (answer.text.includes(process.cwd())) found.push('a file path');
  return found;
}
