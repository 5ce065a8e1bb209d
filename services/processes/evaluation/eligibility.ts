import { addYears } from '../../common/dates.js';

// Who may take part in a campaign (参评资格), computed from registry facts read through its
// GraphQL API at the campaign's start. Every refusal is given in words (Chinese, as the
// Federation writes it), so an ineligible organisation knows why.

export type Track = 'RATING' | 'FOUR_GOOD';

export interface OrganizationFacts {
  id: string;
  name: string;
  kind: string;
  registeredOn: string | null;
  ratings: { grade: string; awardedOn: string; revokedOn: string | null }[];
  annualInspections: { year: number; result: 'PASS' | 'BASIC_PASS' | 'FAIL' | 'MISSED' }[];
  penalties: { decidedOn: string; servedUntil: string | null }[];
  listEntries: { list: 'ABNORMAL_ACTIVITY' | 'SERIOUS_VIOLATION'; listedOn: string; removedOn: string | null }[];
}

export interface EligibilityRules {
  year: number;
  track: Track;
  /** The day eligibility is judged on (the campaign's start), ISO. */
  asOf: string;
  /** A locality may let an organisation rated two or more years ago apply for a higher grade. */
  rerateAfterTwoYears: boolean;
}

export type Eligibility = { eligible: true } | { eligible: false; reasons: string[] };

const LISTS = { ABNORMAL_ACTIVITY: '活动异常名录', SERIOUS_VIOLATION: '严重违法失信名单' } as const;

function ratingReasons(org: OrganizationFacts, rules: EligibilityRules): string[] {
  const reasons: string[] = [];
  if (!org.registeredOn || addYears(org.registeredOn, 2) > rules.asOf) {
    reasons.push(`登记未满两年（登记日期 ${org.registeredOn ?? '不详'}）`);
  }
  // The grade in force on the day eligibility is judged: awarded by then, not revoked by then.
  const live = org.ratings
    .filter((r) => r.awardedOn <= rules.asOf && (!r.revokedOn || r.revokedOn > rules.asOf))
    .sort((a, b) => b.awardedOn.localeCompare(a.awardedOn))[0];
  if (live) {
    // A grade is valid five years; it may be renewed in the year its validity ends.
    const lastValidDay = addYears(live.awardedOn, 5);
    const expiresThisYear = lastValidDay <= `${rules.year}-12-31`;
    const rerate = rules.rerateAfterTwoYears && addYears(live.awardedOn, 2) <= rules.asOf;
    if (!expiresThisYear && !rerate) reasons.push(`现有等级 ${live.grade}（${live.awardedOn} 评定）有效期未满五年`);
  }
  return reasons;
}

function conductReasons(org: OrganizationFacts, rules: EligibilityRules): string[] {
  const reasons: string[] = [];
  const inspection = (year: number) => org.annualInspections.find((i) => i.year === year)?.result;
  const last = inspection(rules.year - 1);
  if (last === undefined || last === 'MISSED') reasons.push(`${rules.year - 1} 年度未参加年检`);
  if (last === 'FAIL') reasons.push(`${rules.year - 1} 年度年检不合格`);
  if (last === 'BASIC_PASS' && inspection(rules.year - 2) === 'BASIC_PASS') {
    reasons.push(`连续两年（${rules.year - 2}、${rules.year - 1}）年检基本合格`);
  }
  for (const penalty of org.penalties) {
    if (penalty.decidedOn.startsWith(String(rules.year - 1)))
      reasons.push(`${rules.year - 1} 年受到行政处罚（${penalty.decidedOn}）`);
    // Being served on the day judged: decided by then (a later decision is not yet known then).
    else if (penalty.decidedOn <= rules.asOf && penalty.servedUntil && penalty.servedUntil >= rules.asOf)
      reasons.push(`行政处罚尚在执行期（至 ${penalty.servedUntil}）`);
  }
  for (const entry of org.listEntries) {
    if (entry.listedOn <= rules.asOf && (!entry.removedOn || entry.removedOn > rules.asOf)) {
      reasons.push(`列入${LISTS[entry.list]}（${entry.listedOn}）`);
    }
  }
  return reasons;
}

export function eligibility(org: OrganizationFacts, rules: EligibilityRules): Eligibility {
  const reasons = [...(rules.track === 'RATING' ? ratingReasons(org, rules) : []), ...conductReasons(org, rules)];
  return reasons.length ? { eligible: false, reasons } : { eligible: true };
}
