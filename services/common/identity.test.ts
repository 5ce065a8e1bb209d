import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkLifetime, devTokenLifetime, HUB_ISSUER, signToken, tokenVerifier } from './identity.js';

const secret = 'a-test-secret-that-is-long-enough';
const settings = { jwtSecret: secret, oidc: undefined, tokenMaxLifetimeMs: 24 * 3_600_000 };

describe('tokenVerifier remembers proven tokens', () => {
  it('answers a proven token again without verifying it, and never past its expiry', async () => {
    const verify = tokenVerifier(settings);
    const token = await signToken({ subject: 'client', roles: ['INTEGRATOR'], organizationIds: [] }, secret, '2s');
    const first = await verify(token);
    expect(await verify(token)).toBe(first); // the same object: taken from memory
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps no refusal: a token with a bad signature is refused every time', async () => {
    const verify = tokenVerifier(settings);
    const forged = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(HUB_ISSUER)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-that-is-long-enough'));
    await expect(verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('token lifetimes', () => {
  const day = 24 * 3_600_000;
  const hub = (claims: { iat?: number; exp?: number }) => {
    const jwt = new SignJWT({ roles: ['INTEGRATOR'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x');
    jwt.setIssuer(HUB_ISSUER);
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(secret));
  };
  const now = () => Math.floor(Date.now() / 1000);
  const refused = (message: RegExp) =>
    expect.objectContaining({
      message: expect.stringMatching(message),
      extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    });

  it('requires an expiry and an issue time on the hub own tokens', async () => {
    const verify = tokenVerifier(settings);
    await expect(verify(await hub({ iat: now() }))).rejects.toThrow(refused(/exp/));
    await expect(verify(await hub({ exp: now() + 60 }))).rejects.toThrow(refused(/iat/));
  });

  it('refuses a token issued in the future beyond the clocks tolerance, takes one within it', async () => {
    const verify = tokenVerifier(settings);
    await expect(verify(await hub({ iat: now() + 24 * 3600, exp: now() + 25 * 3600 }))).rejects.toThrow(
      refused(/issued in the future/),
    );
    expect((await verify(await hub({ iat: now() + 10, exp: now() + 3600 }))).subject).toBe('x');
  });

  it('refuses a lifetime beyond TOKEN_MAX_LIFETIME_HOURS, takes one exactly at it', async () => {
    const verify = tokenVerifier(settings);
    await expect(verify(await hub({ iat: now(), exp: now() + 24 * 3600 + 1 }))).rejects.toThrow(
      refused(/longer than the hub allows/),
    );
    expect((await verify(await hub({ iat: now(), exp: now() + 24 * 3600 }))).subject).toBe('x');
    const strict = tokenVerifier({ ...settings, tokenMaxLifetimeMs: 3_600_000 });
    await expect(
      strict(await signToken({ subject: 'y', roles: ['ADMIN'], organizationIds: [] }, secret)),
    ).rejects.toThrow(refused(/12 hours, longer than the hub allows \(1 hours/));
  });

  it('lets every token the hub mints pass: dev tokens, dev sign-in, the worker', async () => {
    const verify = tokenVerifier(settings);
    const identity = { subject: 'z', roles: ['SYSTEM' as const], organizationIds: [] };
    for (const lifetime of ['12h', '5m', devTokenLifetime(day), devTokenLifetime(3_600_000)])
      expect((await verify(await signToken(identity, secret, lifetime))).subject).toBe('z');
    expect(devTokenLifetime(3_600_000)).toBe('3600s');
  });

  it('checks OIDC claims the same way (iat optional, counted from now without it)', () => {
    const t = 1_800_000_000;
    expect(() => checkLifetime({ exp: t + 3600 }, day, t * 1000)).not.toThrow();
    expect(() => checkLifetime({ exp: t + 25 * 3600 }, day, t * 1000)).toThrow(refused(/longer/));
    expect(() => checkLifetime({ iat: t + 31, exp: t + 3600 }, day, t * 1000)).toThrow(refused(/future/));
    expect(() => checkLifetime({ iat: t + 30, exp: t + 3600 }, day, t * 1000)).not.toThrow();
    expect(() => checkLifetime({}, day, t * 1000)).toThrow(refused(/no expiry/));
  });
});

describe('integrator client tokens', () => {
  const client = { subject: 'integrator:ic_1', roles: ['INTEGRATOR' as const], organizationIds: [] };
  it('carry the client id and secret version, and the Federation of a scoped client', async () => {
    const verify = tokenVerifier(settings);
    const federationId = '386fe1fd-9155-565c-bbf5-667a86b0908b';
    const token = await signToken({ ...client, federationId }, secret, '15m', { cid: 'ic_1', sv: 3 });
    expect(await verify(token)).toMatchObject({ client: { id: 'ic_1', secretVersion: 3 }, federationId });
    const plain = await verify(await signToken(client, secret, '15m'));
    expect(plain.client).toBeUndefined();
    expect(plain.federationId).toBeUndefined();
  });

  it('are refused when their client claims are malformed', async () => {
    const verify = tokenVerifier(settings);
    for (const claims of [{ cid: 'ic_1' }, { cid: 7, sv: 1 }, { cid: '', sv: 1 }, { cid: 'ic_1', sv: 1.5 }])
      await expect(verify(await signToken(client, secret, '15m', claims))).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
  });
});
