// Money is stored in integer fen (分) and shown the way the report writes it (万元 / 亿元).

/** e.g. 3_240_000_000 fen → "3240万元", 600_000_000_000 → "60亿元", 12_345 → "123.45元". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`${fen} is not a whole number of fen`);
  const sign = fen < 0 ? '-' : '';
  const yuan = Math.abs(fen) / 100;
  const trim = (value: number) => value.toFixed(2).replace(/\.?0+$/, '');
  if (yuan >= 100_000_000) return `${sign}${trim(yuan / 100_000_000)}亿元`;
  if (yuan >= 10_000) return `${sign}${trim(yuan / 10_000)}万元`;
  return `${sign}${yuan.toFixed(2)}元`;
}

/** 万元 as the report counts, to fen: wan(3240) = 3_240_000_000. */
export const wan = (tenThousandYuan: number): number => Math.round(tenThousandYuan * 1_000_000);
