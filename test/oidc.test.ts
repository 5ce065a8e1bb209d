import { describe, expect, it, inject } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { readConfig } from '../services/common/config.js';
import { tokenVerifier } from '../services/common/identity.js';
import { codeOf, gql, orgId } from './support/hub.js';
import { mintAt, type MintOptions } from './support/oidc-issuer.js';
import { freePort } from '../infra/dev/ports.js';

// The hub accepts tokens of an OIDC issuer (the global set-up's test issuer: discovery, JWKS,
// code + PKCE) at the gateway and again at each subgraph: verified with the issuer's published
// keys, for the hub's audience, with roles and organisations from the token's claims. Whatever
// else claims that issuer's name (another key, no signature, the hub's own HS256) is refused.

const wenzhou = orgId('wenzhou');
const ORGANIZATION = 'query ($id: ID!) { organization(id: $id) { name trainingEnrollments { id stage } } }';
const issuer = () => inject('oidcIssuer');
const mint = (claims: Record<string, unknown>, options: MintOptions = {}) => mintAt(issuer(), claims, options);
const approverClaims = { sub: 'oidc-approver', name: '审批人', roles: ['approver'], orgs: [wenzhou] };

/** The first error's code and the HTTP status, for refusals. */
async function refusal(token: string, url = inject('gatewayUrl')) {
  const answer = await gql('{ __typename }', {}, token, url);
  return { status: answer.status, code: codeOf(answer), message: answer.errors?.[0]?.message ?? '' };
}

describe('tokens of the OIDC issuer', () => {
  it('reach both subgraphs through the gateway (roles in any case) and a subgraph directly', async () => {
    const token = await mint(approverClaims);
    const through = await gql(ORGANIZATION, { id: wenzhou }, token);
    expect(through.errors).toBeUndefined();
    expect(through.data.organization.name).toBe('嘉兴市温州商会');
    expect(Array.isArray(through.data.organization.trainingEnrollments)).toBe(true);
    const direct = await gql(
      'query ($id: ID!) { organization(id: $id) { name } }',
      { id: wenzhou },
      token,
      inject('registryUrl'),
    );
    expect(direct.data).toEqual({ organization: { name: '嘉兴市温州商会' } });
    const processes = await gql('{ __typename }', {}, token, inject('processesUrl'));
    expect(processes.data).toEqual({ __typename: 'Query' });
  });

  it("open the Temporal UI's codec endpoint to the issuer's ADMINs only", async () => {
    const decode = async (token: string) =>
      (
        await fetch(`${inject('codecUrl')}/decode`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{"payloads":[]}',
        })
      ).status;
    const admin = { sub: 'oidc-admin', roles: ['ADMIN'], fed: orgId('federation') };
    expect(await decode(await mint(admin))).toBe(200);
    expect(await decode(await mint(approverClaims))).toBe(403);
    expect(await decode(await mint(admin, { audience: 'some-other-api' }))).toBe(401);
    // An admin's token must name the Federation the admin works for (its jurisdiction is computed by the
    // hub); the codec answers 401 for any token it cannot take.
    expect(await decode(await mint({ sub: 'oidc-admin', roles: ['ADMIN'] }))).toBe(401);
  });

  it('are refused 401 for another audience, when expired, when signed with a key the JWKS does not hold', async () => {
    const good = await mint(approverClaims);
    for (const url of [inject('gatewayUrl'), inject('registryUrl'), inject('processesUrl')]) {
      expect((await gql('{ __typename }', {}, good, url)).data, `the same claims, well signed, at ${url}`).toEqual({
        __typename: 'Query',
      });
    }
    for (const [what, token] of [
      ['another audience', await mint(approverClaims, { audience: 'some-other-api' })],
      ['expired', await mint(approverClaims, { expiresIn: '-5m' })],
      ['an unpublished key', await mint(approverClaims, { unknownKey: true })],
    ] as const) {
      for (const url of [inject('gatewayUrl'), inject('registryUrl'), inject('processesUrl')]) {
        expect(await refusal(token, url), `${what} at ${url}`).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      }
    }
  });

  it("are refused when they carry the issuer's name without its signature: alg none, HS256 with the hub's secret", async () => {
    const claims = { ...approverClaims, aud: inject('oidcAudience') };
    const unsigned = new UnsecuredJWT(claims).setIssuer(issuer()).setIssuedAt().setExpirationTime('1h').encode();
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer())
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(inject('jwtSecret')));
    for (const token of [unsigned, hs256])
      expect(await refusal(token)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await gql('{ __typename }', {}, await mint(claims))).data).toEqual({ __typename: 'Query' }); // signed by the issuer: accepted
  });

  it('of an issuer the hub does not trust are refused, naming it', async () => {
    const token = await mint(approverClaims, { issuer: 'https://idp.example.org/realms/elsewhere' });
    const answer = await refusal(token);
    expect(answer).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(answer.message).toContain('"https://idp.example.org/realms/elsewhere" is not trusted');
  });

  it("without any of the hub's roles are FORBIDDEN (403); SYSTEM is not granted by the issuer", async () => {
    for (const roles of [undefined, ['viewer'], ['system']]) {
      expect(await refusal(await mint({ sub: 'oidc-nobody', ...(roles ? { roles } : {}) }))).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await refusal(await mint({ sub: 'oidc-bad-orgs', roles: ['admin'], orgs: ['wenzhou'] }))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('the verifier', () => {
  const settings = (env: Record<string, string> = {}) =>
    readConfig({
      JWT_SECRET: inject('jwtSecret'),
      OIDC_ISSUER: issuer(),
      OIDC_AUDIENCE: inject('oidcAudience'),
      ...env,
    });

  it("reads roles and organisations from dotted claim paths when configured (Keycloak's realm_access.roles)", async () => {
    const verify = tokenVerifier(
      settings({
        OIDC_ROLES_CLAIM: 'realm_access.roles',
        OIDC_ORGS_CLAIM: 'hub.orgs',
        OIDC_FEDERATION_CLAIM: 'hub.federation',
      }),
    );
    const federation = orgId('federation');
    const token = await mint({
      sub: 'kc-user',
      realm_access: { roles: ['offline_access', 'Admin', 'approver'] },
      hub: { orgs: [wenzhou.toUpperCase()], federation },
    });
    expect(await verify(token)).toEqual({
      subject: 'kc-user',
      roles: ['ADMIN', 'APPROVER'],
      organizationIds: [wenzhou],
      federationId: federation,
    });
    // The default claim names find nothing in that token.
    await expect(tokenVerifier(settings())(token)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it("says the issuer's keys could not be fetched when its JWKS does not answer (no 500)", async () => {
    const verify = tokenVerifier(settings({ OIDC_JWKS_URI: `http://127.0.0.1:${await freePort()}/jwks` })); // nothing listens there
    await expect(verify(await mint(approverClaims))).rejects.toMatchObject({
      message: expect.stringContaining('could not be fetched'),
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  });

  it('refuses OIDC settings without an audience', () => {
    expect(() => readConfig({ OIDC_ISSUER: issuer() })).toThrow(/OIDC_AUDIENCE is required/);
    expect(() => readConfig({ OIDC_AUDIENCE: 'x' })).toThrow(/without OIDC_ISSUER/);
    expect(readConfig({ OIDC_ISSUER: issuer(), OIDC_AUDIENCE: 'hub' }).oidc).toMatchObject({
      clientId: 'hub',
      scope: 'openid profile',
      rolesClaim: 'roles',
      orgsClaim: 'orgs',
    });
  });
});

describe('signing in at the issuer with the authorization code and PKCE', () => {
  const redirectUri = 'http://127.0.0.1:4000/console/callback';

  /** What the console does: the authorize page, a user's button, back with a code. */
  async function authorize(challenge: string, user = 'dev-approver') {
    const config: any = await (await fetch(`${inject('gatewayUrl')}console/session/config`)).json();
    const params = {
      response_type: 'code',
      client_id: config.oidc.clientId,
      redirect_uri: redirectUri,
      scope: config.oidc.scope,
      state: 'st-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const page = await fetch(`${config.oidc.authorizationEndpoint}?${new URLSearchParams(params)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<button type="submit" name="user" value="dev-approver">[^<]+<\/button>/);
    const action = new URL(/action="([^"]+)"/.exec(html)![1], config.oidc.authorizationEndpoint);
    const back = await fetch(action, {
      method: 'POST',
      body: new URLSearchParams({ ...params, user }),
      redirect: 'manual',
    });
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('st-1');
    return {
      code: location.searchParams.get('code')!,
      tokenEndpoint: config.oidc.tokenEndpoint as string,
      clientId: config.oidc.clientId as string,
    };
  }

  const exchange = (tokenEndpoint: string, fields: Record<string, string>) =>
    fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });

  it('trades the code for a token only with the right verifier, once; the gateway accepts that token', async () => {
    const verifier = randomBytes(48).toString('base64url');
    const { code, tokenEndpoint, clientId } = await authorize(
      createHash('sha256').update(verifier).digest('base64url'),
    );
    const fields = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId };
    for (const wrong of [
      {},
      { code_verifier: 'not-the-verifier' },
      { code_verifier: verifier, redirect_uri: 'http://127.0.0.1:4000/elsewhere' },
    ] as Record<string, string>[]) {
      const refused = await exchange(tokenEndpoint, { ...fields, ...wrong });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toBe('invalid_grant');
    }
    const traded = await exchange(tokenEndpoint, { ...fields, code_verifier: verifier });
    expect(traded.status).toBe(200);
    expect(traded.headers.get('access-control-allow-origin')).toBe('*');
    const body: any = await traded.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const answer = await gql(ORGANIZATION, { id: wenzhou }, body.access_token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organization.name).toBe('嘉兴市温州商会');
    const again = await exchange(tokenEndpoint, { ...fields, code_verifier: verifier });
    expect((await again.json()).error).toBe('invalid_grant');
  });

  it('refuses an authorization request without S256 PKCE', async () => {
    const config: any = await (await fetch(`${inject('gatewayUrl')}console/session/config`)).json();
    const plain = new URLSearchParams({
      response_type: 'code',
      client_id: config.oidc.clientId,
      redirect_uri: redirectUri,
      code_challenge: 'abc',
      code_challenge_method: 'plain',
    });
    expect((await fetch(`${config.oidc.authorizationEndpoint}?${plain}`)).status).toBe(400);
  });
});
