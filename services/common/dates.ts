import { badInput } from './errors.js';
import { chinaDay } from '../../workflows/common/china-time.js';
import { config } from './config.js';
import { DAY } from '../../workflows/common/time.js';

// The one check of a calendar day written as an ISO date (yyyy-mm-dd), for every subgraph, the
// seed and the benchmark: the registry's dated records and arguments, the processes' course days.

/** The shape alone; `isIsoDate` also requires a real day. Valid as a PostgreSQL regex too. */
export const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a real calendar day in the form yyyy-mm-dd (2024-02-29 yes, 2023-02-29
 * no), and one PostgreSQL's `date` accepts: year 0000 is refused, as PostgreSQL refuses it
 * (Date.UTC would quietly read years 0-99 as 1900-1999, so the year is set apart).
 */
export function isIsoDate(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_DATE_SHAPE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What a client is told about a value that is not a date (the same wording everywhere). */
export const notAnIsoDate = (value: unknown): string =>
  `"${String(value)}" is not a date; use the ISO form yyyy-mm-dd, e.g. 2026-11-28`;

/** The given ISO date, or BAD_USER_INPUT naming the argument when it is not a real calendar day. */
export function requireIsoDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw badInput(notAnIsoDate(value), field);
  return value;
}

/**
 * SQL: whether the text expression `text` has the ISO date shape, for dates kept inside JSON
 * (relationship attributes), which PostgreSQL does not type. Shape only: a day such as
 * 2019-02-30 passes here (PostgreSQL 15 has no error-free date test), but writes are checked
 * with isIsoDate, and such a string still compares correctly as text.
 */
export const isoDateShapeSql = (text: string): string => `(${text} ~ '${ISO_DATE_SHAPE.source}')`;

export { chinaDay, chinaMinute } from '../../workflows/common/china-time.js';

/**
 * Today in China (Asia/Shanghai), the Federation's calendar, whatever the server's time zone:
 * the day of `now` moved by HUB_CLOCK_OFFSET_DAYS (0 unless a test or a demo sets it; see
 * config.ts), so every "today" of the services (asOf defaults, "no fact after today", a course
 * that has started, a contract's first day) moves together, and nothing else does.
 */
export function todayInChina(now = new Date(), offsetDays = config().clockOffsetDays): string {
  return chinaDay(now.getTime() + offsetDays * DAY);
}

/**
 * The same day `years` later; 29 February becomes 28 February in a common year, as
 * PostgreSQL's `date + interval 'n years'` does, so SQL filters and these rules agree.
 */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  const date = new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay)));
  return date.toISOString().slice(0, 10);
}

/** The day `days` later (earlier when negative). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
