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
