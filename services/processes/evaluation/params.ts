import { DEFAULT_CUTOFFS, GRADES, type Grade } from '../../../workflows/evaluation/rules.js';
import type { CampaignParams, Track } from '../../../workflows/evaluation/types.js';
import { DAY, HOUR } from '../../../workflows/common/time.js';

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

export interface ParamsProblem {
  /** The argument's path, e.g. `params.cutoffs.A4`. */
  field: string;
  message: string;
}

const KEYS = new Set([
  'cutoffs',
  'noticeDays',
  'reviewersPerApplication',
  'spreadLimit',
  'rerateAfterTwoYears',
  'recusalEdgeTypes',
  'rewardsFen',
  'deadlinesMs',
]);
const DEADLINES = ['invite', 'selfAssessment', 'review', 'vote', 'ballot'] as const;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const wholeIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * A campaign's parameters: the defaults with an admin's overrides (`cutoffs` and `deadlinesMs`
 * may be given in part), and every problem of the overrides, each naming its field; a campaign
 * starts only when there is none.
 */
export function campaignParams(
  year: number,
  track: Track,
  overrides: Record<string, unknown>,
): { params: CampaignParams; problems: ParamsProblem[] } {
  const defaults = defaultParams(year, track);
  const problems: ParamsProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field: `params.${field}`, message });
  for (const key of Object.keys(overrides))
    if (!KEYS.has(key)) problem(key, `没有名为 ${key} 的参数；可设：${[...KEYS].join('、')}（年度和类别另作参数给出）`);
  for (const key of ['cutoffs', 'deadlinesMs', 'rewardsFen'])
    if (key in overrides && !isObject(overrides[key])) problem(key, `${key} 应为对象`);
  const part = (key: string) => (isObject(overrides[key]) ? overrides[key] : {});
  const params = {
    ...defaults,
    ...overrides,
    cutoffs: { ...defaults.cutoffs, ...part('cutoffs') },
    deadlinesMs: { ...defaults.deadlinesMs, ...part('deadlinesMs') },
    rewardsFen: isObject(overrides.rewardsFen) ? overrides.rewardsFen : defaults.rewardsFen,
    year,
    track,
  };

  if (!wholeIn(params.noticeDays, 1, 60)) problem('noticeDays', '公示天数应为 1 到 60 的整数');
  if (!wholeIn(params.reviewersPerApplication, 1, 15))
    problem('reviewersPerApplication', '每份申请的评审专家人数应为 1 到 15 的整数');
  if (!wholeIn(params.spreadLimit, 0, 1000)) problem('spreadLimit', '评分差额上限应为 0 到 1000 的整数');
  if (typeof params.rerateAfterTwoYears !== 'boolean') problem('rerateAfterTwoYears', '应为 true 或 false');
  if (
    !Array.isArray(params.recusalEdgeTypes) ||
    params.recusalEdgeTypes.length > 20 ||
    !params.recusalEdgeTypes.every((t) => typeof t === 'string' && /^[A-Z][A-Z_]{0,39}$/.test(t))
  )
    problem('recusalEdgeTypes', '回避关系应为关系类型代码的列表（如 MEMBER_OF），至多 20 个');
  for (const grade of Object.keys(part('cutoffs')))
    if (!(GRADES as readonly string[]).includes(grade)) problem(`cutoffs.${grade}`, `没有 ${grade} 这一等级`);
  GRADES.forEach((grade, i) => {
    const points = params.cutoffs[grade];
    if (!wholeIn(points, 0, 1000)) problem(`cutoffs.${grade}`, `${grade} 的分数线应为 0 到 1000 的整数`);
    else if (i > 0 && wholeIn(params.cutoffs[GRADES[i - 1]], 0, 1000) && points >= params.cutoffs[GRADES[i - 1]])
      problem(`cutoffs.${grade}`, `${grade} 的分数线应低于 ${GRADES[i - 1]} 的（${params.cutoffs[GRADES[i - 1]]} 分）`);
  });
  for (const [grade, fen] of Object.entries(params.rewardsFen ?? {})) {
    if (!(GRADES as readonly string[]).includes(grade)) problem(`rewardsFen.${grade}`, `没有 ${grade} 这一等级`);
    else if (!wholeIn(fen, 0, 1_000_000_000)) problem(`rewardsFen.${grade}`, '奖励金额应为不小于 0 的整数（分）');
  }
  for (const key of Object.keys(part('deadlinesMs')))
    if (!(DEADLINES as readonly string[]).includes(key))
      problem(`deadlinesMs.${key}`, `没有名为 ${key} 的期限；可设：${DEADLINES.join('、')}`);
  for (const key of DEADLINES)
    if (!wholeIn(params.deadlinesMs[key], HOUR, 365 * DAY))
      problem(`deadlinesMs.${key}`, '期限应为 1 小时到 365 天之间的毫秒数');
  return { params, problems };
}
