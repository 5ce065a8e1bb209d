import type { Bilingual } from '../shell/i18n';
import { PROCUREMENT_METHODS } from '../shell/procurement-methods';

// Procurement's own codes in words (the stages come from the hub's catalog, useCatalogWords):
// methods, bid statuses, milestone statuses, objection and review outcomes, bidder kinds, grades.

type Table = Record<string, Bilingual & { color?: string }>;

export const METHODS: Table = PROCUREMENT_METHODS;

export const BID_STATUSES: Table = {
  SUBMITTED: { zh: '已投标', en: 'Submitted', color: 'blue' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
  ELIGIBLE: { zh: '资格审查通过', en: 'Eligible', color: 'processing' },
  REJECTED: { zh: '资格审查未通过', en: 'Screened out', color: 'error' },
  AWARDED: { zh: '中标', en: 'Awarded', color: 'success' },
  NOT_AWARDED: { zh: '未中标', en: 'Not awarded', color: 'default' },
  SET_ASIDE: { zh: '因质疑成立被撤销', en: 'Set aside on objection', color: 'warning' },
};

export const MILESTONE_STATUSES: Table = {
  PENDING: { zh: '待交付', en: 'Pending', color: 'blue' },
  SUBMITTED: { zh: '待验收', en: 'Awaiting acceptance', color: 'gold' },
  REJECTED: { zh: '验收未通过', en: 'Rejected', color: 'error' },
  OVERDUE: { zh: '已逾期', en: 'Overdue', color: 'error' },
  PAID: { zh: '已验收并支付', en: 'Accepted and paid', color: 'success' },
};

export const OBJECTION_OUTCOMES: Table = {
  UPHELD: { zh: '维持原结果', en: 'Award upheld', color: 'default' },
  SUSTAINED: { zh: '质疑成立', en: 'Objection sustained', color: 'warning' },
  PENDING: { zh: '复核中', en: 'Under review', color: 'blue' },
};

export const PERFORMANCE_OUTCOMES: Table = {
  EXCELLENT: { zh: '优秀', en: 'Excellent', color: 'success' },
  GOOD: { zh: '良好', en: 'Good', color: 'processing' },
  PASS: { zh: '合格', en: 'Pass', color: 'blue' },
  FAIL: { zh: '不合格', en: 'Fail', color: 'error' },
};

export const BIDDER_KINDS: Table = {
  INDUSTRY_ASSOCIATION: { zh: '行业协会商会', en: 'Industry association' },
  OUT_OF_TOWN_CHAMBER: { zh: '异地商会', en: 'Out-of-town chamber' },
  GRASSROOTS_CHAMBER: { zh: '基层商会', en: 'Grassroots chamber' },
  FOUNDATION: { zh: '基金会', en: 'Foundation' },
  ENTERPRISE: { zh: '企业', en: 'Enterprise' },
};

export const GRADES: Table = {
  A1: { zh: '1A', en: '1A' },
  A2: { zh: '2A', en: '2A' },
  A3: { zh: '3A', en: '3A' },
  A4: { zh: '4A', en: '4A' },
  A5: { zh: '5A', en: '5A' },
};

/** Stages in which the agency may still cancel (before the contract). */
export const CANCELLABLE = [
  'BIDDING',
  'SCREENING',
  'SCORING',
  'AWARD_APPROVAL',
  'NOTICE',
  'OBJECTION_REVIEW',
  'FAILED',
];
