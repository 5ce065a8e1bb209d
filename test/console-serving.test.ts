import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { DEV_JWT_SECRET, readConfig } from '../services/common/config.js';
import { signToken } from '../services/common/identity.js';
import { startGateway } from '../services/gateway/main.js';
import { DEV_IDENTITIES } from '../infra/dev/identities.js';
import { gql } from './support/hub.js';
import { expectRefusal, raw } from './support/raw.js';

// The gateway serves the built console at /console/ from the GraphQL server's own port, with a
// policy that lets nothing load from elsewhere, and the console's session endpoints. The test
// hub runs with a real secret, so its dev sign-in is off; a second gateway with the dev secret
// (and the dev identities) shows it on.

const gateway = () => inject('gatewayUrl').replace(/\/$/, '');

/** A GET with the path sent exactly as written (fetch would resolve `..` before sending). */
function rawGet(
  base: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console at /console/', () => {
  let script = '';
  beforeAll(async () => {
    // The hub serves a copy of console/dist made by the set-up: its index names the bundle.
    script = /src="\/console\/assets\/([^"]+\.js)"/.exec(await (await fetch(`${gateway()}/console/`)).text())![1]!;
  });

  it('serves index.html at /console and /console/ with a policy that keeps everything on the hub', async () => {
    for (const path of ['/console', '/console/']) {
      const response = await fetch(`${gateway()}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toMatch(/<div id="root">|<script type="module"[^>]+src="\/console\/assets\//);
      const csp = response.headers.get('content-security-policy')!;
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "frame-ancestors 'none'",
        "base-uri 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      // The test hub trusts the test OIDC issuer: the console may fetch its token endpoint, nothing else.
      expect(csp).toContain(`connect-src 'self' ${new URL(inject('oidcIssuer')).origin}`);
      expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it("answers the router's deep links with index.html", async () => {
    const response = await fetch(`${gateway()}/console/tasks/2f6e0c1e-4a51-4a5e-9d37-3e7d8c1a0b11`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('/console/assets/');
  });

  it('serves hashed assets with their type, compressed, cached for a year as immutable', async () => {
    const response = await fetch(`${gateway()}/console/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip'); // fetch asked for it and undid it
    expect((await response.text()).length).toBeGreaterThan(1000);
    const head = await fetch(`${gateway()}/console/assets/${script}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers a missing file (a name with an extension) 404 as a JSON error, not the page', async () => {
    expectRefusal(await raw(`${gateway()}/console/assets/missing-0000.js`, { method: 'GET' }), 'NOT_FOUND', 404);
  });

  it('refuses paths that try to leave the console folder, whatever their spelling', async () => {
    for (const path of [
      '/console/../package.json',
      '/console/%2e%2e/package.json',
      '/console/assets/..%2f..%2f..%2fpackage.json',
      '/console/%2e%2e%2f%2e%2e%2fpackage.json',
      '/console/index.html%00.js',
      '/console/.env',
      '/console/%E0%A4%A',
    ]) {
      const answer = await rawGet(gateway(), path);
      expect([400, 404], `${path}: ${answer.status}`).toContain(answer.status);
      expect(answer.body, path).not.toContain('chamber-federation-hub'); // package.json's name
      expect(answer.headers['content-type'], path).toMatch(/^application\/json/);
    }
  });

  it('answers only GET and HEAD (405 otherwise)', async () => {
    const answer = await raw(`${gateway()}/console/`, { method: 'POST', body: '{}' });
    expectRefusal(answer, 'BAD_REQUEST', 405);
    expect((await rawGet(gateway(), '/console/', 'DELETE')).status).toBe(405);
  });

  it('sends a browser visiting / to the console; GraphQL stays at / and /graphql (GET ?query= too)', async () => {
    const visit = await fetch(`${gateway()}/`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
      redirect: 'manual',
    });
    expect(visit.status).toBe(302);
    expect(visit.headers.get('location')).toBe('/console/');
    const token = await signToken(
      { subject: 'console-test', roles: ['INTEGRATOR'], organizationIds: [] },
      inject('jwtSecret'),
    );
    for (const url of [`${gateway()}/`, `${gateway()}/graphql`]) {
      expect((await gql('{ __typename }', {}, token, url)).data).toEqual({ __typename: 'Query' });
    }
    const get = await fetch(`${gateway()}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: {
        accept: 'text/html,application/json',
        authorization: `Bearer ${token}`,
        'apollo-require-preflight': 'true',
      },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('has no Apollo landing page (it would load from a CDN) at the gateway or the subgraphs', async () => {
    for (const url of [inject('registryUrl'), inject('processesUrl')]) {
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/<html|cdn|apollographql/i);
    }
  });
});

describe('a gateway whose console directory is empty', () => {
  let empty: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    empty = await startGateway(
      readConfig({
        GATEWAY_PORT: '0',
        JWT_SECRET: inject('jwtSecret'),
        REGISTRY_URL: inject('registryUrl'),
        PROCESSES_URL: inject('processesUrl'),
        SUBGRAPH_SECRET: inject('subgraphSecret'),
        DATABASE_URL: inject('databaseUrl'),
        CONSOLE_DIR: mkdtempSync(join(tmpdir(), 'no-console-')),
      }),
    );
  });
  afterAll(() => empty?.stop());

  it('says 503 how to build it', async () => {
    const response = await fetch(`${empty.url}console/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run console:build');
  });
});

describe('console sign-in settings', () => {
  it("the test hub offers OIDC with the issuer's endpoints, and no dev sign-in (its secret is not the dev one)", async () => {
    const response = await fetch(`${gateway()}/console/session/config`);
    expect(response.status).toBe(200);
    const config: any = await response.json();
    const issuer = inject('oidcIssuer');
    expect(config).toEqual({
      devSignIn: false,
      identities: [],
      oidc: {
        issuer,
        clientId: inject('oidcClientId'),
        scope: 'openid profile',
        rolesClaim: 'roles',
        orgsClaim: 'orgs',
        authorizationEndpoint: `${issuer}/protocol/openid-connect/auth`,
        tokenEndpoint: `${issuer}/protocol/openid-connect/token`,
        endSessionEndpoint: `${issuer}/protocol/openid-connect/logout`,
      },
    });
  });

  it('refuses dev tokens with FORBIDDEN on the test hub', async () => {
    const answer = await raw(`${gateway()}/console/session/dev-token`, { body: JSON.stringify({ identity: 'admin' }) });
    expectRefusal(answer, 'FORBIDDEN', 403);
    expect(answer.json!.errors![0].message).toMatch(/dev secret/);
  });
});

describe('dev sign-in on a gateway with the dev secret', () => {
  let dev: Awaited<ReturnType<typeof startGateway>>;
  const devToken = (body: string) => raw(`${dev.url}console/session/dev-token`, { body });
  beforeAll(async () => {
    // The global hub's subgraphs check tokens with the test secret: what this gateway accepts
    // is shown at the gateway itself ({ __typename } is answered without a subgraph).
    dev = await startGateway(
      readConfig({
        GATEWAY_PORT: '0',
        REGISTRY_URL: inject('registryUrl'),
        PROCESSES_URL: inject('processesUrl'),
        SUBGRAPH_SECRET: inject('subgraphSecret'),
        DATABASE_URL: inject('databaseUrl'),
      }),
      { devIdentities: DEV_IDENTITIES },
    );
  });
  afterAll(() => dev?.stop());

  it('lists the seeded identities without their subjects or organisations', async () => {
    const config: any = await (await fetch(`${dev.url}console/session/config`)).json();
    expect(config.devSignIn).toBe(true);
    expect(config.oidc).toBeUndefined();
    expect(config.identities.map((i: { id: string }) => i.id)).toEqual(DEV_IDENTITIES.map((i) => i.id));
    expect(config.identities[1]).toEqual({
      id: 'approver-wenzhou',
      name: DEV_IDENTITIES[1].name,
      description: DEV_IDENTITIES[1].description,
      roles: ['APPROVER'],
    });
  });

  it("signs a 12-hour token whose claims are the identity's, and the gateway accepts it", async () => {
    const answer = await devToken(JSON.stringify({ identity: 'approver-wenzhou' }));
    expect(answer.status).toBe(200);
    const token = (answer.json as unknown as { token: string }).token;
    const claims = decodeJwt(token);
    const approver = DEV_IDENTITIES.find((i) => i.id === 'approver-wenzhou')!;
    expect(claims).toMatchObject({
      sub: 'dev-approver',
      roles: ['APPROVER'],
      orgs: approver.organizationIds,
      iss: 'chamber-federation-hub',
      name: approver.name.zh,
    });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
    expect(await gql('{ __typename }', {}, token, dev.url)).toMatchObject({
      status: 200,
      data: { __typename: 'Query' },
    });
    // The same query with a token of another secret is refused there: the acceptance above is real.
    const foreign = await signToken(
      { subject: 'dev-approver', roles: ['APPROVER'], organizationIds: [] },
      'some-other-secret-of-16+',
    );
    expect((await gql('{ __typename }', {}, foreign, dev.url)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(DEV_JWT_SECRET).toBe(readConfig({}).jwtSecret);
  });

  it('refuses an unknown identity naming the known ones, and malformed bodies', async () => {
    const unknown = await devToken(JSON.stringify({ identity: 'root' }));
    expectRefusal(unknown, 'BAD_USER_INPUT', 400);
    expect(unknown.json!.errors![0].message).toContain('admin, approver-wenzhou');
    expectRefusal(await devToken('{"identity":'), 'BAD_REQUEST', 400);
    expectRefusal(await devToken('[]'), 'BAD_USER_INPUT', 400);
    expectRefusal(
      await raw(`${dev.url}console/session/dev-token`, {
        body: 'identity=admin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      'BAD_REQUEST',
      415,
    );
    expectRefusal(await raw(`${dev.url}console/session/dev-token`, { method: 'GET' }), 'BAD_REQUEST', 405);
  });

  it('answers only a loopback Host: a rebound name gets 403 and no identities', async () => {
    // fetch sets Host from the URL; a DNS-rebinding page's request carries its own name.
    const asHost = (host: string, path: string, body?: string) =>
      new Promise<{ status: number; json: any }>((resolve, reject) => {
        const url = new URL(path, dev.url);
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: body ? 'POST' : 'GET',
            headers: { host, 'content-type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const body = JSON.stringify({ identity: 'admin' });
    for (const host of ['evil.example', 'evil.example:4000', '127.0.0.1.nip.io', '192.168.1.20:4000']) {
      const refused = await asHost(host, 'console/session/dev-token', body);
      expect(refused.status, host).toBe(403);
      expect(refused.json.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(refused.json.errors[0].message).toMatch(/loopback/);
      expect((await asHost(host, 'console/session/config')).json).toEqual({ devSignIn: false, identities: [] });
    }
    for (const host of ['127.0.0.1', `localhost:${new URL(dev.url).port}`, '[::1]:4000']) {
      const answered = await asHost(host, 'console/session/dev-token', body);
      expect(answered.status, host).toBe(200);
      expect(typeof answered.json.token).toBe('string');
    }
  });
});
