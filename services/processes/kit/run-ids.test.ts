import { describe, expect, it } from 'vitest';
import { readableRunId } from './run-ids.js';

describe('readable run ids', () => {
  const chamber = { id: '0b6b2c1e-7c1d-4f0a-9a55-3d2f1e0c9b8a', creditCode: '51330400MJ9876543X' };

  it('say the process, the year and the organisation, then a short unique part', () => {
    const id = readableRunId('training', 2026, chamber, 'course-1', 'person-1');
    expect(id).toMatch(/^training-2026-51330400MJ9876543X-[0-9a-f]{10}$/);
    expect(readableRunId('training', 2026, chamber, 'course-1', 'person-1')).toBe(id);
    expect(readableRunId('training', 2026, chamber, 'course-1', 'person-2')).not.toBe(id);
    expect(id).not.toContain('person-1');
  });

  it('fall back to the start of the organisation id without a credit code', () => {
    expect(readableRunId('procurement', 2027, { ...chamber, creditCode: null }, 'x')).toMatch(
      /^procurement-2027-0b6b2c1e-[0-9a-f]{10}$/,
    );
  });
});
