// Lengths of time in milliseconds, as Temporal's timers and the processes' deadlines take them.
// One place, so "a day" is written once in the whole hub (services and tests import it too).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET = 8 * HOUR;

/**
 * The calendar day in China (Asia/Shanghai) of an instant, yyyy-mm-dd: the day people there
 * live in. Plain arithmetic, so workflow code (which has no time-zone data) can use it.
 */
export const chinaDay = (epochMs: number): string => new Date(epochMs + CHINA_OFFSET).toISOString().slice(0, 10);
