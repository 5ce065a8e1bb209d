import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_FEDERATION_ID, HUB_ISSUER, signToken, tokenVerifier } from '../../services/common/identity.js';
import { seedOrganizationId } from '../../infra/seed/run.js';

// Officers' and admins' tokens name their Federation (`fed`); the hub computes what it supervises.

const secret = 'a-test-secret-that-is-long-enough';
const verify = tokenVerifier({ jwtSecret: secret, oidc: undefined, tokenMaxLifetimeMs: 24 * 3_600_000 });
const huzhou = seedOrganizationId('federation-huzhou');

const raw = (claims: Record<string, unknown>) =>
  new SignJWT({ roles: ['ADMIN'], orgs: [], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(HUB_ISSUER)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));

describe('the fed claim', () => {
  it("defaults, in the hub's own tokens of officers and admins, to the seed's Jiaxing Federation", async () => {
    expect(DEV_FEDERATION_ID).toBe(seedOrganizationId('federation'));
    for (const role of ['ADMIN', 'FEDERATION_OFFICER'] as const) {
      const identity = await verify(await signToken({ subject: 'x', roles: [role], organizationIds: [] }, secret));
      expect(identity.federationId).toBe(DEV_FEDERATION_ID);
    }
    // Callers that are not scoped to a Federation carry none.
    const integrator = await verify(
      await signToken({ subject: 'y', roles: ['INTEGRATOR'], organizationIds: [] }, secret),
    );
    expect(integrator.federationId).toBeUndefined();
  });

  it('carries the Federation an identity names', async () => {
    const token = await signToken(
      { subject: 'x', roles: ['FEDERATION_OFFICER'], organizationIds: [], federationId: huzhou },
      secret,
    );
    expect((await verify(token)).federationId).toBe(huzhou);
  });

  it('is required with FEDERATION_OFFICER and ADMIN (FORBIDDEN), and must be an organization id (UNAUTHENTICATED)', async () => {
    await expect(verify(await raw({}))).rejects.toMatchObject({
      message: expect.stringContaining('names no Federation in its fed claim'),
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
    await expect(verify(await raw({ roles: ['FEDERATION_OFFICER'] }))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(verify(await raw({ fed: 'jiaxing' }))).rejects.toMatchObject({
      message: expect.stringContaining('fed claim must be the organization id'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(verify(await raw({ fed: [huzhou] }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await verify(await raw({ fed: huzhou.toUpperCase() }))).federationId).toBe(huzhou);
    // An integrator needs none.
    expect((await verify(await raw({ roles: ['INTEGRATOR'] }))).roles).toEqual(['INTEGRATOR']);
  });
});
