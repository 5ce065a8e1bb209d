import { describe, expect, it } from 'vitest';
import { eligibility, type OrganizationFacts } from './eligibility.js';
import { drawReviewers, recusalReason, type ExpertFacts } from '../committees/recusal.js';
import type { ApplicantFacts } from './registry-facts.js';

const rules = { year: 2020, track: 'RATING' as const, asOf: '2020-01-01', rerateAfterTwoYears: false };
const sound: OrganizationFacts = {
  id: 'org',
  name: '某协会',
  kind: 'INDUSTRY_ASSOCIATION',
  registeredOn: '2015-03-01',
  ratings: [],
  annualInspections: [
    { year: 2018, result: 'PASS' },
    { year: 2019, result: 'PASS' },
  ],
  penalties: [],
  listEntries: [],
};
const reasons = (facts: Partial<OrganizationFacts>, more = {}) => {
  const verdict = eligibility({ ...sound, ...facts }, { ...rules, ...more });
  return verdict.eligible ? [] : verdict.reasons;
};

describe('eligibility', () => {
  it('admits a sound organisation, never rated', () => {
    expect(reasons({})).toEqual([]);
  });

  it('gives each refusal in words', () => {
    expect(reasons({ registeredOn: '2018-06-01' })).toEqual(['登记未满两年（登记日期 2018-06-01）']);
    expect(reasons({ annualInspections: [{ year: 2018, result: 'PASS' }] })).toEqual(['2019 年度未参加年检']);
    expect(reasons({ annualInspections: [{ year: 2019, result: 'FAIL' }] })).toEqual(['2019 年度年检不合格']);
    expect(
      reasons({
        annualInspections: [
          { year: 2018, result: 'BASIC_PASS' },
          { year: 2019, result: 'BASIC_PASS' },
        ],
      }),
    ).toEqual(['连续两年（2018、2019）年检基本合格']);
    expect(reasons({ penalties: [{ decidedOn: '2019-05-01', servedUntil: null }] })).toEqual([
      '2019 年受到行政处罚（2019-05-01）',
    ]);
    expect(reasons({ penalties: [{ decidedOn: '2017-05-01', servedUntil: '2020-06-30' }] })).toEqual([
      '行政处罚尚在执行期（至 2020-06-30）',
    ]);
    // Judged as of its day: a penalty decided after the campaign's start does not count for it.
    expect(reasons({ penalties: [{ decidedOn: '2020-03-01', servedUntil: '2020-09-30' }] })).toEqual([]);
    expect(reasons({ listEntries: [{ list: 'ABNORMAL_ACTIVITY', listedOn: '2019-09-01', removedOn: null }] })).toEqual([
      '列入活动异常名录（2019-09-01）',
    ]);
    expect(
      reasons({ listEntries: [{ list: 'SERIOUS_VIOLATION', listedOn: '2018-09-01', removedOn: '2019-03-01' }] }),
    ).toEqual([]);
  });

  it('admits a grade in the year its five years end, or after two years where the locality allows', () => {
    expect(reasons({ ratings: [{ grade: 'A4', awardedOn: '2015-07-01', revokedOn: null }] })).toEqual([]);
    expect(reasons({ ratings: [{ grade: 'A4', awardedOn: '2017-07-01', revokedOn: null }] })).toEqual([
      '现有等级 A4（2017-07-01 评定）有效期未满五年',
    ]);
    expect(
      reasons({ ratings: [{ grade: 'A4', awardedOn: '2017-07-01', revokedOn: null }] }, { rerateAfterTwoYears: true }),
    ).toEqual([]);
    expect(reasons({ ratings: [{ grade: 'A4', awardedOn: '2019-07-01', revokedOn: '2019-12-01' }] })).toEqual([]);
    // A grade awarded after the day judged on (e.g. a later campaign's) does not count.
    expect(reasons({ ratings: [{ grade: 'A4', awardedOn: '2026-11-29', revokedOn: null }] })).toEqual([]);
  });
});

describe('recusal', () => {
  const applicant: ApplicantFacts = {
    ...sound,
    edges: [
      { type: 'LIAISON', otherId: 'fed', attributes: { leaderId: 'leader' }, validTo: null },
      { type: 'MEMBER_OF', otherId: 'firm', attributes: {}, validTo: null },
    ],
  };
  const expert = (id: string, positions: ExpertFacts['positions'] = []): ExpertFacts => ({ id, name: id, positions });
  const at = (org: string, validFrom: string, validTo: string | null = null) => ({
    role: 'FULL_TIME_STAFF',
    validFrom,
    validTo,
    organization: { id: org },
  });
  const asOf = '2020-01-01';

  it('keeps out those tied to the organisation', () => {
    expect(recusalReason(expert('a', [at('org', '2016-01-01')]), applicant, asOf, ['MEMBER_OF'])).toBe('在某协会任职');
    expect(recusalReason(expert('b', [at('org', '2016-01-01', '2018-06-30')]), applicant, asOf, [])).toBe(
      '离开某协会未满两年（2018-06-30）',
    );
    expect(recusalReason(expert('c', [at('org', '2010-01-01', '2017-12-31')]), applicant, asOf, [])).toBeNull();
    expect(recusalReason(expert('leader'), applicant, asOf, [])).toBe('为某协会的联挂领导');
    expect(recusalReason(expert('d', [at('firm', '2019-01-01')]), applicant, asOf, ['MEMBER_OF'])).toBe(
      '所在单位与某协会有 MEMBER_OF 关系',
    );
    expect(recusalReason(expert('d', [at('firm', '2019-01-01')]), applicant, asOf, [])).toBeNull();
  });

  it('draws the same reviewers for the same application, skipping the recused and the excluded', () => {
    const pool = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => expert(id)).concat(expert('leader'));
    const first = drawReviewers(pool, applicant, { seed: 'app-1', count: 3, exclude: [], asOf, edgeTypes: [] });
    expect(first).toEqual(
      drawReviewers(pool, applicant, { seed: 'app-1', count: 3, exclude: [], asOf, edgeTypes: [] }),
    );
    expect(first.drawn).toHaveLength(3);
    expect(first.drawn.map((d) => d.personId)).not.toContain('leader');
    const again = drawReviewers(pool, applicant, {
      seed: 'app-1',
      count: 1,
      exclude: first.drawn.map((d) => d.personId),
      asOf,
      edgeTypes: [],
    });
    expect(first.drawn.map((d) => d.personId)).not.toContain(again.drawn[0].personId);
  });
});
