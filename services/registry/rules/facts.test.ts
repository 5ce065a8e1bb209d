import { describe, expect, it } from 'vitest';
import { OrganizationKind } from '../entities/kinds.js';
import {
  dayViolations,
  inspectionYearViolations,
  listPeriodsOverlap,
  orderViolations,
  socialOrganizationViolations,
  textViolations,
} from './facts.js';

describe('the rules of the facts officers keep', () => {
  it('take an inspection for last year or earlier, not before registration', () => {
    expect(inspectionYearViolations(2025, 2026)).toEqual([]);
    expect(inspectionYearViolations(2026, 2026)[0]).toMatchObject({ field: 'year' });
    expect(inspectionYearViolations(1988, 2026)[0].message).toContain('1989 至 2025');
    expect(inspectionYearViolations(2011, 2026, '2012-05-01')[0].message).toBe(
      '年检年度 2011 早于该组织的登记日期 2012-05-01',
    );
  });

  it('keep one stay on a list at a time: on the list from listedOn until the day before removedOn', () => {
    const stay = { listedOn: '2024-04-01', removedOn: '2024-10-08' };
    expect(listPeriodsOverlap(stay, { listedOn: '2024-10-08' })).toBe(false); // taken off, then on again the same day
    expect(listPeriodsOverlap(stay, { listedOn: '2024-10-07' })).toBe(true);
    expect(listPeriodsOverlap(stay, { listedOn: '2023-01-01', removedOn: '2024-04-01' })).toBe(false);
    expect(listPeriodsOverlap({ listedOn: '2024-01-01' }, { listedOn: '2030-01-01' })).toBe(true); // never removed
  });

  it('refuse in Chinese, naming the field', () => {
    expect(textViolations('  ', 'authority', '处罚机关', 200)).toEqual([
      { field: 'authority', message: '处罚机关不能为空' },
    ]);
    expect(textViolations(undefined, 'reason', '原因', 500, true)).toEqual([]);
    expect(textViolations('第一行\n第二行', 'reason', '原因', 500)[0].message).toContain('控制字符');
    expect(dayViolations('2025-02-30', 'decidedOn', '处罚决定日期')[0].message).toContain('不是有效日期');
    expect(dayViolations('2027-01-01', 'listedOn', '列入日期', '2026-12-08')[0].message).toContain('晚于今天');
    expect(orderViolations('2025-03-10', '2025-03-01', 'servedUntil', '执行期限', '处罚决定日期')[0].message).toBe(
      '执行期限 2025-03-01 不能早于处罚决定日期 2025-03-10',
    );
    expect(orderViolations('2024-04-01', '2024-04-01', 'removedOn', '移出日期', '列入日期', true)).toHaveLength(1);
    expect(socialOrganizationViolations({ name: '嘉兴银行', kind: OrganizationKind.BANK })[0]).toMatchObject({
      field: 'organizationId',
      message: expect.stringContaining('嘉兴银行是银行，不是社会组织'),
    });
  });
});
