import { describe, expect, it } from 'vitest';
import { toldByName } from './subject-names.js';

describe('a timeline entry told by name', () => {
  const person = '3f0c8a52-6a1e-4b7e-9d3c-2a4f5e6b7c8d';
  const names = new Map([[person, '朱丽萍']]);

  it('names the person where its words name their id', () => {
    const entry = {
      actor: person,
      zh: `${person} 决定「采购授予审批」：同意`,
      en: `${person} decided Award approval: Approve`,
    };
    expect(toldByName(entry, names)).toEqual({
      actor: person,
      zh: '朱丽萍 决定「采购授予审批」：同意',
      en: '朱丽萍 decided Award approval: Approve',
    });
  });

  it('leaves an account name, an unknown subject and an entry without an actor as they are', () => {
    for (const entry of [
      { actor: 'dev-approver', zh: 'dev-approver 决定「商会推荐」：同意', en: 'dev-approver decided' },
      { actor: '00000000-0000-4000-8000-000000000000', zh: '00000000-0000-4000-8000-000000000000 决定', en: 'x' },
      { actor: null, zh: '培训报名流程启动', en: 'Training enrollment started' },
    ])
      expect(toldByName(entry, names)).toBe(entry);
  });
});
