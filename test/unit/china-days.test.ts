import { describe, expect, it } from 'vitest';
import { chinaDay, chinaMinute, todayInChina } from '../../services/common/dates.js';
import { timelineOf } from '../../services/processes/runs/timeline.js';
import { chinaDay as procurementChinaDay } from '../../workflows/procurement/rules.js';

// People's days are China's days: at 23:30 UTC it is already 07:30 the next morning in
// Shanghai, so every date a person reads names the next day, wherever the server runs.

const LATE_EVENING_UTC = new Date('2026-12-07T23:30:00Z');

describe("a person's day", () => {
  it('is the Asia/Shanghai day: 23:30 UTC on the 7th is the 8th', () => {
    expect(chinaDay(LATE_EVENING_UTC)).toBe('2026-12-08');
    expect(chinaDay(LATE_EVENING_UTC.getTime())).toBe('2026-12-08');
    expect(chinaDay('2026-12-07T23:30:00Z')).toBe('2026-12-08');
    expect(todayInChina(LATE_EVENING_UTC)).toBe('2026-12-08');
    expect(chinaMinute(LATE_EVENING_UTC)).toBe('2026-12-08 07:30');
    // The last minute before midnight in Shanghai is still the 7th there.
    expect(chinaDay(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    // New Year's Eve: the year turns in Shanghai first (campaign years read this).
    expect(chinaDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('is one helper: the workflows use the same function', () => {
    expect(procurementChinaDay).toBe(chinaDay);
  });

  it("dates a task's extension in a run's timeline by the Shanghai clock", () => {
    const at = new Date('2026-12-07T10:00:00Z');
    const timeline = timelineOf(
      [
        {
          eventId: 1,
          at,
          type: 'UPDATE',
          name: 'extendTask',
          updateId: 'x1',
          args: [{ taskId: 't1', dueAt: LATE_EVENING_UTC.getTime() }],
        },
      ],
      { kindLabel: () => ({ zh: '推荐', en: 'Endorsement' }), tasks: [], notifications: [], audit: [] },
    );
    const extended = timeline.find((e) => e.kind === 'TASK_EXTENDED')!;
    expect(extended.zh).toContain('2026-12-08 07:30（北京时间）');
    expect(extended.en).toContain('2026-12-08 07:30 (Beijing time)');
    expect(extended.zh).not.toContain('2026-12-07');
  });
});
