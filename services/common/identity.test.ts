import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { HUB_ISSUER, signToken, tokenVerifier } from './identity.js';

const secret = 'a-test-secret-that-is-long-enough';
const settings = { jwtSecret: secret, oidc: undefined };

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
