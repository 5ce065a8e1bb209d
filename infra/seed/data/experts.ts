import {
  OrganizationKind as K,
  PositionRole,
  RelationshipType as R,
} from '../../../services/registry/entities/kinds.js';
import type { SeedEdge, SeedOrganization, SeedPerson, SeedPosition } from '../types.js';

// The evaluation's reviewer pool (评估专家) and its two committees. Some experts hold or held
// positions at seeded chambers, so recusal (回避) has cases: a current secretary-general, staff
// who left less than two years before 2020, a president who left long ago (no recusal).

/** The Federation's committees: bodies of the Federation, not legal entities (no credit code). */
export const COMMITTEES: SeedOrganization[] = [
  {
    key: 'evaluation-committee',
    name: '嘉兴市工商联社会组织评估委员会',
    kind: K.EVALUATION_COMMITTEE,
    regionCode: '330400',
  },
  {
    key: 'review-committee',
    name: '嘉兴市工商联社会组织评估复核委员会',
    kind: K.REVIEW_COMMITTEE,
    regionCode: '330400',
  },
];

const COMMITTEES_SINCE = '2019-12-01';
export const COMMITTEE_EDGES: SeedEdge[] = COMMITTEES.map((c) => ({
  type: R.FOUNDED,
  from: 'federation',
  to: c.key,
  validFrom: COMMITTEES_SINCE,
}));

export interface SeedExpert extends SeedPerson {
  /** The appointment: an EVALUATION_EXPERT certification valid from issuedOn through validUntil. */
  issuedOn: string;
  validUntil: string;
  positions?: Omit<SeedPosition, 'person'>[];
}

const APPOINTED = { issuedOn: '2019-03-15', validUntil: '2022-03-14' };

export const EXPERTS: SeedExpert[] = [
  { key: 'expert-zhou-wenbin', name: '周文斌', ...APPOINTED },
  {
    key: 'expert-shen-lihua',
    name: '沈丽华',
    ...APPOINTED,
    positions: [{ org: 'garment', role: PositionRole.SECRETARY_GENERAL, validFrom: '2016-05-01' }],
  },
  // Left the Wenzhou chamber on 2018-10-31: less than two years before a 2020 campaign.
  {
    key: 'expert-wu-jianguo',
    name: '吴建国',
    ...APPOINTED,
    positions: [{ org: 'wenzhou', role: PositionRole.FULL_TIME_STAFF, validFrom: '2014-03-01', validTo: '2018-10-31' }],
  },
  // Left in 2016: more than two years before, no recusal.
  {
    key: 'expert-chen-meiling',
    name: '陈美玲',
    ...APPOINTED,
    positions: [
      {
        org: 'grassroots-haining-changan',
        role: PositionRole.PRESIDENT,
        validFrom: '2009-01-01',
        validTo: '2016-12-31',
      },
    ],
  },
  {
    key: 'expert-xu-zhiyuan',
    name: '徐志远',
    ...APPOINTED,
    positions: [{ org: 'fashion', role: PositionRole.FULL_TIME_STAFF, validFrom: '2018-01-01' }],
  },
  {
    key: 'expert-lu-haiyan',
    name: '陆海燕',
    ...APPOINTED,
    positions: [{ org: 'hubei', role: PositionRole.SECRETARY_GENERAL, validFrom: '2012-01-01', validTo: '2019-06-30' }],
  },
  { key: 'expert-jin-weiqiang', name: '金伟强', ...APPOINTED },
  { key: 'expert-fang-xiaomei', name: '方晓梅', ...APPOINTED },
  { key: 'expert-gu-mingde', name: '顾明德', ...APPOINTED },
  // Appointment ran out in 2018: not in the pool for 2020.
  { key: 'expert-yu-guofang', name: '俞国芳', issuedOn: '2015-03-16', validUntil: '2018-03-15' },
];

/** Committee members who are not experts (officials and Federation leaders are seeded elsewhere). */
export const COMMITTEE_PEOPLE: SeedPerson[] = [
  { key: 'committee-zhao-hong', name: '赵红' },
  { key: 'committee-ma-jun', name: '马军' },
  { key: 'committee-he-ping', name: '何平' },
  { key: 'committee-tang-li', name: '唐丽' },
  { key: 'committee-liang-yu', name: '梁宇' },
];

export const COMMITTEE_MEMBERS: Record<string, string[]> = {
  'evaluation-committee': [
    'leader-vice-lu',
    'leader-vice-yao',
    'expert-zhou-wenbin',
    'expert-fang-xiaomei',
    'expert-gu-mingde',
    'committee-zhao-hong',
    'committee-ma-jun',
  ],
  'review-committee': [
    'leader-chair',
    'leader-secretary',
    'committee-he-ping',
    'committee-tang-li',
    'committee-liang-yu',
  ],
};

export const EXPERT_PEOPLE: SeedPerson[] = [...EXPERTS.map(({ key, name }) => ({ key, name })), ...COMMITTEE_PEOPLE];

export const EXPERT_POSITIONS: SeedPosition[] = [
  ...EXPERTS.flatMap((e) => (e.positions ?? []).map((p) => ({ ...p, person: e.key }))),
  ...Object.entries(COMMITTEE_MEMBERS).flatMap(([org, people]) =>
    people.map((person) => ({ person, org, role: PositionRole.COMMITTEE_MEMBER, validFrom: COMMITTEES_SINCE })),
  ),
];
