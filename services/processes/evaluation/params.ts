import { DEFAULT_CUTOFFS, type Grade } from '../../../workflows/evaluation/rules.js';
import type { CampaignParams, Track } from '../../../workflows/evaluation/types.js';
import { DAY } from '../../../workflows/common/time.js';

/**
 * A campaign's defaults (README, "Annual evaluation"): one county's cut-offs, 7 days of public
 * notice, 3 reviewers, one more when their totals differ by over 100 points, and the rewards
 * the reward fund grants per grade (fen).
 */
export function defaultParams(year: number, track: Track): CampaignParams {
  const rewardsFen: Partial<Record<Grade, number>> =
    track === 'RATING'
      ? { A5: 5_000_000, A4: 3_000_000, A3: 1_000_000 }
      : { A5: 2_000_000, A4: 2_000_000, A3: 2_000_000 };
  return {
    year,
    track,
    cutoffs: DEFAULT_CUTOFFS,
    noticeDays: 7,
    reviewersPerApplication: 3,
    spreadLimit: 100,
    rerateAfterTwoYears: false,
    recusalEdgeTypes: ['MEMBER_OF', 'SUPERVISES', 'BANK_PAIRING', 'COLLEGE_PARTNERSHIP', 'FOUNDED'],
    rewardsFen,
    deadlinesMs: { invite: 14 * DAY, selfAssessment: 30 * DAY, review: 14 * DAY, vote: 7 * DAY, ballot: 15 * DAY },
  };
}
