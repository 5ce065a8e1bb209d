import { describe, expect, it } from 'vitest';
import { bidderReasons, gradeInForce, relatedBidderReasons, type BidderFacts } from './screening.js';

const rules = { minimumGrade: 'A3', minimumYearsRegistered: 3, kinds: ['INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER'] };
const DAY = '2026-12-10';
const facts = (overrides: Partial<BidderFacts> = {}): BidderFacts => ({
  id: 'a',
  name: '甲协会',
  kind: 'INDUSTRY_ASSOCIATION',
  registeredOn: '2015-01-01',
  endedOn: null,
  ratings: [{ grade: 'A4', awardedOn: '2023-01-01', revokedOn: null }],
  penalties: [],
  listEntries: [],
  creditRecord: [],
  heads: [],
  edges: [],
  ...overrides,
});

describe('screening a bid on the closing day', () => {
  it('passes a clean, rated, long-registered association', () => {
    expect(bidderReasons(facts(), rules, DAY)).toEqual([]);
  });
  it('judges the grade in force on the closing day: lapsed after five years, revoked, awarded later', () => {
    expect(gradeInForce([{ grade: 'A4', awardedOn: '2021-12-10', revokedOn: null }], DAY)).toBe('A4');
    expect(gradeInForce([{ grade: 'A4', awardedOn: '2021-12-09', revokedOn: null }], DAY)).toBeNull();
    expect(gradeInForce([{ grade: 'A4', awardedOn: '2023-01-01', revokedOn: '2026-12-10' }], DAY)).toBeNull();
    expect(gradeInForce([{ grade: 'A4', awardedOn: '2026-12-11', revokedOn: null }], DAY)).toBeNull();
    expect(
      bidderReasons(facts({ ratings: [{ grade: 'A2', awardedOn: '2023-01-01', revokedOn: null }] }), rules, DAY),
    ).toEqual(['截止日（2026-12-10）无有效的 3A 及以上等级（现为 2A）']);
    expect(bidderReasons(facts({ ratings: [] }), { ...rules, minimumGrade: null }, DAY)).toEqual([]);
  });
  it('refuses a penalty or a serious-violation listing within three years, a live abnormal-activity listing, a failed performance review', () => {
    expect(
      bidderReasons(
        facts({ penalties: [{ decidedOn: '2023-12-11', authority: '市场监管局', servedUntil: null }] }),
        rules,
        DAY,
      ),
    ).toEqual(['近三年内有重大违法记录：2023-12-11 受到市场监管局行政处罚']);
    expect(
      bidderReasons(
        facts({ penalties: [{ decidedOn: '2023-12-10', authority: '市场监管局', servedUntil: null }] }),
        rules,
        DAY,
      ),
    ).toEqual([]);
    expect(
      bidderReasons(
        facts({ listEntries: [{ list: 'SERIOUS_VIOLATION', listedOn: '2020-01-01', removedOn: '2024-01-01' }] }),
        rules,
        DAY,
      ),
    ).toEqual(['近三年内列入严重违法失信名单（2020-01-01）']);
    expect(
      bidderReasons(
        facts({ listEntries: [{ list: 'SERIOUS_VIOLATION', listedOn: '2020-01-01', removedOn: '2023-06-01' }] }),
        rules,
        DAY,
      ),
    ).toEqual([]);
    expect(
      bidderReasons(
        facts({ listEntries: [{ list: 'ABNORMAL_ACTIVITY', listedOn: '2026-01-01', removedOn: null }] }),
        rules,
        DAY,
      ),
    ).toEqual(['截止日列入活动异常名录（2026-01-01）']);
    expect(
      bidderReasons(
        facts({ listEntries: [{ list: 'ABNORMAL_ACTIVITY', listedOn: '2026-01-01', removedOn: '2026-06-01' }] }),
        rules,
        DAY,
      ),
    ).toEqual([]);
    expect(
      bidderReasons(
        facts({ creditRecord: [{ kind: 'PERFORMANCE', outcome: 'FAIL', recordedOn: '2025-03-01' }] }),
        rules,
        DAY,
      ),
    ).toEqual(['近三年内政府购买服务履约评价不合格（2025-03-01）']);
    expect(
      bidderReasons(
        facts({ creditRecord: [{ kind: 'PERFORMANCE', outcome: 'PASS', recordedOn: '2025-03-01' }] }),
        rules,
        DAY,
      ),
    ).toEqual([]);
  });
  it('refuses a kind not allowed, a young or ended organisation, with every reason at once', () => {
    expect(
      bidderReasons(facts({ kind: 'ENTERPRISE', registeredOn: '2024-01-01', endedOn: '2026-06-30' }), rules, DAY),
    ).toEqual([
      '已于 2026-06-30 注销',
      '组织类型（企业）不在本项目允许的范围内',
      '登记未满 3 年（登记日期 2024-01-01）',
    ]);
  });
  it('refuses both of two bidders with one head or a managing tie between them', () => {
    const reasons = relatedBidderReasons([
      facts({ id: 'a', name: '甲', heads: ['p1'] }),
      facts({ id: 'b', name: '乙', heads: ['p1'] }),
      facts({ id: 'c', name: '丙', edges: [{ type: 'FOUNDED', otherId: 'd' }] }),
      facts({ id: 'd', name: '丁', edges: [{ type: 'FOUNDED', otherId: 'c' }] }),
      facts({ id: 'e', name: '戊', edges: [{ type: 'MEMBER_OF', otherId: 'a' }] }),
    ]);
    expect(Object.fromEntries(reasons)).toEqual({
      a: ['与投标人乙的负责人为同一人，不得同时投标'],
      b: ['与投标人甲的负责人为同一人，不得同时投标'],
      c: ['与投标人丁存在直接管理或控股关系（FOUNDED），不得同时投标'],
      d: ['与投标人丙存在直接管理或控股关系（FOUNDED），不得同时投标'],
    });
  });
});
