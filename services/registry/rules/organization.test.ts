import { describe, expect, it } from 'vitest';
import { organizationViolations } from './organization.js';
import { OrganizationKind as K } from '../entities/kinds.js';
import { makeCreditCode } from '../credit-code.js';

const valid = makeCreditCode('9', '1', '330402', 'MA2B3C4D5');
const chamber = {
  name: '嘉兴市某某商会',
  kind: K.OUT_OF_TOWN_CHAMBER,
  regionCode: '330400',
  homeRegionCode: '330300',
  creditCode: valid,
};

describe('organization rules', () => {
  it('accepts a complete, valid organization', () => {
    expect(organizationViolations(chamber)).toEqual([]);
  });

  it('refuses a wrong credit-code check character', () => {
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(organizationViolations({ ...chamber, creditCode: wrong })).toEqual([
      { field: 'creditCode', message: expect.stringContaining('check character') },
    ]);
  });

  it('refuses region codes the registry does not know', () => {
    const fields = organizationViolations({ ...chamber, regionCode: '999999', homeRegionCode: '123456' }).map(
      (v) => v.field,
    );
    expect(fields).toEqual(['regionCode', 'homeRegionCode']);
  });

  it('gives a home region only to an out-of-town chamber, and wants a name', () => {
    const fields = organizationViolations({ ...chamber, kind: K.ENTERPRISE, name: '  ' }).map((v) => v.field);
    expect(fields).toEqual(['name', 'homeRegionCode']);
  });
});
