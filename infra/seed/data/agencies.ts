import { OrganizationKind as K, PositionRole } from '../../../services/registry/entities/kinds.js';
import { seedCreditCode } from '../credit-codes.js';
import type { SeedOrganization, SeedPerson, SeedPosition } from '../types.js';

// Government procurement (政府购买服务, issue 9): the city's agencies that buy services from
// social organisations, each with a head (局长, approves awards) and officers (publish needs),
// and the guidance catalogue they buy from. None of this is counted by the report's statistics
// (no chamber, rating, honour, edge or 2019 record), so its figures do not move.

interface SeedAgency {
  key: string;
  name: string;
  head: SeedPerson;
  officers: SeedPerson[];
}

export const AGENCY_LIST: SeedAgency[] = [
  {
    key: 'agency-civil-affairs',
    name: '嘉兴市民政局',
    head: { key: 'agency-civil-affairs-head', name: '沈国华' },
    officers: [
      { key: 'agency-civil-affairs-officer-1', name: '朱丽萍' },
      { key: 'agency-civil-affairs-officer-2', name: '钱俊' },
    ],
  },
  {
    key: 'agency-commerce',
    name: '嘉兴市商务局',
    head: { key: 'agency-commerce-head', name: '王建明' },
    officers: [{ key: 'agency-commerce-officer-1', name: '陶雪芬' }],
  },
  {
    key: 'agency-human-resources',
    name: '嘉兴市人力资源和社会保障局',
    head: { key: 'agency-human-resources-head', name: '褚文龙' },
    officers: [
      { key: 'agency-human-resources-officer-1', name: '孙立群' },
      { key: 'agency-human-resources-officer-2', name: '蒋海波' },
    ],
  },
  {
    key: 'agency-economy-it',
    name: '嘉兴市经济和信息化局',
    head: { key: 'agency-economy-it-head', name: '费建中' },
    officers: [{ key: 'agency-economy-it-officer-1', name: '吕慧' }],
  },
  {
    key: 'agency-market-regulation',
    name: '嘉兴市市场监督管理局',
    head: { key: 'agency-market-regulation-head', name: '姚晓红' },
    officers: [
      { key: 'agency-market-regulation-officer-1', name: '范志明' },
      { key: 'agency-market-regulation-officer-2', name: '倪佳' },
    ],
  },
];

/** Government bodies: credit codes of authority 1, category 1, like the federations'. */
export const AGENCIES: SeedOrganization[] = AGENCY_LIST.map(({ key, name }) => ({
  key,
  name,
  kind: K.GOVERNMENT_AGENCY,
  regionCode: '330400',
  creditCode: seedCreditCode(key, '1', '1', '330400'),
}));

export const AGENCY_PEOPLE: SeedPerson[] = AGENCY_LIST.flatMap((a) => [a.head, ...a.officers]);

// Open-ended and begun before any procurement a test or a demo runs (they run in the present).
const SINCE = '2021-01-01';
export const AGENCY_POSITIONS: SeedPosition[] = AGENCY_LIST.flatMap((a) => [
  { person: a.head.key, org: a.key, role: PositionRole.AGENCY_HEAD, validFrom: SINCE },
  ...a.officers.map((o) => ({ person: o.key, org: a.key, role: PositionRole.AGENCY_OFFICER, validFrom: SINCE })),
]);

export interface SeedServiceCategory {
  code: string;
  name: string;
  description: string;
}

/** The guidance catalogue (政府购买服务指导性目录): the services chambers and associations offer. */
export const SERVICE_CATEGORIES: SeedServiceCategory[] = [
  { code: 'INDUSTRY_SURVEY', name: '行业调查与统计分析', description: '行业运行情况调查、统计数据采集与分析报告' },
  { code: 'INDUSTRY_STANDARDS', name: '行业标准制定', description: '团体标准、行业规范的起草、论证与宣贯' },
  { code: 'SKILLS_TRAINING', name: '职业技能培训', description: '从业人员职业技能培训与考核评价' },
  { code: 'LEGAL_MEDIATION', name: '法律咨询与纠纷调解', description: '企业法律咨询、商事纠纷人民调解' },
  { code: 'EXHIBITION_INVESTMENT', name: '会展与招商服务', description: '展会组织、招商推介与项目对接' },
  { code: 'POLICY_PUBLICITY', name: '政策宣传与评估', description: '涉企政策宣传解读与实施效果第三方评估' },
];
