import { describe, expect, it } from 'vitest';
import { honourViolations, ratingViolations } from './rating.js';
import { OrganizationKind as K } from '../entities/kinds.js';

describe('rating and honour rules', () => {
  it('grades only social organizations', () => {
    expect(ratingViolations({ organizationKind: K.INDUSTRY_ASSOCIATION, awardedOn: '2019-12-01' })).toEqual([]);
    expect(ratingViolations({ organizationKind: K.FOUNDATION, awardedOn: '2019-12-01' })).toEqual([]);
    for (const kind of [K.ENTERPRISE, K.BANK, K.FEDERATION, K.COLLEGE]) {
      expect(
        ratingViolations({ organizationKind: kind, awardedOn: '2019-12-01' }).map((v) => v.field),
        kind,
      ).toEqual(['organizationId']);
    }
  });

  it('refuses a revocation before the award', () => {
    const violations = ratingViolations({
      organizationKind: K.OUT_OF_TOWN_CHAMBER,
      awardedOn: '2019-12-01',
      revokedOn: '2019-11-30',
    });
    expect(violations).toEqual([
      { field: 'revokedOn', message: 'revokedOn 2019-11-30 is before awardedOn 2019-12-01' },
    ]);
  });

  it('keeps honours to years that have begun, with a title', () => {
    expect(honourViolations({ year: 2019, title: '四好商会' }, 2026)).toEqual([]);
    expect(honourViolations({ year: 2026, title: '四好商会' }, 2026)).toEqual([]);
    expect(honourViolations({ year: 2027, title: ' ' }, 2026).map((v) => v.field)).toEqual(['year', 'title']);
    expect(honourViolations({ year: 1900, title: '四好商会' }, 2026).map((v) => v.field)).toEqual(['year']);
  });
});
