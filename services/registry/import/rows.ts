import { creditCodeCheckCharacter } from '../credit-code.js';
import { regionName } from '../regions.js';

// Checks of imported rows that only the registry can make (its regions, its credit-code rules),
// in Chinese, naming the spreadsheet's column: an officer reads them in the import's preview.

export interface RowProblem {
  column: string;
  value: string;
  message: string;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Why a unified social credit code is wrong, in Chinese; undefined when it is valid. */
export function creditCodeProblemZh(code: string): string | undefined {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，此值为 ${code.length} 位`;
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return `统一社会信用代码不能含有字符“${bad}”（只用数字和 ${ALPHABET.slice(10)}）`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码的第 3-8 位应为 6 位行政区划代码';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验位错误：应为“${expected}”，不是“${code[17]}”`;
  return undefined;
}

export function regionProblemZh(code: string): string | undefined {
  return regionName(code) ? undefined : `“${code}”不是登记库已知的行政区划代码（GB/T 2260）`;
}
