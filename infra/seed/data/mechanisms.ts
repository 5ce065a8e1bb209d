import { wan } from '../../../services/registry/money.js';
import { CITY_ASSOCIATION_KEYS, OUT_OF_TOWN_KEYS } from './chambers.js';

// The five mechanisms' records for 2019 (and the 2018 reward fund, so the year matters):
// evaluation incentives (reward fund raised by 17万元 to 119万元), government–chamber
// communication (3 special sessions with the solar association, 4 issues solved; 11 rotating
// events, 5 problems solved), interconnection (3 joint meetings, 12 group activities).

export interface SeedRewardAllocation {
  key: string;
  year: number;
  kind: 'BASE' | 'INCREASE';
  amountFen: number;
  note: string;
}

export const REWARD_FUND: SeedRewardAllocation[] = [
  { key: '2018-base-city', year: 2018, kind: 'BASE', amountFen: wan(80), note: '市财政商协会评价激励奖金' },
  { key: '2018-base-federation', year: 2018, kind: 'BASE', amountFen: wan(22), note: '市工商联商会发展专项资金' },
  { key: '2019-base-city', year: 2019, kind: 'BASE', amountFen: wan(80), note: '市财政商协会评价激励奖金' },
  { key: '2019-base-federation', year: 2019, kind: 'BASE', amountFen: wan(22), note: '市工商联商会发展专项资金' },
  {
    key: '2019-increase',
    year: 2019,
    kind: 'INCREASE',
    amountFen: wan(17),
    note: '修订工商经济类商协会评价办法，增加奖励资金',
  },
];

export interface SeedSession {
  key: string;
  kind: 'SPECIAL_SESSION' | 'ROTATING_EVENT';
  title: string;
  heldOn: string;
  org?: string;
  issues: [description: string, resolvedOn?: string][];
}

const SPECIAL = (n: string, topic: string, heldOn: string, issues: SeedSession['issues']): SeedSession => ({
  key: `special-${n}`,
  kind: 'SPECIAL_SESSION',
  title: `工商联界别议事厅·太阳能行业专场（${n}）：${topic}`,
  heldOn,
  org: 'solar',
  issues,
});

const ROTATING_HOSTS = [
  'wenzhou',
  'fashion',
  'hubei',
  'garment',
  'henan',
  'leather',
  'lishui',
  'construction',
  'knitwear',
  'import-export',
  'electronics',
];
const ROTATING_ISSUES: Record<number, SeedSession['issues']> = {
  0: [
    ['会员企业用工招聘难', '2019-03-29'],
    ['异地商会办公场地', undefined],
  ],
  2: [['小微企业转贷续贷', '2019-05-30']],
  4: [['新居民子女入学咨询', '2019-07-18']],
  6: [['山区农产品进城物流', undefined]],
  7: [['建筑企业保证金清退', '2019-10-17']],
  9: [
    ['出口退税进度', '2019-12-12'],
    ['贸易摩擦应对培训', undefined],
  ],
};

export const SESSIONS: SeedSession[] = [
  SPECIAL('一', '光伏发电补贴退坡应对', '2019-04-18', [
    ['分布式光伏并网手续周期长', '2019-06-20'],
    ['光伏企业融资难', '2019-08-15'],
  ]),
  SPECIAL('二', '公共建筑屋顶资源统筹', '2019-07-11', [
    ['公共建筑屋顶向光伏项目开放', '2019-10-10'],
    ['光伏组件质量检测标准', undefined],
  ]),
  SPECIAL('三', '行业用地与回收', '2019-10-24', [
    ['退役光伏组件回收处理', undefined],
    ['光伏制造企业用地指标', '2019-12-05'],
  ]),
  ...ROTATING_HOSTS.map((org, i): SeedSession => ({
    key: `rotating-${i + 1}`,
    kind: 'ROTATING_EVENT',
    org,
    title: `商会服务联盟轮值活动（第${i + 1}期）`,
    heldOn: new Date(Date.UTC(2019, 1 + Math.floor((i * 10) / 11), 12 + (i % 3) * 5)).toISOString().slice(0, 10),
    issues: ROTATING_ISSUES[i] ?? [],
  })),
];

export interface SeedJointMeeting {
  key: string;
  kind: 'JOINT_MEETING' | 'GROUP_ACTIVITY';
  title: string;
  heldOn: string;
  participants: string[];
}

const GROUP_TOPICS = [
  '纺织服装',
  '时尚产业',
  '机械制造',
  '电子信息',
  '新能源',
  '建筑房产',
  '商贸物流',
  '食品餐饮',
  '现代服务',
  '新材料',
  '生物医药',
  '青年企业家',
];

export const JOINT_MEETINGS: SeedJointMeeting[] = [
  ...['2019-03-21', '2019-07-25', '2019-11-28'].map((heldOn, i): SeedJointMeeting => ({
    key: `joint-${i + 1}`,
    kind: 'JOINT_MEETING',
    title: `市内异地商会联席会议（第${i + 1}次）`,
    heldOn,
    participants: OUT_OF_TOWN_KEYS,
  })),
  ...GROUP_TOPICS.map((topic, i): SeedJointMeeting => ({
    key: `group-${i + 1}`,
    kind: 'GROUP_ACTIVITY',
    title: `行业协会商会${topic}小组活动`,
    heldOn: new Date(Date.UTC(2019, i, 15 + (i % 2) * 7)).toISOString().slice(0, 10),
    participants: [0, 1, 2, 3].map((k) => CITY_ASSOCIATION_KEYS[(i * 4 + k) % CITY_ASSOCIATION_KEYS.length]),
  })),
];
