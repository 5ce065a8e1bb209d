import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, makeCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes with the right check character', () => {
    // Published example codes whose check characters are known.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeProblem('91350100M000100Y43')).toBeUndefined();
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character .* should be "3"/);
    expect(creditCodeProblem('9135010')).toMatch(/18 characters/);
    expect(creditCodeProblem('91350100M000100YI3')).toMatch(/"I" cannot appear/);
    expect(creditCodeProblem('91ABCDEFM000100Y43')).toMatch(/region code/);
  });

  it('makes valid codes for the seed', () => {
    const code = makeCreditCode('5', '1', '330400', 'MJ0000011');
    expect(code).toHaveLength(18);
    expect(creditCodeProblem(code)).toBeUndefined();
  });
});
