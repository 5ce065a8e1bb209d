import { createHash } from 'node:crypto';
import { makeCreditCode } from '../../services/registry/credit-code.js';

// Unified social credit codes (GB 32100-2015) for seed organizations. Registration authority and
// category: 1/1 government body (also the 工商联, 法院, 检察院, 公安), 1/2 public institution
// (colleges), 5/1 social group (associations, chambers), 5/3 foundation, 5/4 grassroots
// self-governing body (村民委员会), 9/1 enterprise.

/**
 * A valid code whose 9-character organization code is derived from the seed key, so adding
 * an organization never shifts another's code (codes are unique in the registry).
 */
export function seedCreditCode(key: string, authority: string, category: string, regionCode: string): string {
  const digits =
    BigInt(`0x${createHash('sha1').update(`credit-code:${key}`).digest('hex').slice(0, 15)}`) % 10_000_000n;
  // Social organizations' codes start "MJ", newer enterprises' "MA", as issued in Zhejiang.
  const prefix = authority === '5' ? 'MJ' : authority === '9' ? 'MA' : '00';
  return makeCreditCode(authority, category, regionCode, `${prefix}${String(digits).padStart(7, '0')}`);
}

/** The codes the first seed gave (kept, so existing databases and documents stay valid). */
export const legacyCreditCode = (authority: string, category: string, serial: number, region = '330400') =>
  makeCreditCode(authority, category, region, `MJ${String(serial).padStart(7, '0')}`);
