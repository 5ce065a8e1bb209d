import { OrganizationKind as K, RelationshipType as R } from '../../services/registry/entities/kinds.js';
import { makeCreditCode } from '../../services/registry/credit-code.js';

// The organizations and edges named in the source report (seed/jiaxing-chamber-reform.zh.txt).

export interface SeedOrganization {
  key: string;
  name: string;
  shortName?: string;
  englishName?: string;
  kind: K;
  regionCode: string;
  homeRegionCode?: string;
  creditCode?: string;
}

export interface SeedEdge {
  type: R;
  from: string;
  to: string;
  validFrom: string;
  attributes?: Record<string, unknown>;
}

// Registration authority and category (GB 32100-2015): 5/1 social group registered with civil
// affairs, 5/3 foundation, 9/1 enterprise, 1/1 government body, 1/2 public institution.
const code = (authority: string, category: string, serial: number, region = '330400') =>
  makeCreditCode(authority, category, region, `MJ${String(serial).padStart(7, '0')}`);

export const SEED_ORGANIZATIONS: SeedOrganization[] = [
  { key: 'federation', name: '嘉兴市工商业联合会', shortName: '嘉兴市工商联', englishName: 'Jiaxing Federation of Industry and Commerce', kind: K.FEDERATION, regionCode: '330400', creditCode: code('1', '1', 1) },
  { key: 'wenzhou', name: '嘉兴市温州商会', englishName: 'Jiaxing Wenzhou Chamber of Commerce', kind: K.OUT_OF_TOWN_CHAMBER, regionCode: '330400', homeRegionCode: '330300', creditCode: code('5', '1', 11) },
  { key: 'hubei', name: '嘉兴市湖北商会', englishName: 'Jiaxing Hubei Chamber of Commerce', kind: K.OUT_OF_TOWN_CHAMBER, regionCode: '330400', homeRegionCode: '420000', creditCode: code('5', '1', 12) },
  { key: 'henan', name: '嘉兴市河南商会', englishName: 'Jiaxing Henan Chamber of Commerce', kind: K.OUT_OF_TOWN_CHAMBER, regionCode: '330400', homeRegionCode: '410000', creditCode: code('5', '1', 13) },
  { key: 'fashion', name: '嘉兴市时尚产业协会', englishName: 'Jiaxing Fashion Industry Association', kind: K.INDUSTRY_ASSOCIATION, regionCode: '330400', creditCode: code('5', '1', 21) },
  { key: 'solar', name: '嘉兴市太阳能行业协会', englishName: 'Jiaxing Solar Industry Association', kind: K.INDUSTRY_ASSOCIATION, regionCode: '330400', creditCode: code('5', '1', 22) },
  { key: 'bank', name: '嘉兴银行股份有限公司', shortName: '嘉兴银行', englishName: 'Bank of Jiaxing', kind: K.BANK, regionCode: '330400', creditCode: code('9', '1', 31) },
  { key: 'bank-nanhu', name: '嘉兴银行南湖支行', kind: K.BANK_BRANCH, regionCode: '330402', creditCode: code('9', '1', 32, '330402') },
  { key: 'bank-xiuzhou', name: '嘉兴银行秀洲支行', kind: K.BANK_BRANCH, regionCode: '330411', creditCode: code('9', '1', 33, '330411') },
  { key: 'jxu', name: '嘉兴学院', englishName: 'Jiaxing University', kind: K.COLLEGE, regionCode: '330400', creditCode: code('1', '2', 41) },
  { key: 'jxvtc', name: '嘉兴职业技术学院', englishName: 'Jiaxing Vocational & Technical College', kind: K.COLLEGE, regionCode: '330400', creditCode: code('1', '2', 42) },
  { key: 'wenzhou-foundation', name: '嘉兴市温商慈善基金会', kind: K.FOUNDATION, regionCode: '330400', creditCode: code('5', '3', 51) },
  { key: 'court', name: '嘉兴市中级人民法院', kind: K.COURT, regionCode: '330400', creditCode: code('1', '1', 61) },
  { key: 'procuratorate', name: '嘉兴市人民检察院', kind: K.PROCURATORATE, regionCode: '330400', creditCode: code('1', '1', 62) },
];

const supervised = ['wenzhou', 'hubei', 'henan', 'fashion', 'solar'];

export const SEED_EDGES: SeedEdge[] = [
  // 归口管理: the Federation is the supervising body (业务主管单位) of these chambers.
  ...supervised.map((key) => ({ type: R.SUPERVISES, from: 'federation', to: key, validFrom: '2019-01-01' })),
  { type: R.BRANCH_OF, from: 'bank-nanhu', to: 'bank', validFrom: '2010-01-01' },
  { type: R.BRANCH_OF, from: 'bank-xiuzhou', to: 'bank', validFrom: '2010-01-01' },
  // 党建+金融 结对共建: association party organisations paired with branch party branches.
  { type: R.BANK_PAIRING, from: 'fashion', to: 'bank-nanhu', validFrom: '2019-06-01', attributes: { agreement: '基层组织结对共建协议' } },
  { type: R.BANK_PAIRING, from: 'solar', to: 'bank-xiuzhou', validFrom: '2019-06-01', attributes: { agreement: '基层组织结对共建协议' } },
  // 产教融合: "enterprises into colleges", "teachers and students into enterprises".
  { type: R.COLLEGE_PARTNERSHIP, from: 'fashion', to: 'jxu', validFrom: '2019-09-01', attributes: { forms: ['共建课堂', '共设基地', '共办活动'] } },
  { type: R.COLLEGE_PARTNERSHIP, from: 'fashion', to: 'jxvtc', validFrom: '2019-09-01', attributes: { forms: ['共建课堂', '共设基地'] } },
  { type: R.FOUNDED, from: 'wenzhou', to: 'wenzhou-foundation', validFrom: '2019-01-01', attributes: { raisedYuan: 4_000_000 } },
];
