import { badInput } from '../shared/errors.js';

// Dates in the registry are calendar days (ISO yyyy-mm-dd), as the Federation's records keep them.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The given ISO date, or BAD_USER_INPUT naming the argument when it is not a real calendar day. */
export function requireIsoDate(value: string, field: string): string {
  const match = ISO_DATE.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw badInput(`"${value}" is not a date; use the ISO form yyyy-mm-dd, e.g. 2026-11-28`, field);
  }
  return value;
}

/** Today in China (Asia/Shanghai), the Federation's calendar, whatever the server's time zone. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `asOf` when given (validated), else today. */
export const asOfDate = (asOf: string | undefined | null, field = 'asOf') => (asOf == null ? todayInChina() : requireIsoDate(asOf, field));

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

/**
 * Whether a dated record (an edge, a position) holds on `day`: validTo is its last day, as the
 * traversals read it too (validFrom <= day <= validTo, or validTo open).
 */
export function inEffect(validFrom: string, validTo: string | null | undefined, day: string): boolean {
  return validFrom <= day && (validTo == null || validTo >= day);
}
