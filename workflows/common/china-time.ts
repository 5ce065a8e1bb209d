// People's days are China's days: the one helper that turns an instant into the Asia/Shanghai
// calendar day (and minute) a person reads. It lives in workflows/ because workflow code (a
// certificate's date) needs it too and may import nothing outside workflows/; services reach
// it through services/common/dates.ts. China has kept UTC+8 without daylight saving since
// 1991, so a fixed offset is exact for every date the hub holds, and deterministic in a replay.

const CHINA_OFFSET_MS = 8 * 3_600_000;

const instantMs = (instant: Date | number | string): number =>
  instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);

/** The Asia/Shanghai calendar day (yyyy-mm-dd) of an instant. */
export function chinaDay(instant: Date | number | string): string {
  return new Date(instantMs(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai day and minute of an instant, as a person reads it: 2026-12-08 07:30. */
export function chinaMinute(instant: Date | number | string): string {
  return new Date(instantMs(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
