import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../credit-code.js';
import { creditCodeProblemZh, regionProblemZh } from './rows.js';

describe("an imported row's registry checks, in Chinese", () => {
  const valid = makeCreditCode('5', '1', '330402', 'MJ0000001');

  it('accepts a valid credit code and names what is wrong with others', () => {
    expect(creditCodeProblemZh(valid)).toBeUndefined();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(creditCodeProblemZh(wrong)).toBe(`统一社会信用代码校验位错误：应为“${valid[17]}”，不是“${wrong[17]}”`);
    expect(creditCodeProblemZh('51330402MJ00001')).toBe('统一社会信用代码应为 18 位，此值为 15 位');
    expect(creditCodeProblemZh('51330402MJ000000IO')).toContain('不能含有字符“I”');
    expect(creditCodeProblemZh('51ABCDEFMJ0000001X')).toBe('统一社会信用代码的第 3-8 位应为 6 位行政区划代码');
  });

  it('knows the regions the registry knows', () => {
    expect(regionProblemZh('330402')).toBeUndefined();
    expect(regionProblemZh('999999')).toBe('“999999”不是登记库已知的行政区划代码（GB/T 2260）');
  });
});
