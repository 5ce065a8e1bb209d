import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

// Client secrets: 32 random bytes shown once, kept as scrypt (node's own, memory-hard) with a
// salt of their own, the parameters written beside the hash so they can be raised later.

const derive = promisify(scrypt) as (
  secret: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;
const N = 16384;
const R = 8;
const P = 1;
const LENGTH = 32;

/** A new secret, as the client will send it. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A new client id: readable, random, not secret. */
export const newClientId = (): string => `ic_${randomBytes(12).toString('hex')}`;

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, LENGTH, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** A stand-in hash, compared against when the client id is unknown, so the answer takes as long. */
const UNKNOWN = hashSecret(newSecret());

/** Whether `secret` is the one `stored` was made from (a constant-time comparison); `stored` undefined: never. */
export async function secretMatches(secret: string, stored: string | undefined): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = (stored ?? (await UNKNOWN)).split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return stored !== undefined && timingSafeEqual(actual, expected);
}
