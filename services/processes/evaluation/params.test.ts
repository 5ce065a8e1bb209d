import { describe, expect, it } from 'vitest';
import { campaignParams, defaultParams } from './params.js';
import { DAY } from '../../../workflows/common/time.js';

describe('a campaign’s parameters', () => {
  it('takes the defaults, and overrides of cut-offs and deadlines in part', () => {
    expect(campaignParams(2030, 'RATING', {})).toEqual({ params: defaultParams(2030, 'RATING'), problems: [] });
    const { params, problems } = campaignParams(2030, 'RATING', { cutoffs: { A1: 550 }, deadlinesMs: { vote: DAY } });
    expect(problems).toEqual([]);
    expect(params.cutoffs).toEqual({ A5: 900, A4: 800, A3: 700, A2: 600, A1: 550 });
    expect(params.deadlinesMs).toMatchObject({ vote: DAY, invite: 14 * DAY });
  });

  it('names every field that makes no sense', () => {
    const fields = (overrides: Record<string, unknown>) =>
      campaignParams(2030, 'FOUR_GOOD', overrides).problems.map((p) => p.field);
    expect(fields({ noticeDays: 0 })).toEqual(['params.noticeDays']);
    expect(fields({ noticeDays: 2.5, spreadLimit: -1 })).toEqual(['params.noticeDays', 'params.spreadLimit']);
    expect(fields({ year: 2031 })).toEqual(['params.year']);
    expect(fields({ cutoffs: { A2: 700 } })).toEqual(['params.cutoffs.A2']);
    expect(fields({ cutoffs: { A6: 1 } })).toEqual(['params.cutoffs.A6']);
    expect(fields({ cutoffs: 'high' })).toEqual(['params.cutoffs']);
    expect(fields({ rewardsFen: { A5: -1 } })).toEqual(['params.rewardsFen.A5']);
    expect(fields({ deadlinesMs: { vote: 1000 } })).toEqual(['params.deadlinesMs.vote']);
    expect(fields({ deadlinesMs: { later: DAY } })).toEqual(['params.deadlinesMs.later']);
    expect(fields({ recusalEdgeTypes: ['member of'] })).toEqual(['params.recusalEdgeTypes']);
    expect(fields({ rerateAfterTwoYears: 'yes' })).toEqual(['params.rerateAfterTwoYears']);
  });
});
