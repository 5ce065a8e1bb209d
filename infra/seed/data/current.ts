import { Grade } from '../../../services/registry/entities/kinds.js';
import { InspectionResult as I, ListKind, PenaltyKind } from '../../../services/registry/entities/evaluation-kinds.js';
import { addDays } from '../../../services/common/dates.js';
import {
  REGISTERED,
  REGISTERED_ON,
  type SeedInspection,
  type SeedListEntry,
  type SeedPenalty,
} from './evaluation-facts.js';
import { EXPERTS, type SeedExpert } from './experts.js';
import type { SeedRating } from './honours-ratings.js';

// What a walk-through or a Schedule needs "now", placed relative to the day the seed runs
// (`today`, an Asia/Shanghai day: HUB_SEED_TODAY or the seed's argument). The report's own
// facts (2019 and before) stay in their files, fixed; nothing here is dated 2019 or earlier,
// so every 2019 figure of `statistics` stays as it is. Keys carry their year or term, so a
// seed run a year later adds that year's rows next to the old ones and changes none.

/** The report's last year: everything after it is relative to today. */
export const REPORT_YEAR = 2019;

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * Inspections (年检) for every year after the report up to last year, so a campaign for any
 * year since finds its "last year's inspection". Mostly 合格; counted from the current year
 * back, the same kinds of failure the report's year has, so the current year's campaign
 * finds ineligible organisations with their reasons too.
 */
const RECENT_RESULTS: Record<string, Record<number, I>> = {
  textile: { 1: I.MISSED }, // missed last year's inspection
  'grassroots-nanhu-xinfeng': { 1: I.FAIL }, // failed it
  'jiashan-wenzhou': { 1: I.BASIC_PASS, 2: I.BASIC_PASS }, // basically passed two years running
  'grassroots-jiashan-tianning': { 1: I.BASIC_PASS }, // once only: still eligible
};

export function recentInspections(today: string): SeedInspection[] {
  const thisYear = yearOf(today);
  const years = Array.from({ length: Math.max(0, thisYear - 1 - REPORT_YEAR) }, (_, i) => REPORT_YEAR + 1 + i);
  return REGISTERED.flatMap((org) =>
    years
      .filter((year) => yearOf(REGISTERED_ON[org]) <= year)
      .map((year) => ({ org, year, result: RECENT_RESULTS[org]?.[thisYear - year] ?? I.PASS })),
  );
}

/** Last year's penalty bars this year's campaign; one decided two years ago is still being served. */
export function recentPenalties(today: string): SeedPenalty[] {
  const lastYear = yearOf(today) - 1;
  if (lastYear - 1 <= REPORT_YEAR) return [];
  return [
    {
      key: `recent:leather:${lastYear}`,
      org: 'leather',
      decidedOn: `${lastYear}-06-10`,
      authority: '嘉兴市民政局',
      kind: PenaltyKind.WARNING,
      documentNumber: `嘉民罚字〔${lastYear}〕12号`,
      description: '未按规定办理负责人变更登记，予以警告',
    },
    {
      key: `recent:auto-parts:${lastYear - 1}`,
      org: 'auto-parts',
      decidedOn: `${lastYear - 1}-10-15`,
      authority: '嘉兴市民政局',
      kind: PenaltyKind.SUSPENSION,
      documentNumber: `嘉民罚字〔${lastYear - 1}〕31号`,
      description: '违规收取会员费用，责令停止活动十八个月',
      servedUntil: `${lastYear + 1}-04-14`,
    },
  ];
}

/** On the abnormal-activity list since last summer, not yet removed. */
export function recentListEntries(today: string): SeedListEntry[] {
  const lastYear = yearOf(today) - 1;
  if (lastYear <= REPORT_YEAR) return [];
  return [
    {
      org: 'grassroots-tongxiang-zhouquan',
      list: ListKind.ABNORMAL_ACTIVITY,
      listedOn: `${lastYear}-08-12`,
      reason: '未按规定报送上一年度工作报告',
    },
  ];
}

/** The reviewer pool serves three-year terms from 15 March 2019; each term since, up to today's. */
export function expertTerms(today: string): { issuedOn: string; validUntil: string }[] {
  const terms: { issuedOn: string; validUntil: string }[] = [];
  for (let start = REPORT_YEAR + 3; `${start}-03-15` <= today; start += 3)
    terms.push({ issuedOn: `${start}-03-15`, validUntil: `${start + 3}-03-14` });
  return terms;
}

/** The experts of the report's pool (not the one whose appointment ran out) in each later term. */
export function reappointedExperts(today: string): SeedExpert[] {
  const pool = EXPERTS.filter((e) => e.validUntil > '2020-01-01');
  return expertTerms(today).flatMap((term) => pool.map((e) => ({ key: e.key, name: e.name, ...term })));
}

/**
 * Grades renewed the year before last (the report's grades have lapsed by now), so a buyer who
 * asks for 3A finds bidders; the Wenzhou chamber's has lapsed, so this year's rating campaign
 * may invite it.
 */
export function renewedRatings(today: string): SeedRating[] {
  const awardedOn = `${yearOf(today) - 2}-12-18`;
  if (yearOf(awardedOn) <= REPORT_YEAR) return [];
  const grades: [string, Grade][] = [
    ['hubei', Grade.A5],
    ['fashion', Grade.A5],
    ['garment', Grade.A4],
    ['solar', Grade.A4],
    ['henan', Grade.A3],
    ['lishui', Grade.A3],
  ];
  return grades.map(([org, grade]) => ({ org, grade, awardedOn }));
}

/** The training course of the walk-through: applications open for the next thirty days. */
export const courseStart = (today: string) => addDays(today, 30);
