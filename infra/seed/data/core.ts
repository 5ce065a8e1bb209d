import { OrganizationKind as K } from '../../../services/registry/entities/kinds.js';
import { legacyCreditCode as legacy, seedCreditCode } from '../credit-codes.js';
import type { SeedOrganization } from '../types.js';

// Federations, the bank and its branches, colleges, courts and the foundation named in the
// report (seed/jiaxing-chamber-reform.zh.txt).

const government = (
  key: string,
  name: string,
  regionCode: string,
  kind = K.FEDERATION,
  englishName?: string,
): SeedOrganization => ({
  key,
  name,
  kind,
  regionCode,
  ...(englishName ? { englishName } : {}),
  creditCode: seedCreditCode(key, '1', '1', regionCode),
});

/** County and district federations: the grassroots chambers are their members. */
export const COUNTY_FEDERATIONS: Record<string, { key: string; region: string; place: string }> = {
  nanhu: { key: 'federation-nanhu', region: '330402', place: '嘉兴市南湖区' },
  xiuzhou: { key: 'federation-xiuzhou', region: '330411', place: '嘉兴市秀洲区' },
  jiashan: { key: 'federation-jiashan', region: '330421', place: '嘉善县' },
  haiyan: { key: 'federation-haiyan', region: '330424', place: '海盐县' },
  haining: { key: 'federation-haining', region: '330481', place: '海宁市' },
  pinghu: { key: 'federation-pinghu', region: '330482', place: '平湖市' },
  tongxiang: { key: 'federation-tongxiang', region: '330483', place: '桐乡市' },
};

/**
 * The province around Jiaxing, for jurisdiction (docs/jurisdiction.md): the provincial Federation,
 * a second city and one of its districts. They hold no chambers or records, so every figure of
 * the report stays Jiaxing's; Jiaxing and Huzhou are members of the province, Wuxing of Huzhou.
 */
export const PROVINCE_FEDERATIONS: { key: string; name: string; region: string; memberOf?: string }[] = [
  { key: 'federation-zhejiang', name: '浙江省工商业联合会', region: '330000' },
  { key: 'federation-huzhou', name: '湖州市工商业联合会', region: '330500', memberOf: 'federation-zhejiang' },
  { key: 'federation-wuxing', name: '湖州市吴兴区工商业联合会', region: '330502', memberOf: 'federation-huzhou' },
];

/** Home-region federations of the out-of-town chambers (异地商会的原籍地工商联). */
export const HOME_FEDERATIONS: Record<string, string> = {
  '330300': 'federation-wenzhou-home',
  '420000': 'federation-hubei-home',
  '410000': 'federation-henan-home',
  '331100': 'federation-lishui-home',
};

/** 嘉兴银行's branches whose party branches pair with association party organisations. */
export const BANK_BRANCHES: { key: string; name: string; region: string }[] = [
  { key: 'bank-nanhu', name: '嘉兴银行南湖支行', region: '330402' },
  { key: 'bank-xiuzhou', name: '嘉兴银行秀洲支行', region: '330411' },
  { key: 'bank-jiashan', name: '嘉兴银行嘉善支行', region: '330421' },
  { key: 'bank-haiyan', name: '嘉兴银行海盐支行', region: '330424' },
  { key: 'bank-haining', name: '嘉兴银行海宁支行', region: '330481' },
  { key: 'bank-pinghu', name: '嘉兴银行平湖支行', region: '330482' },
  { key: 'bank-tongxiang', name: '嘉兴银行桐乡支行', region: '330483' },
  { key: 'bank-keji', name: '嘉兴银行科技支行', region: '330400' },
];

export const CORE_ORGANIZATIONS: SeedOrganization[] = [
  {
    key: 'federation',
    name: '嘉兴市工商业联合会',
    shortName: '嘉兴市工商联',
    englishName: 'Jiaxing Federation of Industry and Commerce',
    kind: K.FEDERATION,
    regionCode: '330400',
    creditCode: legacy('1', '1', 1),
  },
  ...Object.values(COUNTY_FEDERATIONS).map(({ key, region, place }) => government(key, `${place}工商业联合会`, region)),
  ...PROVINCE_FEDERATIONS.map(({ key, name, region }) => government(key, name, region)),
  government(HOME_FEDERATIONS['330300'], '温州市工商业联合会', '330300'),
  government(HOME_FEDERATIONS['420000'], '湖北省工商业联合会', '420000'),
  government(HOME_FEDERATIONS['410000'], '河南省工商业联合会', '410000'),
  government(HOME_FEDERATIONS['331100'], '丽水市工商业联合会', '331100'),

  {
    key: 'bank',
    name: '嘉兴银行股份有限公司',
    shortName: '嘉兴银行',
    englishName: 'Bank of Jiaxing',
    kind: K.BANK,
    regionCode: '330400',
    creditCode: legacy('9', '1', 31),
  },
  ...BANK_BRANCHES.map(({ key, name, region }): SeedOrganization => ({
    key,
    name,
    kind: K.BANK_BRANCH,
    regionCode: region,
    creditCode:
      key === 'bank-nanhu'
        ? legacy('9', '1', 32, '330402')
        : key === 'bank-xiuzhou'
          ? legacy('9', '1', 33, '330411')
          : seedCreditCode(key, '9', '1', region),
  })),

  // 产教融合: the six colleges the report names.
  {
    key: 'jxu',
    name: '嘉兴学院',
    englishName: 'Jiaxing University',
    kind: K.COLLEGE,
    regionCode: '330400',
    creditCode: legacy('1', '2', 41),
  },
  {
    key: 'jxvtc',
    name: '嘉兴职业技术学院',
    englishName: 'Jiaxing Vocational & Technical College',
    kind: K.COLLEGE,
    regionCode: '330400',
    creditCode: legacy('1', '2', 42),
  },
  {
    key: 'nanyang',
    name: '嘉兴南洋职业技术学院',
    englishName: 'Jiaxing Nanyang Polytechnic Institute',
    kind: K.COLLEGE,
    regionCode: '330400',
    creditCode: seedCreditCode('nanyang', '5', '2', '330400'),
  },
  {
    key: 'jx-technician',
    name: '嘉兴技师学院',
    kind: K.COLLEGE,
    regionCode: '330400',
    creditCode: seedCreditCode('jx-technician', '1', '2', '330400'),
  },
  {
    key: 'pinghu-technical',
    name: '平湖高级技工学校',
    kind: K.COLLEGE,
    regionCode: '330482',
    creditCode: seedCreditCode('pinghu-technical', '1', '2', '330482'),
  },
  {
    key: 'haining-technician',
    name: '海宁技师学院',
    kind: K.COLLEGE,
    regionCode: '330481',
    creditCode: seedCreditCode('haining-technician', '1', '2', '330481'),
  },

  {
    key: 'wenzhou-foundation',
    name: '嘉兴市温商慈善基金会',
    kind: K.FOUNDATION,
    regionCode: '330400',
    creditCode: legacy('5', '3', 51),
  },
  { key: 'court', name: '嘉兴市中级人民法院', kind: K.COURT, regionCode: '330400', creditCode: legacy('1', '1', 61) },
  {
    key: 'procuratorate',
    name: '嘉兴市人民检察院',
    kind: K.PROCURATORATE,
    regionCode: '330400',
    creditCode: legacy('1', '1', 62),
  },
  government('police', '嘉兴市公安局', '330400', K.POLICE),
];
