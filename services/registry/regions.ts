// Administrative division codes (GB/T 2260) the hub knows: Jiaxing and its districts and
// counties, Huzhou and its Wuxing district (the seed's province), and the home regions of the out-of-town chambers and paired villages.
export const REGIONS: Readonly<Record<string, string>> = {
  '330000': '浙江省',
  '330400': '嘉兴市',
  '330402': '南湖区',
  '330411': '秀洲区',
  '330421': '嘉善县',
  '330424': '海盐县',
  '330481': '海宁市',
  '330482': '平湖市',
  '330483': '桐乡市',
  '330300': '温州市',
  '330500': '湖州市',
  '330502': '吴兴区',
  '331100': '丽水市',
  '420000': '湖北省',
  '410000': '河南省',
};

export function regionName(code: string): string | undefined {
  return REGIONS[code];
}

/** Codes of the region and every region under it (330400 covers 330402 ... 330483). */
export function regionAndSubregions(code: string): string[] {
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return Object.keys(REGIONS).filter((c) => c.startsWith(prefix));
}
