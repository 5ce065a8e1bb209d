import { describe, expect, it } from 'vitest';
import { attributeViolations, referencedPeople } from './relationship-attributes.js';
import { RelationshipType as R } from '../entities/kinds.js';
import { SEED_EDGES } from '../../../infra/seed/registry-data.js';

const fields = (type: R, attributes: Record<string, unknown>) =>
  attributeViolations(type, attributes).map((v) => v.field);

describe('relationship attributes', () => {
  it('accepts the attributes each type knows, all optional', () => {
    expect(fields(R.BANK_PAIRING, { agreement: '结对共建协议', programme: '党建+金融' })).toEqual([]);
    expect(fields(R.COLLEGE_PARTNERSHIP, { forms: ['共建课堂', '共设基地'] })).toEqual([]);
    expect(fields(R.ASSISTANCE_PAIRING, { projects: [{ title: '民宿改造提升', startedOn: '2019-03-28' }] })).toEqual(
      [],
    );
    expect(fields(R.LIAISON, { leaderId: '0b5a3f3e-8f0c-4c8e-9d55-2a0d7e6c1f00', leader: '张建生' })).toEqual([]);
    expect(fields(R.SUPERVISES, {})).toEqual([]);
  });

  it('refuses unknown keys, naming what the type may have', () => {
    const [violation] = attributeViolations(R.BANK_PAIRING, { colour: 'red' });
    expect(violation).toEqual({ field: 'attributes.colour', message: expect.stringContaining('agreement, programme') });
    expect(attributeViolations(R.SUPERVISES, { note: 'x' })[0].message).toContain('has no attributes');
  });

  it('refuses values of the wrong shape', () => {
    expect(fields(R.COLLEGE_PARTNERSHIP, { forms: '共建课堂' })).toEqual(['attributes.forms']);
    expect(fields(R.COLLEGE_PARTNERSHIP, { forms: ['共建课堂', 3] })).toEqual(['attributes.forms']);
    expect(fields(R.ASSISTANCE_PAIRING, { projects: 3 })).toEqual(['attributes.projects']);
    expect(fields(R.ASSISTANCE_PAIRING, { projects: [{ title: '村道亮化', startedOn: '2019-02-30' }] })).toEqual([
      'attributes.projects',
    ]);
    expect(
      fields(R.ASSISTANCE_PAIRING, { projects: [{ title: '村道亮化', startedOn: '2019-02-03', budget: 1 }] }),
    ).toEqual(['attributes.projects']);
    expect(fields(R.LIAISON, { leaderId: 'not-a-uuid' })).toEqual(['attributes.leaderId']);
    expect(fields(R.BANK_PAIRING, { agreement: '' })).toEqual(['attributes.agreement']);
  });

  it('names the people a liaison edge refers to', () => {
    expect(referencedPeople(R.LIAISON, { leaderId: '0B5A3F3E-8F0C-4C8E-9D55-2A0D7E6C1F00' })).toEqual([
      '0b5a3f3e-8f0c-4c8e-9d55-2a0d7e6c1f00',
    ]);
    expect(referencedPeople(R.BANK_PAIRING, { agreement: 'x' })).toEqual([]);
  });

  it('holds for every seeded edge', () => {
    for (const e of SEED_EDGES)
      expect(attributeViolations(e.type, e.attributes ?? {}), `${e.type} ${e.from}→${e.to}`).toEqual([]);
  });
});
