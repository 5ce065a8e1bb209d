import { describe, expect, it } from 'vitest';
import { callerKeys, candidateKeys, isCandidate } from './access.js';

// A Federation's officers as candidates: one key per supervising Federation, matched by the token's `fed`.

const jiaxing = '11111111-1111-4111-8111-111111111111';
const province = '22222222-2222-4222-8222-222222222222';
const huzhou = '33333333-3333-4333-8333-333333333333';
const chamber = '44444444-4444-4444-8444-444444444444';
const officerOf = (federationId: string) => ({
  subject: `officer-${federationId.slice(0, 4)}`,
  roles: ['FEDERATION_OFFICER' as const],
  organizationIds: [],
  federationId,
});

describe('candidate keys by jurisdiction', () => {
  it('gives FEDERATION_OFFICER one key per supervising Federation; other candidates as before', () => {
    expect(
      candidateKeys(
        [{ role: 'FEDERATION_OFFICER' }, { role: 'APPROVER', organizationId: chamber }, { subject: 'li' }],
        [jiaxing, province],
      ),
    ).toEqual([
      `role:FEDERATION_OFFICER@fed:${jiaxing}`,
      `role:FEDERATION_OFFICER@fed:${province}`,
      `role:APPROVER@org:${chamber}`,
      'subject:li',
    ]);
  });

  it('keeps the plain key on common ground (no Federation supervises it): every officer', () => {
    expect(candidateKeys([{ role: 'FEDERATION_OFFICER' }], [])).toEqual(['role:FEDERATION_OFFICER']);
    expect(isCandidate({ candidateKeys: ['role:FEDERATION_OFFICER'] }, officerOf(huzhou))).toBe(true);
  });

  it("matches an officer by the token's Federation only", () => {
    const task = { candidateKeys: candidateKeys([{ role: 'FEDERATION_OFFICER' }], [jiaxing, province]) };
    expect(isCandidate(task, officerOf(jiaxing))).toBe(true);
    expect(isCandidate(task, officerOf(province))).toBe(true);
    expect(isCandidate(task, officerOf(huzhou))).toBe(false);
    expect(callerKeys(officerOf(huzhou))).toContain(`role:FEDERATION_OFFICER@fed:${huzhou}`);
  });

  it("names one Federation's officers alone: the province's, not the city's below it", () => {
    const keys = candidateKeys([{ role: 'FEDERATION_OFFICER', organizationId: province }], [jiaxing, province]);
    expect(keys).toEqual([`role:FEDERATION_OFFICER@org:${province}`]);
    expect(isCandidate({ candidateKeys: keys }, officerOf(province))).toBe(true);
    expect(isCandidate({ candidateKeys: keys }, officerOf(jiaxing))).toBe(false);
    // An admin of the province is not its officer.
    expect(isCandidate({ candidateKeys: keys }, { ...officerOf(province), roles: ['ADMIN'] })).toBe(false);
  });
});
