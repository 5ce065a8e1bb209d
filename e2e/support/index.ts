/**
 * What the console's browser tests use. The global set-up (e2e/global-setup.ts) has built the
 * console and started one hub for the run (fresh database `hub_e2e` with the seed, Temporal,
 * the dev identities, the test OIDC issuer); the specs share it and run one after another.
 *
 *   import { test, expect, signInAs, devToken, gql, expectNoSeriousA11yViolations, saveScreenshot } from './support/index.js';
 *
 * - `test`, `expect`: Playwright's, with an automatic guard: a test fails when the page asks any
 *   origin other than the hub's (or the OIDC issuer's) for anything, or the hub's CSP refuses
 *   something (a refusal is reported on the browser's console). Such requests are aborted,
 *   so the console is tested as it runs offline. `baseURL` is the gateway's origin: use
 *   `page.goto('/console/tasks')`.
 * - `signInAs(page, identityId)`: through the sign-in page: clicks that dev identity's button
 *   (ids as in GET /console/session/config, from infra/dev/identities.ts) and waits until the
 *   console has left /signin.
 * - `devToken(identityId)`: the bearer token of a dev identity, for `gql`.
 * - `gql(query, variables?, token?)`: a GraphQL request to the gateway (prepare or check data);
 *   resolves to `{ status, data, errors }` and never throws on GraphQL errors.
 * - `expectNoSeriousA11yViolations(page, label, { exclude? })`: axe-core (WCAG 2.1 A/AA); fails
 *   on any serious or critical violation and lists rule, targets and help.
 * - `saveScreenshot(page, name)`: a full-page PNG at test-results/console-screenshots/<name>.png.
 * - `hub`: { gatewayUrl, graphqlUrl, oidc?: { issuer, clientId, users } } of the run.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { E2eHub } from '../../infra/dev/browser-hub.js';

export { expect };

function readHub(): Pick<E2eHub, 'gatewayUrl' | 'oidc'> & { graphqlUrl: string } {
  const gatewayUrl = process.env.E2E_GATEWAY_URL;
  if (!gatewayUrl)
    throw new Error(
      'E2E_GATEWAY_URL is not set: run the specs with -c e2e/playwright.config.ts (its global set-up starts the hub)',
    );
  const oidc = process.env.E2E_OIDC ? (JSON.parse(process.env.E2E_OIDC) as E2eHub['oidc']) : undefined;
  return { gatewayUrl, graphqlUrl: `${gatewayUrl}/graphql`, oidc };
}

let cachedHub: ReturnType<typeof readHub> | undefined;
/** Read when first used: the runner loads the specs (to list them) before its global set-up runs. */
export const hub = {
  get gatewayUrl() {
    return (cachedHub ??= readHub()).gatewayUrl;
  },
  get graphqlUrl() {
    return (cachedHub ??= readHub()).graphqlUrl;
  },
  get oidc() {
    return (cachedHub ??= readHub()).oidc;
  },
};

/** Where requests may go: the hub, the OIDC issuer, and what never leaves the browser. */
function allowed(url: string): boolean {
  if (/^(data|blob|about|chrome|chrome-extension|devtools):/.test(url)) return true;
  const origin = new URL(url).origin;
  return origin === new URL(hub.gatewayUrl).origin || (!!hub.oidc && origin === new URL(hub.oidc.issuer).origin);
}

export const test = base.extend<{ noForeignOrigins: void }>({
  baseURL: async ({}, use) => use(hub.gatewayUrl),
  noForeignOrigins: [
    async ({ context }, use, testInfo) => {
      const foreign = new Set<string>();
      context.on('request', (request) => {
        if (!allowed(request.url())) foreign.add(request.url());
      });
      // Abort them too: offline, nothing would answer, and the page must cope without.
      await context.route(
        (url) => !allowed(url.href),
        (route) => {
          foreign.add(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      // The hub's Content-Security-Policy refuses most such requests inside the browser, before
      // any request exists: Chromium reports each refusal on the console, so count those too.
      context.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy'))
          foreign.add(`refused by the CSP: ${message.text()}`);
      });
      await use();
      expect([...foreign], `${testInfo.title}: requests to origins other than the hub's`).toEqual([]);
    },
    { auto: true },
  ],
});

export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(hub.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const tokens = new Map<string, string>();
export async function devToken(identityId: string): Promise<string> {
  const cached = tokens.get(identityId);
  if (cached) return cached;
  const response = await fetch(`${hub.gatewayUrl}/console/session/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: identityId }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token)
    throw new Error(`no dev token for ${identityId}: ${response.status} ${JSON.stringify(body)}`);
  tokens.set(identityId, body.token);
  return body.token;
}

interface DevIdentity {
  id: string;
  name: { zh: string; en: string };
}
let identities: DevIdentity[] | undefined;
async function devIdentity(id: string): Promise<DevIdentity> {
  identities ??= (
    (await (await fetch(`${hub.gatewayUrl}/console/session/config`)).json()) as { identities: DevIdentity[] }
  ).identities;
  const identity = identities.find((candidate) => candidate.id === id);
  if (!identity)
    throw new Error(`no dev identity ${id}; the hub offers ${identities.map((candidate) => candidate.id).join(', ')}`);
  return identity;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs in on the sign-in page as a dev identity (either language) and waits for the console. */
export async function signInAs(page: Page, identityId: string): Promise<void> {
  const { name } = await devIdentity(identityId);
  if (!page.url().includes('/console/signin')) await page.goto('/console/signin');
  const button = page.getByRole('button', { name: new RegExp(`: (${escape(name.zh)}|${escape(name.en)})$`) });
  await button.click();
  await expect(page).not.toHaveURL(/\/console\/signin/);
}

export async function expectNoSeriousA11yViolations(
  page: Page,
  label: string,
  options: { exclude?: string[] } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map(
    (v) =>
      `- ${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n    ${v.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 10)
        .join('\n    ')}`,
  );
  expect(serious.length, `axe on ${label}: serious or critical violations\n${report.join('\n')}`).toBe(0);
}

export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/console-screenshots/', import.meta.url));

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
