// Every date a person reads here is a Beijing day, whatever the browser's own zone: a course
// day, an application's date and "today" for attendance all agree with the hub's calendar.

const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Beijing day (YYYY-MM-DD) of an instant; '' for none. */
export const beijingDay = (instant: string | number | Date | null | undefined): string =>
  instant === null || instant === undefined || instant === '' ? '' : BEIJING_DAY.format(new Date(instant));

/** Today in Beijing, YYYY-MM-DD. */
export const beijingToday = (): string => BEIJING_DAY.format(new Date());

/** The ISO day `days` after an ISO day (calendar arithmetic, no time zone involved). */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// Moments too: a run's start, a task's due time, a delivery's next attempt read the same in a
// browser set to UTC as in Jiaxing ('sv-SE' writes 2026-12-08 09:30:05).
const BEIJING_SECOND = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant as Beijing date and time, to the second (admins' tables) or the minute. */
export const beijingTime = (instant: string | number | Date, precision: 'second' | 'minute' = 'second'): string => {
  const text = BEIJING_SECOND.format(new Date(instant));
  return precision === 'second' ? text : text.slice(0, 16);
};
