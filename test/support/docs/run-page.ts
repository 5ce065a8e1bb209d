import { isDeepStrictEqual } from 'node:util';
import { signToken, type Role } from '../../../services/common/identity.js';
import { seedOrganizationId } from '../../../infra/seed/run.js';
import { isRole, merged, type ExampleSpec } from './spec.js';
import { resolve, type Saved } from './references.js';
import { runShell } from './shell.js';
import type { Page } from './pages.js';

// One page's blocks, in the page's order, against a hub: each example sent through the
// gateway as the reader would send it, each `shell: run` block run in bash. Throws at the first
// example that fails, naming its line.

/** How long `retry` polls before the example fails: a workflow's next step under load. */
const RETRY_MS = 120_000;
const RETRY_EVERY_MS = 500;

export interface PageHub {
  gatewayUrl: string;
  jwtSecret: string;
}

export interface PageCount {
  examples: number;
  shells: number;
}

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function runPage(page: Page, hub: PageHub, { retryMs = RETRY_MS } = {}): Promise<PageCount> {
  const saved: Saved = new Map();
  const tokens = new Map<string, string>();
  const count: PageCount = { examples: 0, shells: 0 };
  for (const block of page.blocks) {
    const where = `${page.path}:${block.line}`;
    if (block.kind === 'shell' && block.shell.how === 'run') {
      const { variables } = await runShell(block.text, { GW: hub.gatewayUrl, JWT_SECRET: hub.jwtSecret }, where);
      for (const [name, value] of variables) if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(value)) tokens.set(name, value);
      count.shells++;
    }
    if (block.kind !== 'example') continue;
    const { each, ...base } = block.spec;
    for (const spec of each ? each.map((entry) => merged(base, entry)) : [base]) {
      const token = await tokenFor(spec, tokens, hub.jwtSecret, saved, where);
      await runExample(block.query, spec, { url: hub.gatewayUrl, token, saved, where, retryMs });
    }
    count.examples++;
  }
  return count;
}

async function runExample(
  query: string,
  spec: ExampleSpec,
  { url, token, saved, where, retryMs }: { url: string; token: string; saved: Saved; where: string; retryMs: number },
): Promise<void> {
  const variables = resolve(spec.vars ?? {}, saved, where) as Record<string, unknown>;
  const shows = resolve(spec.shows ?? {}, saved, where) as Record<string, unknown>;
  const polls = Boolean(spec.retry);
  const deadline = Date.now() + retryMs;
  for (;;) {
    const answer = await send(url, query, variables, token);
    const problem = judge(answer, spec, shows);
    if (!problem) {
      for (const [name, path] of Object.entries(spec.save ?? {})) saved.set(name, at(answer.data, path));
      return;
    }
    if (!polls || Date.now() > deadline)
      throw new Error(
        `${where}: ${problem}${polls ? ` (still so after ${retryMs / 1000} s of retries)` : ''}\n` +
          `answer: ${JSON.stringify(answer).slice(0, 1500)}\nvariables: ${JSON.stringify(variables)}`,
      );
    await new Promise((done) => setTimeout(done, RETRY_EVERY_MS));
  }
}

/** What is wrong with an answer, or undefined when it is what the example shows. */
function judge(answer: Answer, spec: ExampleSpec, shows: Record<string, unknown>): string | undefined {
  const code = answer.errors?.[0]?.extensions?.code;
  if (spec.expect)
    return code === spec.expect
      ? undefined
      : `expected the refusal ${spec.expect}, got ${answer.errors ? `${code}: ${answer.errors[0].message}` : 'an answer without error'}`;
  if (answer.errors?.length)
    return `answered with an error (${code ?? 'no code'}): ${answer.errors.map((e) => e.message).join('; ')}`;
  if (!answer.data) return `answered HTTP ${answer.status} without data`;
  for (const [name, path] of Object.entries(spec.save ?? {}))
    if (at(answer.data, path) == null) return `$${name}: the answer has nothing at ${path}`;
  for (const [path, value] of Object.entries(shows))
    if (!isDeepStrictEqual(at(answer.data, path), value))
      return `${path} is ${JSON.stringify(at(answer.data, path))}, not ${JSON.stringify(value)}`;
  return undefined;
}

async function send(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: response.status, errors: [{ message: `not JSON: ${text.slice(0, 300)}` }] };
  }
}

/** The value at a dotted path (list indexes as numbers), undefined when any step is missing. */
export function at(data: unknown, path: string): unknown {
  let value = data;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

async function tokenFor(
  spec: ExampleSpec,
  tokens: Map<string, string>,
  secret: string,
  saved: Saved,
  where: string,
): Promise<string> {
  const as = spec.as ?? 'INTEGRATOR';
  const own = spec.org === undefined && spec.subject === undefined ? tokens.get(as) : undefined;
  if (own) return own;
  if (!isRole(as))
    throw new Error(`${where}: "as": "${as}" is neither a token a shell: run block of the page assigned nor a role`);
  const orgs = (spec.org === undefined ? [] : Array.isArray(spec.org) ? spec.org : [spec.org]).map((org) =>
    /^[@$]/.test(org)
      ? String(resolve(org, saved, where))
      : /^[0-9a-f-]{36}$/.test(org)
        ? org
        : seedOrganizationId(org),
  );
  const subject = spec.subject === undefined ? `dev-${as.toLowerCase()}` : String(resolve(spec.subject, saved, where));
  return signToken({ subject, roles: [as as Role], organizationIds: orgs }, secret);
}
