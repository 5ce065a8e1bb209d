// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
// alphabet (no I, O, S, V, Z); the last one is a check character over the first 17.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`"${first17[i]}" is not a credit-code character`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is invalid, in words a clerk can act on; undefined when it is valid. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `a unified social credit code has 18 characters, "${code}" has ${code.length}`;
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined)
    return `"${bad}" cannot appear in a unified social credit code (allowed: 0-9 and ${ALPHABET.slice(10)})`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return `characters 3-8 of "${code}" must be the 6-digit region code`;
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `the check character of "${code}" should be "${expected}", not "${code[17]}"`;
  return undefined;
}

/** Builds a valid code from its parts (used by the seed and by tests). */
export function makeCreditCode(authority: string, category: string, regionCode: string, serial9: string): string {
  const first17 = `${authority}${category}${regionCode}${serial9}`;
  if (first17.length !== 17)
    throw new Error('authority(1) + category(1) + region(6) + serial(9) must be 17 characters');
  return first17 + creditCodeCheckCharacter(first17);
}
