import { describe, expect, it } from 'vitest';
import {
  addYears,
  bidProblems,
  committeeProblems,
  contractProblems,
  endOfChinaDay,
  paymentAmounts,
  performanceOutcome,
  performanceScore,
  rankBids,
  weightProblems,
} from './rules.js';
import type { Bid, ContractTerms } from './types.js';

const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  recurring: false,
  subcontracts: [],
  serviceUserId: 'u',
  expertId: 'e',
  signedBy: 's',
  milestones: [
    { deliverable: '中期报告', dueOn: '2027-06-30', sharePercent: 40 },
    { deliverable: '终期报告', dueOn: '2027-12-20', sharePercent: 60 },
  ],
  ...overrides,
});
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('contract rules', () => {
  it('takes a one-year contract whose shares sum to 100', () => {
    expect(contractProblems(terms(), '2026-12-01')).toEqual([]);
  });
  it('limits the term to one year, three for a recurring service', () => {
    expect(contractProblems(terms({ endsOn: '2028-01-01' }), '2026-12-01')[0].message).toContain(
      'must end by 2027-12-31',
    );
    expect(contractProblems(terms({ endsOn: '2029-12-31', recurring: true }), '2026-12-01')).toEqual([]);
    expect(contractProblems(terms({ endsOn: '2030-01-01', recurring: true }), '2026-12-01')[0].message).toContain(
      'at most three years: it must end by 2029-12-31',
    );
  });
  it('refuses shares that do not sum to 100, milestones outside the term or out of order, and subcontracted main work', () => {
    expect(
      contractProblems(
        terms({ milestones: [{ deliverable: '报告', dueOn: '2027-06-30', sharePercent: 99 }] }),
        '2026-12-01',
      )[0].message,
    ).toContain('not 99');
    expect(
      fields(
        contractProblems(
          terms({ milestones: [{ deliverable: '报告', dueOn: '2028-02-01', sharePercent: 100 }] }),
          '2026-12-01',
        ),
      ),
    ).toEqual(['milestones[0].dueOn']);
    const outOfOrder = terms({
      milestones: [
        { deliverable: 'a', dueOn: '2027-06-30', sharePercent: 50 },
        { deliverable: 'b', dueOn: '2027-03-01', sharePercent: 50 },
      ],
    });
    expect(fields(contractProblems(outOfOrder, '2026-12-01'))).toEqual(['milestones[1].dueOn']);
    const main = contractProblems(
      terms({ subcontracts: [{ subcontractorId: 'x', work: '全部调研', mainWork: true }] }),
      '2026-12-01',
    );
    expect(main[0].message).toContain('主体工作不得分包');
    expect(
      fields(
        contractProblems(
          terms({
            startsOn: '2026-11-30',
            endsOn: '2027-06-30',
            milestones: [{ deliverable: '报告', dueOn: '2027-06-30', sharePercent: 100 }],
          }),
          '2026-12-01',
        ),
      ),
    ).toEqual(['startsOn']);
    expect(fields(contractProblems(terms({ startsOn: '2027-02-30' }), '2026-12-01'))).toEqual(['startsOn']);
    expect(
      fields(
        contractProblems(
          terms({ milestones: [{ deliverable: '报\u0000告', dueOn: '2027-06-30', sharePercent: 100 }] }),
          '2026-12-01',
        ),
      ),
    ).toEqual(['milestones[0].deliverable']);
  });
});

describe('money and ranking', () => {
  it('splits the price by share to the fen, the last milestone taking the rounding', () => {
    expect(paymentAmounts(10_000_001, [33, 33, 34])).toEqual([3_300_000, 3_300_000, 3_400_001]);
    expect(paymentAmounts(10_000_001, [33, 33, 34]).reduce((a, b) => a + b)).toBe(10_000_001);
  });
  it('ranks by the weighted total: the lowest price scores 100, ties to the lower price then the earlier bid', () => {
    const bid = (id: string, priceFen: number, scores: number[], submittedAt = 0): Bid => ({
      bidId: id,
      round: 1,
      organizationId: id,
      priceFen,
      proposal: '',
      status: 'ELIGIBLE',
      version: 1,
      submittedBy: '',
      submittedAt,
      reasons: [],
      technicalScores: Object.fromEntries(scores.map((s, i) => [`m${i}`, s])),
      priceScore: null,
      total: null,
      rank: null,
    });
    const ranked = rankBids(
      [bid('a', 25_000_000, [88, 88]), bid('b', 22_000_000, [70, 70, 70]), bid('c', 20_000_000, [])],
      { price: 30, technical: 70 },
    );
    expect(ranked.map((b) => [b.bidId, b.priceScore, b.total, b.rank])).toEqual([
      ['a', 80, 85.6, 1],
      ['b', 90.91, 76.27, 2],
      ['c', 100, 30, 3],
    ]);
    const tie = rankBids([bid('late', 10, [50], 2), bid('early', 10, [50], 1)], { price: 20, technical: 80 });
    expect(tie.map((b) => b.bidId)).toEqual(['early', 'late']);
  });
  it('weighs the performance review 40/40/20 over those who scored, and grades it', () => {
    expect(
      performanceScore([
        { role: 'BUYER', score: 90 },
        { role: 'SERVICE_USER', score: 80 },
        { role: 'EXPERT', score: 70 },
      ]),
    ).toBe(82);
    expect(
      performanceScore([
        { role: 'BUYER', score: 90 },
        { role: 'EXPERT', score: 60 },
      ]),
    ).toBe(80);
    expect(performanceScore([])).toBeNull();
    expect([95, 80, 60, 59.99].map((s) => performanceOutcome(s, false))).toEqual(['EXCELLENT', 'GOOD', 'PASS', 'FAIL']);
    expect(performanceOutcome(95, true)).toBe('FAIL');
  });
});

describe('publication and bids', () => {
  it('keeps the price weight of a service procurement between 10 and 30 percent', () => {
    expect(weightProblems({ price: 30, technical: 70 })).toEqual([]);
    expect(weightProblems({ price: 40, technical: 60 })[0].message).toContain('10 to 30 percent, not 40');
    expect(weightProblems({ price: 30, technical: 60 })[0].message).toContain('sum to 100, not 90');
  });
  it('asks for an odd committee of three or more, nobody twice', () => {
    expect(committeeProblems(['a', 'b', 'c'])).toEqual([]);
    expect(committeeProblems(['a', 'b'])[0].message).toContain('(not 2)');
    expect(committeeProblems(['a', 'b', 'c', 'd'])[0].message).toContain('odd number');
    expect(committeeProblems(['a', 'a', 'b'])[0].message).toContain('named twice');
  });
  it('refuses late, over-budget and empty bids', () => {
    expect(bidProblems({ budgetFen: 100 }, { open: false }, { priceFen: 50, proposal: 'x' })[0].message).toContain(
      'late bids are refused',
    );
    expect(fields(bidProblems({ budgetFen: 100 }, { open: true }, { priceFen: 101, proposal: 'x' }))).toEqual([
      'priceFen',
    ]);
    expect(fields(bidProblems({ budgetFen: 100 }, { open: true }, { priceFen: 0, proposal: ' ' }))).toEqual([
      'priceFen',
      'proposal',
    ]);
    expect(bidProblems({ budgetFen: 100 }, { open: true }, { priceFen: 100, proposal: '方案' })).toEqual([]);
  });
  it('counts a day in Beijing time and years from a day', () => {
    expect(new Date(endOfChinaDay('2027-01-31')).toISOString()).toBe('2027-01-31T15:59:59.999Z');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
