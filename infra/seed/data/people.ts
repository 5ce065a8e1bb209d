import { PositionRole, RelationshipType as R } from '../../../services/registry/entities/kinds.js';
import { seedId } from '../ids.js';
import { CHAMBERS } from './chambers.js';
import { personName } from './names.js';
import type { SeedEdge, SeedPerson, SeedPosition } from '../types.js';

// Federation leaders and the chambers they guide (联挂指导), their visits, and every chamber's
// legal counsel (法律顾问, "全覆盖"). 张建生 is named in the report; the others are plausible.

interface Leader extends SeedPerson {
  title: string;
  since: string;
  chambers: string[];
}

export const LEADERS: Leader[] = [
  {
    key: 'leader-zhang-jiansheng',
    name: '张建生',
    title: '市委统战部副部长、市工商联党委书记',
    since: '2016-12-01',
    chambers: ['wenzhou', 'fashion', 'solar', 'hubei', 'henan'],
  },
  {
    key: 'leader-chair',
    name: '沈国明',
    title: '市工商联主席',
    since: '2017-01-15',
    chambers: ['lishui', 'garment', 'knitwear', 'leather', 'import-export'],
  },
  {
    key: 'leader-vice-lu',
    name: '陆慧芳',
    title: '市工商联党组成员、副主席',
    since: '2017-01-15',
    chambers: ['young-entrepreneurs', 'women-entrepreneurs', 'furniture', 'textile', 'electronics'],
  },
  {
    key: 'leader-vice-yao',
    name: '姚建平',
    title: '市工商联副主席',
    since: '2017-01-15',
    chambers: ['auto-parts', 'construction', 'real-estate', 'logistics', 'food'],
  },
  {
    key: 'leader-vice-qian',
    name: '钱卫东',
    title: '市工商联驻会副主席',
    since: '2018-03-01',
    chambers: ['haining-wenzhou', 'tongxiang-wenzhou', 'pinghu-wenzhou', 'jiashan-wenzhou', 'tea'],
  },
  {
    key: 'leader-secretary',
    name: '徐海峰',
    title: '市工商联秘书长',
    since: '2018-03-01',
    chambers: ['software', 'ecommerce', 'new-materials', 'biomedicine', 'smart-manufacturing'],
  },
];

/** Each leader's edges from the Federation to the chambers they guide; the edge names the contact. */
export const LIAISON_EDGES: SeedEdge[] = LEADERS.flatMap((leader) =>
  leader.chambers.map((chamber) => ({
    type: R.LIAISON,
    from: 'federation',
    to: chamber,
    validFrom: leader.since,
    attributes: { leaderId: seedId(`person:${leader.key}`), leader: leader.name, leaderTitle: leader.title },
  })),
);

export interface SeedVisit {
  leader: string;
  org: string;
  visitedOn: string;
  notes: string;
}

const dayOf = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
const TOPICS = ['党建工作指导', '换届筹备指导', '会员服务调研', '评价激励政策宣讲', '企业困难协调', '秘书处规范化建设'];

/**
 * 93 visits in 2019 (今年已走访商协会93家次): three to each guided chamber and a fourth to
 * three of 张建生's; and 12 in 2018, so the year matters.
 */
export const LIAISON_VISITS: SeedVisit[] = LEADERS.flatMap((leader, l) =>
  leader.chambers.flatMap((org, c) => {
    const index = l * 5 + c;
    const visits2019 = Array.from({ length: l === 0 && c < 3 ? 4 : 3 }, (_, v) =>
      dayOf(2019, 7 + ((index * 11 + v * 97) % 350)),
    );
    const visits2018 = index < 12 ? [dayOf(2018, 40 + index * 25)] : [];
    return [...visits2018, ...visits2019].map((visitedOn, v) => ({
      leader: leader.key,
      org,
      visitedOn,
      notes: TOPICS[(index + v) % TOPICS.length],
    }));
  }),
);

const chamberKeys = CHAMBERS.map((c) => c.key);
const COUNSEL_COUNT = Math.ceil(chamberKeys.length / 2);

/** Lawyers, each the legal counsel of two chambers. */
const COUNSELS: SeedPerson[] = Array.from({ length: COUNSEL_COUNT }, (_, n) => ({
  key: `counsel-${n + 1}`,
  name: personName(n),
}));

/** The Wenzhou chamber's secretariat (秘书处), whose staff apply for the Federation's training. */
export const SECRETARIAT: (SeedPerson & { role: PositionRole })[] = [
  { key: 'wenzhou-secretary-general', name: '林晓燕', role: PositionRole.SECRETARY_GENERAL },
  { key: 'wenzhou-staff-1', name: '黄志强', role: PositionRole.FULL_TIME_STAFF },
];

export const PEOPLE: SeedPerson[] = [
  ...LEADERS.map(({ key, name }) => ({ key, name })),
  ...COUNSELS,
  ...SECRETARIAT.map(({ key, name }) => ({ key, name })),
];

export const POSITIONS: SeedPosition[] = [
  ...LEADERS.map((leader) => ({
    person: leader.key,
    org: 'federation',
    role: PositionRole.FEDERATION_LEADER,
    validFrom: leader.since,
  })),
  // Counsel engaged over 2018–2019; by the end of 2019 every chamber has one.
  ...chamberKeys.map((org, i) => ({
    person: COUNSELS[Math.floor(i / 2)].key,
    org,
    role: PositionRole.LEGAL_COUNSEL,
    validFrom: i % 3 === 0 ? dayOf(2018, (i * 13) % 300) : dayOf(2019, (i * 7) % 280),
  })),
  ...SECRETARIAT.map(({ key, role }) => ({ person: key, org: 'wenzhou', role, validFrom: '2019-03-01' })),
];
