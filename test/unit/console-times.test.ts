import { describe, expect, it } from 'vitest';
import { when } from '../../console/src/admin/common/format.js';
import { dateTime } from '../../console/src/approver/format.js';

// The admins' tables (runs, a run's timeline, tasks, audit, schedules) and the inbox, task and
// delivery pages read a moment as Beijing time, whatever the zone of the browser (here, of the
// machine running the test: UTC in CI, where 23:30 on the 7th is 07:30 on the 8th in Jiaxing).

describe('times in the console', () => {
  it('are Beijing date and time to the second in admin tables', () => {
    expect(when('2026-12-07T23:30:05Z')).toBe('2026-12-08 07:30:05');
    expect(when('2026-12-08T01:02:03.456Z')).toBe('2026-12-08 09:02:03');
    expect(when(null)).toBe('—');
  });
  it('are Beijing date and time to the minute on the inbox, task and delivery pages', () => {
    expect(dateTime('2026-12-07T16:00:59Z')).toBe('2026-12-08 00:00');
    expect(dateTime(undefined)).toBe('');
  });
});
