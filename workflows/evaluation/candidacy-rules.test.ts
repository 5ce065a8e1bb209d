import { describe, expect, it } from 'vitest';
import { candidacyReasons, rankRecommended, recommendsUpward, type Recommended } from './candidacy-rules.js';
import type { ApplicationState } from './types.js';

// Which results the city sends upward, in what order, and the reasons the province reads.

const scores = { basicConditions: 140, internalGovernance: 285, workPerformance: 380, socialEvaluation: 145 };
const state = (
  grade: ApplicationState['grade'],
  total: number,
  extra: Partial<ApplicationState> = {},
): ApplicationState => ({
  status: 'PUBLISHED',
  selfScores: null,
  reviewers: [],
  recused: [],
  reviews: [],
  total,
  proposedGrade: grade,
  grade,
  objections: [],
  ...extra,
});
const chamber = (name: string, s: ApplicationState): Recommended => ({
  organizationId: name,
  organizationName: name,
  applicationId: `app-${name}`,
  state: s,
});

describe('the upward recommendation', () => {
  it('sends only Four-Good chambers of the top grade', () => {
    expect(recommendsUpward('FOUR_GOOD', 'A5')).toBe(true);
    expect(recommendsUpward('FOUR_GOOD', 'A4')).toBe(false);
    expect(recommendsUpward('RATING', 'A5')).toBe(false);
  });

  it('ranks by total, equal totals by name, whatever order the children ended in', () => {
    const ranked = rankRecommended(
      [
        chamber('乙商会', state('A5', 930)),
        chamber('丙商会', state('A4', 990)),
        chamber('甲商会', state('A5', 960)),
        chamber('丁商会', state('A5', 930)),
        chamber('戊商会', state(null, 0)),
      ],
      'FOUR_GOOD',
    );
    expect(ranked.map((r) => r.organizationName)).toEqual([
      '甲商会',
      ...['乙商会', '丁商会'].sort((a, b) => a.localeCompare(b)),
    ]);
  });

  it("gives the city's reasons in sentences: rank and score, the reviewers' means, the committee, the notice", () => {
    const reasons = candidacyReasons(
      state('A5', 950, {
        reviews: [
          { personId: 'a', scores, total: 950 },
          { personId: 'b', scores: { ...scores, socialEvaluation: 135 }, total: 940 },
        ],
        objections: [{ by: 'x', reason: '材料不实', outcome: 'UPHELD' }],
      }),
      2,
      3,
    );
    expect(reasons).toEqual([
      '市级评审总分 950 分，在本市推荐的 3 家商会中列第 2 位',
      '2 位评审专家平均：基础条件 140，内部治理 285，工作绩效 380，社会评价 140',
      '市评估委员会表决通过，认定为市级“四好”商会',
      '公示期间收到异议 1 件，复核均维持原结果',
    ]);
  });
});
