import type { Deadlines } from '../../../workflows/procurement/types.js';
import { DAY } from '../../../workflows/common/time.js';

/**
 * How long each step may take (README, "Government service procurement"): the committee scores
 * within 5 days, the head approves within 5, objections are reviewed within 15, the contract is
 * signed within 30 days of the award (政府采购法 第四十六条), acceptance within 10.
 */
export const DEFAULT_DEADLINES: Deadlines = {
  scoring: 5 * DAY,
  award: 5 * DAY,
  ballot: 15 * DAY,
  failed: 10 * DAY,
  acceptance: 10 * DAY,
  overdue: 5 * DAY,
  review: 15 * DAY,
  contract: 30 * DAY,
};

/** Who may bid unless the need says otherwise: social organisations (and enterprises may be allowed). */
export const BIDDER_KINDS = [
  'INDUSTRY_ASSOCIATION',
  'OUT_OF_TOWN_CHAMBER',
  'GRASSROOTS_CHAMBER',
  'FOUNDATION',
  'ENTERPRISE',
] as const;
export const DEFAULT_BIDDER_KINDS = ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER'];
export const GRADES = ['A1', 'A2', 'A3', 'A4', 'A5'] as const;
