import { Grade, HonourLevel } from '../../../services/registry/entities/kinds.js';
import { CITY_ASSOCIATION_KEYS } from './chambers.js';

// 四好商会 honours and social-organization grades. The report's figures (31 Four-Good chambers:
// national 2, provincial 7, municipal 22; 45 city-level associations rated 3A or above: 5A 11,
// 4A 17, 3A 17) hold on 2019-12-31. Lower grades, lapsed grades (older than five years), a
// revoked grade and county-level grades are seeded too, so the statistics must apply the rules.

export interface SeedHonour {
  org: string;
  level: HonourLevel;
  year: number;
}
export interface SeedRating {
  org: string;
  grade: Grade;
  awardedOn: string;
  revokedOn?: string;
}

const honours = (level: HonourLevel, byYear: Record<number, string[]>): SeedHonour[] =>
  Object.entries(byYear).flatMap(([year, orgs]) => orgs.map((org) => ({ org, level, year: Number(year) })));

export const SEED_HONOURS: SeedHonour[] = [
  ...honours(HonourLevel.NATIONAL, { 2018: ['wenzhou'], 2019: ['grassroots-tongxiang-puyuan'] }),
  ...honours(HonourLevel.PROVINCIAL, {
    2017: ['grassroots-haining-xucun'],
    2018: ['hubei', 'garment', 'grassroots-jiashan-xitang'],
    2019: ['fashion', 'haining-wenzhou', 'grassroots-pinghu-danghu'],
  }),
  ...honours(HonourLevel.MUNICIPAL, {
    2017: [
      'henan',
      'knitwear',
      'auto-parts',
      'women-entrepreneurs',
      'jiashan-wenzhou',
      'grassroots-haiyan-wuyuan',
      'grassroots-xiuzhou-honghe',
    ],
    2018: [
      'solar',
      'leather',
      'import-export',
      'tongxiang-wenzhou',
      'grassroots-nanhu-qixing',
      'grassroots-haining-changan',
      'grassroots-nanhu-daqiao',
    ],
    2019: [
      'lishui',
      'furniture',
      'electronics',
      'young-entrepreneurs',
      'pinghu-wenzhou',
      'grassroots-xiuzhou-wangjiangjing',
      'grassroots-tongxiang-chongfu',
      'grassroots-jiashan-yaozhuang',
    ],
  }),
];

/** City-level chambers, the better-known first; each takes the next grade in the plan below. */
const CITY_LEVEL = [
  'wenzhou',
  'fashion',
  'hubei',
  'solar',
  'henan',
  'lishui',
  ...CITY_ASSOCIATION_KEYS.filter((k) => k !== 'fashion' && k !== 'solar'),
];

const PLAN: Grade[] = [
  ...Array<Grade>(11).fill(Grade.A5),
  ...Array<Grade>(17).fill(Grade.A4),
  ...Array<Grade>(17).fill(Grade.A3),
  Grade.A2,
  Grade.A2,
  Grade.A2,
  Grade.A1,
  Grade.A1,
];

/** One award day per rating, spread over 2015-01 … 2019-11, so each lapses on its own day. */
function awardDay(index: number): string {
  const day = new Date(Date.UTC(2015, 0, 6) + index * 34 * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const BY = '嘉兴市民政局';
const current: SeedRating[] = PLAN.map((grade, i) => ({ org: CITY_LEVEL[i], grade, awardedOn: awardDay(i) }));
const [expiredA, expiredB, expiredC, revoked] = CITY_LEVEL.slice(PLAN.length, PLAN.length + 4) as [
  string,
  string,
  string,
  string,
];

export const SEED_RATINGS: (SeedRating & { awardedBy: string })[] = [
  ...current,
  // Re-rated: an older grade that has lapsed; the current one is the later award.
  { org: 'hubei', grade: Grade.A4, awardedOn: '2013-11-20' },
  { org: 'solar', grade: Grade.A3, awardedOn: '2014-04-16' },
  { org: CITY_LEVEL[20], grade: Grade.A3, awardedOn: '2014-09-09' },
  { org: CITY_LEVEL[40], grade: Grade.A2, awardedOn: '2013-06-25' },
  // Lapsed and not renewed.
  { org: expiredA, grade: Grade.A4, awardedOn: '2014-03-10' },
  { org: expiredB, grade: Grade.A3, awardedOn: '2014-06-18' },
  { org: expiredC, grade: Grade.A5, awardedOn: '2013-12-02' },
  // Withdrawn early (e.g. after a violation).
  { org: revoked, grade: Grade.A4, awardedOn: '2017-05-22', revokedOn: '2019-08-20' },
  // County-level associations: graded, but not part of the city-level figure.
  { org: 'haining-warp-knitting', grade: Grade.A4, awardedOn: '2018-06-12' },
  { org: 'tongxiang-knitwear', grade: Grade.A3, awardedOn: '2019-03-08' },
].map((rating) => ({
  ...rating,
  awardedBy: rating.org.startsWith('haining')
    ? '海宁市民政局'
    : rating.org.startsWith('tongxiang')
      ? '桐乡市民政局'
      : BY,
}));
