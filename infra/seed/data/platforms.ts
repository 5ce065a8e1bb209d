import { Platform as P } from '../../../services/registry/entities/kinds.js';
import { wan } from '../../../services/registry/money.js';
import { CITY_ASSOCIATION_KEYS, OUT_OF_TOWN_KEYS } from './chambers.js';

// Activities of the four platforms (and the chambers' investment promotion, 助力中心工作) in
// 2019, as the report tells them; where it gives no date or participants, plausible ones.

export interface SeedActivity {
  key: string;
  platform: P;
  kind: string;
  title: string;
  heldOn: string;
  organizers: string[];
  participants?: string[];
  participantCount?: number;
  outcome?: string;
}

const EIGHT_PAIRED = ['fashion', 'solar', 'furniture', 'fasteners', 'leather', 'auto-parts', 'knitwear', 'electronics'];
const EIGHT_BRANCHES = [
  'bank-nanhu',
  'bank-xiuzhou',
  'bank-jiashan',
  'bank-haiyan',
  'bank-haining',
  'bank-pinghu',
  'bank-tongxiang',
  'bank-keji',
];

const FAIR_PLACES = ['温州', '武汉', '郑州', '丽水', '乐清', '宜昌', '洛阳', '杭州', '瑞安', '襄阳', '南阳', '上海'];
const MATCH_TOPICS = [
  '时尚纺织',
  '光伏新能源',
  '汽车零部件',
  '电子信息',
  '新材料',
  '智能制造',
  '生物医药',
  '现代物流',
  '数字经济',
  '文旅康养',
  '农业产业化',
];
const day = (month: number, dayOfMonth: number) =>
  new Date(Date.UTC(2019, month - 1, dayOfMonth)).toISOString().slice(0, 10);

export const ACTIVITIES: SeedActivity[] = [
  // 产教融合
  {
    key: 'research-pinghu-dual',
    platform: P.INDUSTRY_EDUCATION,
    kind: 'RESEARCH_VISIT',
    title: '调研平湖高级技工学校德西福格"双元制"人才培养',
    heldOn: '2019-04-11',
    organizers: ['federation'],
    participants: ['pinghu-technical', 'smart-manufacturing'],
  },
  {
    key: 'research-haining-sino-french',
    platform: P.INDUSTRY_EDUCATION,
    kind: 'RESEARCH_VISIT',
    title: '调研海宁技师学院中法合作高技能人才培养',
    heldOn: '2019-05-09',
    organizers: ['federation'],
    participants: ['haining-technician', 'leather'],
  },
  {
    key: 'fashion-education-base',
    platform: P.INDUSTRY_EDUCATION,
    kind: 'EDUCATION_BASE',
    title: '市时尚产业协会产教融合基地建设',
    heldOn: '2019-09-20',
    organizers: ['fashion'],
    participants: ['jxu', 'jxvtc'],
    outcome: '共建课堂、共设基地、共办活动',
  },
  {
    key: 'enterprises-into-colleges',
    platform: P.INDUSTRY_EDUCATION,
    kind: 'ENTERPRISES_INTO_COLLEGES',
    title: '"企业进院校"双向互动',
    heldOn: '2019-10-16',
    organizers: ['federation', 'garment'],
    participants: ['nanyang', 'jx-technician'],
  },
  {
    key: 'students-into-enterprises',
    platform: P.INDUSTRY_EDUCATION,
    kind: 'STUDENTS_INTO_ENTERPRISES',
    title: '"院校师生进企业"双向互动',
    heldOn: '2019-11-13',
    organizers: ['federation', 'electronics'],
    participants: ['jxu', 'jxvtc'],
  },
  // 法律服务
  {
    key: 'legal-risk-station',
    platform: P.LEGAL_SERVICES,
    kind: 'LEGAL_RISK_STATION',
    title: '法律风险防范服务站揭牌',
    heldOn: '2019-03-15',
    organizers: ['federation'],
    participants: ['wenzhou', 'hubei', 'henan'],
  },
  {
    key: 'judges-1',
    platform: P.LEGAL_SERVICES,
    kind: 'JUDGES_INTO_CHAMBERS',
    title: '"法官进商会"：合同风险防范',
    heldOn: '2019-04-25',
    organizers: ['court', 'wenzhou'],
  },
  {
    key: 'judges-2',
    platform: P.LEGAL_SERVICES,
    kind: 'JUDGES_INTO_CHAMBERS',
    title: '"法官进商会"：民间借贷纠纷',
    heldOn: '2019-09-19',
    organizers: ['court', 'fashion'],
  },
  {
    key: 'prosecutors-1',
    platform: P.LEGAL_SERVICES,
    kind: 'PROSECUTORS_INTO_CHAMBERS',
    title: '"检察官进商会"：企业合规经营',
    heldOn: '2019-05-23',
    organizers: ['procuratorate', 'hubei'],
  },
  {
    key: 'police-1',
    platform: P.LEGAL_SERVICES,
    kind: 'POLICE_INTO_CHAMBERS',
    title: '"警官进商会"：防范电信网络诈骗',
    heldOn: '2019-06-27',
    organizers: ['police', 'henan'],
  },
  {
    key: 'labour-law-training',
    platform: P.LEGAL_SERVICES,
    kind: 'LEGAL_TRAINING',
    title: '"劳动用工法律风险"专题培训（会同嘉兴市红船服务总联盟）',
    heldOn: '2019-07-10',
    organizers: ['federation'],
    participants: CITY_ASSOCIATION_KEYS.slice(0, 20),
  },
  {
    key: 'court-entrepreneurs-forum',
    platform: P.LEGAL_SERVICES,
    kind: 'ENTREPRENEURS_FORUM',
    title: '联合市中级人民法院召开民营企业家座谈会',
    heldOn: '2019-08-14',
    organizers: ['federation', 'court'],
    participants: ['wenzhou', 'fashion', 'solar', 'leather'],
  },
  {
    key: 'procuratorate-escort',
    platform: P.LEGAL_SERVICES,
    kind: 'PROTECTION_CAMPAIGN',
    title: '"护航民营经济高质量、以案释法护企"活动',
    heldOn: '2019-10-30',
    organizers: ['federation', 'procuratorate'],
    participants: ['hubei', 'henan', 'lishui'],
  },
  // 金融服务
  {
    key: 'bank-strategic-agreement',
    platform: P.FINANCIAL_SERVICES,
    kind: 'STRATEGIC_AGREEMENT',
    title: '党建引领助推民营企业发展战略合作协议签约',
    heldOn: '2019-05-28',
    organizers: ['federation', 'bank'],
  },
  {
    key: 'party-finance-pairing',
    platform: P.FINANCIAL_SERVICES,
    kind: 'PAIRING_SIGNING',
    title: '"党建+金融"基层组织结对共建协议签约',
    heldOn: '2019-06-01',
    organizers: ['federation', 'bank'],
    participants: [...EIGHT_PAIRED, ...EIGHT_BRANCHES],
    outcome: '首批"党建+金融"两新组织示范单位',
  },
  // 人才服务
  {
    key: 'secretariat-training-2019',
    platform: P.TALENT_SERVICES,
    kind: 'TRAINING_COURSE',
    title: '商协会专职人员素质提升培训班（为期4天）',
    heldOn: '2019-11-18',
    organizers: ['federation'],
    participantCount: 50,
    outcome: '50名商协会专职人员结业',
  },
  {
    key: 'xingyao-nanhu-summit',
    platform: P.TALENT_SERVICES,
    kind: 'TALENT_SUMMIT',
    title: '"星耀南湖"精英峰会',
    heldOn: '2019-06-15',
    organizers: ['federation'],
    participants: ['wenzhou', 'fashion', 'electronics', 'software', 'young-entrepreneurs'],
    outcome: '商协会选聘优秀人才',
  },
  // 招商引资: 12 fairs, 11 matchmakings, and the two expos members were organised to attend.
  ...FAIR_PLACES.map((place, i): SeedActivity => ({
    key: `investment-fair-${i + 1}`,
    platform: P.INVESTMENT,
    kind: 'INVESTMENT_FAIR',
    title: `嘉兴（${place}）投资推介暨经贸洽谈会`,
    heldOn: day(2 + Math.floor((i * 10) / 12), 8 + (i % 3) * 6),
    organizers: ['federation', OUT_OF_TOWN_KEYS[i % 4]],
  })),
  ...MATCH_TOPICS.map((topic, i): SeedActivity => ({
    key: `matchmaking-${i + 1}`,
    platform: P.INVESTMENT,
    kind: 'PROJECT_MATCHMAKING',
    title: `${topic}产业项目对接会`,
    heldOn: day(3 + Math.floor((i * 9) / 11), 10 + (i % 4) * 4),
    organizers: [CITY_ASSOCIATION_KEYS[i]],
  })),
  {
    key: 'ciie-2019',
    platform: P.INVESTMENT,
    kind: 'TRADE_EXPO',
    title: '组织会员企业参加第二届中国国际进口博览会',
    heldOn: '2019-11-05',
    organizers: ['federation'],
  },
  {
    key: 'zhejiang-merchants-2019',
    platform: P.INVESTMENT,
    kind: 'TRADE_EXPO',
    title: '组织会员企业参加第五届世界浙商大会',
    heldOn: '2019-11-25',
    organizers: ['federation'],
  },
];

export interface SeedInvestmentProject {
  key: string;
  name: string;
  introducedBy: string;
  amountFen: number;
  signedOn: string;
}

/** 牵线引进项目22个、引进资金60多亿元: [introducing chamber, project, 万元]. */
const PROJECTS: [string, string, number][] = [
  ['wenzhou', '智能电气产业园', 52_000],
  ['wenzhou', '鞋服供应链总部', 31_000],
  ['hubei', '光电子器件生产基地', 45_000],
  ['henan', '冷链物流中心', 28_000],
  ['henan', '食品精深加工项目', 22_000],
  ['lishui', '生态农产品加工园', 18_000],
  ['solar', '高效光伏组件项目', 48_000],
  ['solar', '储能电池系统项目', 36_000],
  ['fashion', '时尚设计创意园', 26_000],
  ['garment', '智能服装工厂', 24_000],
  ['knitwear', '毛衫数字化产业园', 21_000],
  ['leather', '皮革新材料项目', 19_000],
  ['auto-parts', '新能源汽车电机项目', 42_000],
  ['electronics', '集成电路封测项目', 38_000],
  ['new-materials', '高性能纤维项目', 33_000],
  ['biomedicine', '医疗器械产业化项目', 27_000],
  ['smart-manufacturing', '工业机器人整机项目', 25_000],
  ['logistics', '跨境电商物流园', 17_000],
  ['import-export', '进口商品分拨中心', 12_000],
  ['haining-wenzhou', '经编新材料项目', 16_000],
  ['tongxiang-wenzhou', '化纤差别化纤维项目', 20_000],
  ['young-entrepreneurs', '数字经济孵化基地', 9_000],
];

export const INVESTMENT_PROJECTS: SeedInvestmentProject[] = PROJECTS.map(([introducedBy, name, amountWan], i) => ({
  key: `investment-project-${i + 1}`,
  name,
  introducedBy,
  amountFen: wan(amountWan),
  signedOn: day(3 + Math.floor((i * 9) / 22), 6 + (i % 5) * 5),
}));
