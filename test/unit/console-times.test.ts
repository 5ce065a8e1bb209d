import { describe, expect, it } from 'vitest';
import { beijingTime } from '../../console/src/shell/china-days.js';

// The admins' tables (runs, a run's timeline, tasks, audit, schedules) and the inbox, task and
// delivery pages read a moment as Beijing time (admin/common/format.ts `when`, approver/format.ts
// `dateTime`), whatever the zone of the browser; here, of the machine running the test: UTC in
// CI, where 23:30 on the 7th is 07:30 on the 8th in Jiaxing.

describe('times in the console', () => {
  it('are Beijing date and time to the second', () => {
    expect(beijingTime('2026-12-07T23:30:05Z')).toBe('2026-12-08 07:30:05');
    expect(beijingTime(Date.parse('2026-12-08T01:02:03.456Z'))).toBe('2026-12-08 09:02:03');
  });
  it('or to the minute', () => {
    expect(beijingTime('2026-12-07T16:00:59Z', 'minute')).toBe('2026-12-08 00:00');
  });
});
