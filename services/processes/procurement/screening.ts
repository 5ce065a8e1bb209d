import { addYears } from '../../common/dates.js';
import type { EligibilityRules } from '../../../workflows/procurement/types.js';

// Screening at closing (资格审查): each bid against the registry as it stood on the closing day,
// every refusal in words. Plain functions over the facts the activity read, so tests call them.

export interface BidderFacts {
  id: string;
  name: string;
  kind: string;
  registeredOn: string | null;
  endedOn: string | null;
  ratings: { grade: string; awardedOn: string; revokedOn: string | null }[];
  penalties: { decidedOn: string; authority: string; servedUntil: string | null }[];
  listEntries: { list: 'ABNORMAL_ACTIVITY' | 'SERIOUS_VIOLATION'; listedOn: string; removedOn: string | null }[];
  creditRecord: { kind: string; outcome: string | null; recordedOn: string }[];
  /** People heading it (president, secretary-general) on the closing day. */
  heads: string[];
  /** Live edges on the closing day: the other end and the type. */
  edges: { type: string; otherId: string }[];
}

const KIND_WORDS: Record<string, string> = {
  INDUSTRY_ASSOCIATION: '行业协会商会',
  OUT_OF_TOWN_CHAMBER: '异地商会',
  GRASSROOTS_CHAMBER: '基层商会',
  ENTERPRISE: '企业',
  FOUNDATION: '基金会',
};
/** Edges that make two bidders one supplier in law: direct management or control (政府采购法实施条例 第十八条). */
export const CONTROL_EDGES = ['SUPERVISES', 'FOUNDED', 'BRANCH_OF'];

const gradeValue = (grade: string) => Number(grade.slice(1));
/** The grade in force on a day: awarded by then, not revoked, within its five years. */
export function gradeInForce(ratings: BidderFacts['ratings'], day: string): string | null {
  const live = ratings
    .filter((r) => r.awardedOn <= day && (!r.revokedOn || r.revokedOn > day) && addYears(r.awardedOn, 5) >= day)
    .sort((a, b) => b.awardedOn.localeCompare(a.awardedOn))[0];
  return live?.grade ?? null;
}

/** Why one bidder may not bid, on its own facts (empty when it may). */
export function bidderReasons(org: BidderFacts, rules: EligibilityRules, day: string): string[] {
  const reasons: string[] = [];
  const threeYearsBefore = addYears(day, -3);
  if (org.endedOn && org.endedOn <= day) reasons.push(`已于 ${org.endedOn} 注销`);
  if (!rules.kinds.includes(org.kind))
    reasons.push(`组织类型（${KIND_WORDS[org.kind] ?? org.kind}）不在本项目允许的范围内`);
  if (
    rules.minimumYearsRegistered > 0 &&
    (!org.registeredOn || addYears(org.registeredOn, rules.minimumYearsRegistered) > day)
  ) {
    reasons.push(`登记未满 ${rules.minimumYearsRegistered} 年（登记日期 ${org.registeredOn ?? '不详'}）`);
  }
  if (rules.minimumGrade) {
    const grade = gradeInForce(org.ratings, day);
    if (!grade || gradeValue(grade) < gradeValue(rules.minimumGrade)) {
      reasons.push(
        `截止日（${day}）无有效的 ${gradeValue(rules.minimumGrade)}A 及以上等级${grade ? `（现为 ${gradeValue(grade)}A）` : ''}`,
      );
    }
  }
  for (const penalty of org.penalties) {
    if (penalty.decidedOn > threeYearsBefore && penalty.decidedOn <= day)
      reasons.push(`近三年内有重大违法记录：${penalty.decidedOn} 受到${penalty.authority}行政处罚`);
  }
  for (const entry of org.listEntries) {
    const listed = entry.listedOn <= day;
    if (entry.list === 'SERIOUS_VIOLATION' && listed && (!entry.removedOn || entry.removedOn > threeYearsBefore)) {
      reasons.push(`近三年内列入严重违法失信名单（${entry.listedOn}）`);
    }
    if (entry.list === 'ABNORMAL_ACTIVITY' && listed && (!entry.removedOn || entry.removedOn > day))
      reasons.push(`截止日列入活动异常名录（${entry.listedOn}）`);
  }
  for (const entry of org.creditRecord) {
    if (
      entry.kind === 'PERFORMANCE' &&
      entry.outcome === 'FAIL' &&
      entry.recordedOn > threeYearsBefore &&
      entry.recordedOn <= day
    ) {
      reasons.push(`近三年内政府购买服务履约评价不合格（${entry.recordedOn}）`);
    }
  }
  return reasons;
}

/**
 * Why bidders may not bid together: two suppliers with the same head, or one managing or
 * controlling the other, may not both bid for one contract; both bids fall.
 */
export function relatedBidderReasons(bidders: BidderFacts[]): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  const add = (id: string, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);
  for (const [i, a] of bidders.entries()) {
    for (const b of bidders.slice(i + 1)) {
      const edge = a.edges.find((e) => e.otherId === b.id && CONTROL_EDGES.includes(e.type));
      if (edge) {
        add(a.id, `与投标人${b.name}存在直接管理或控股关系（${edge.type}），不得同时投标`);
        add(b.id, `与投标人${a.name}存在直接管理或控股关系（${edge.type}），不得同时投标`);
      }
      if (a.heads.some((person) => b.heads.includes(person))) {
        add(a.id, `与投标人${b.name}的负责人为同一人，不得同时投标`);
        add(b.id, `与投标人${a.name}的负责人为同一人，不得同时投标`);
      }
    }
  }
  return reasons;
}
