import { hasControlCharacters } from '../human-task/form.js';
import type { Bid, ContractTerms, Need, Weights } from './types.js';
import { DAY } from '../common/time.js';
import { chinaDay } from '../common/china-time.js';

// The procurement's rules as plain functions (政府购买服务管理办法, 财政部令第102号): the workflow's
// validators and the resolvers call the same ones, and tests call them directly. Deterministic,
// so they may run inside a workflow.

export interface Problem {
  field: string;
  message: string;
}

const CHINA = 8 * 3_600_000;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export { chinaDay };
/** The last millisecond of a Beijing calendar day: a deliverable due on a day may come all that day. */
export const endOfChinaDay = (day: string): number => Date.parse(`${day}T00:00:00Z`) - CHINA + DAY - 1;
/** The same day `years` later (29 February becomes 28 February). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function textProblem(value: unknown, field: string, max: number): Problem | undefined {
  if (typeof value !== 'string' || !value.trim()) return { field, message: `${field} must not be empty` };
  if (value.length > max) return { field, message: `${field} is longer than ${max} characters` };
  if (hasControlCharacters(value)) return { field, message: `${field} contains control characters; remove them` };
  return undefined;
}

/** Price and technical weights in whole percent summing to 100; for services price weighs 10–30 %. */
export function weightProblems(weights: Weights): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(weights.price) || !Number.isInteger(weights.technical))
    problems.push({ field: 'weights', message: 'weights are whole percentages' });
  else if (weights.price + weights.technical !== 100)
    problems.push({
      field: 'weights',
      message: `price and technical weights must sum to 100, not ${weights.price + weights.technical}`,
    });
  else if (weights.price < 10 || weights.price > 30)
    problems.push({
      field: 'weights.price',
      message: `the price weight of a service procurement is 10 to 30 percent, not ${weights.price}`,
    });
  return problems;
}

/** A committee of at least three members, an odd number, nobody twice (评审委员会 三人以上单数). */
export function committeeProblems(committee: string[]): Problem[] {
  if (new Set(committee).size !== committee.length)
    return [{ field: 'committee', message: 'a committee member is named twice' }];
  if (committee.length < 3 || committee.length % 2 === 0) {
    return [
      {
        field: 'committee',
        message: `the committee needs an odd number of members, at least three (not ${committee.length})`,
      },
    ];
  }
  return [];
}

/** Whether a bid may be taken now: the window is open, the price within the budget, the proposal sound. */
export function bidProblems(
  need: Pick<Need, 'budgetFen'>,
  window: { open: boolean },
  bid: { priceFen: number; proposal: string },
): Problem[] {
  if (!window.open)
    return [{ field: 'procurementId', message: 'Bidding has closed for this procurement; late bids are refused' }];
  const problems: Problem[] = [];
  if (!Number.isSafeInteger(bid.priceFen) || bid.priceFen <= 0)
    problems.push({ field: 'priceFen', message: 'priceFen must be a whole number of fen above 0' });
  else if (bid.priceFen > need.budgetFen)
    problems.push({
      field: 'priceFen',
      message: `the price (${bid.priceFen} fen) is over the budget (${need.budgetFen} fen)`,
    });
  const proposal = textProblem(bid.proposal, 'proposal', 2000);
  if (proposal) problems.push(proposal);
  return problems;
}

/**
 * A contract's terms against the rules: a term of at most one year (three for a stable
 * recurring service), milestones inside the term whose shares sum to 100 %, and no
 * subcontracting of the main work.
 */
export function contractProblems(terms: ContractTerms, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!isCalendarDate(terms.startsOn))
    problems.push({ field: 'startsOn', message: 'startsOn must be a calendar date (YYYY-MM-DD)' });
  if (!isCalendarDate(terms.endsOn))
    problems.push({ field: 'endsOn', message: 'endsOn must be a calendar date (YYYY-MM-DD)' });
  if (problems.length) return problems;
  if (terms.startsOn < today)
    problems.push({ field: 'startsOn', message: `the contract cannot start before today (${today})` });
  if (terms.endsOn < terms.startsOn) problems.push({ field: 'endsOn', message: 'endsOn is before startsOn' });
  const years = terms.recurring ? 3 : 1;
  const lastDay = addDays(addYears(terms.startsOn, years), -1);
  if (terms.endsOn > lastDay) {
    problems.push({
      field: 'endsOn',
      message: terms.recurring
        ? `a recurring service's contract runs at most three years: it must end by ${lastDay}`
        : `a contract runs at most one year (three for a recurring service): it must end by ${lastDay}`,
    });
  }
  if (terms.milestones.length === 0 || terms.milestones.length > 24)
    problems.push({ field: 'milestones', message: 'a contract has 1 to 24 milestones' });
  let total = 0;
  terms.milestones.forEach((m, i) => {
    const field = `milestones[${i}]`;
    const deliverable = textProblem(m.deliverable, `${field}.deliverable`, 500);
    if (deliverable) problems.push(deliverable);
    if (!isCalendarDate(m.dueOn))
      problems.push({ field: `${field}.dueOn`, message: 'dueOn must be a calendar date (YYYY-MM-DD)' });
    else if (m.dueOn < terms.startsOn || m.dueOn > terms.endsOn)
      problems.push({ field: `${field}.dueOn`, message: `milestone ${i + 1} is due outside the contract's term` });
    else if (i > 0 && m.dueOn < terms.milestones[i - 1].dueOn)
      problems.push({ field: `${field}.dueOn`, message: `milestone ${i + 1} is due before milestone ${i}` });
    if (!Number.isInteger(m.sharePercent) || m.sharePercent < 1 || m.sharePercent > 100)
      problems.push({ field: `${field}.sharePercent`, message: 'a share is a whole percent from 1 to 100' });
    else total += m.sharePercent;
  });
  if (terms.milestones.length && total !== 100 && !problems.some((p) => p.field.endsWith('sharePercent'))) {
    problems.push({ field: 'milestones', message: `the milestones' shares must sum to 100 percent, not ${total}` });
  }
  terms.subcontracts.forEach((s, i) => {
    if (s.mainWork)
      problems.push({
        field: `subcontracts[${i}]`,
        message: `the main work may not be subcontracted (主体工作不得分包): ${s.work}`,
      });
    const work = textProblem(s.work, `subcontracts[${i}].work`, 500);
    if (work) problems.push(work);
  });
  return problems;
}

/** Each milestone's payment in fen: its share of the price, the last taking the rounding, so they sum to the price. */
export function paymentAmounts(priceFen: number, shares: number[]): number[] {
  const amounts = shares.map((share) => Math.floor((priceFen * share) / 100));
  amounts[amounts.length - 1] += priceFen - amounts.reduce((a, b) => a + b, 0);
  return amounts;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The ranking (综合评分法): the lowest price scores 100 on price and the others in proportion;
 * the technical score is the mean of the members who scored; weights give the total. Ties go
 * to the lower price, then the earlier bid.
 */
export function rankBids(bids: Bid[], weights: Weights): Bid[] {
  if (!bids.length) return [];
  const lowest = Math.min(...bids.map((b) => b.priceFen));
  const scored = bids.map((bid) => {
    const scores = Object.values(bid.technicalScores);
    const technical = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
    const priceScore = round2((lowest / bid.priceFen) * 100);
    return { ...bid, priceScore, total: round2((priceScore * weights.price + technical * weights.technical) / 100) };
  });
  scored.sort((a, b) => b.total - a.total || a.priceFen - b.priceFen || a.submittedAt - b.submittedAt);
  return scored.map((bid, i) => ({ ...bid, rank: i + 1 }));
}

export const PERFORMANCE_WEIGHTS = { BUYER: 40, SERVICE_USER: 40, EXPERT: 20 } as const;

/** The performance score: buyer 40 %, service users 40 %, the expert 20 %, over those who scored. */
export function performanceScore(scores: { role: keyof typeof PERFORMANCE_WEIGHTS; score: number }[]): number | null {
  const weight = scores.reduce((sum, s) => sum + PERFORMANCE_WEIGHTS[s.role], 0);
  if (!weight) return null;
  return round2(scores.reduce((sum, s) => sum + s.score * PERFORMANCE_WEIGHTS[s.role], 0) / weight);
}

/** 优秀 90+, 良好 75+, 合格 60+, 不合格 below; a contract terminated for default fails. */
export function performanceOutcome(score: number | null, terminated: boolean): 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' {
  if (terminated || score === null || score < 60) return 'FAIL';
  if (score >= 90) return 'EXCELLENT';
  return score >= 75 ? 'GOOD' : 'PASS';
}

export const OUTCOME_WORDS = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' } as const;
