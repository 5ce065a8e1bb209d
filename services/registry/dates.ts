import { requireIsoDate, todayInChina } from '../shared/dates.js';

// Dates in the registry are calendar days (ISO yyyy-mm-dd), as the Federation's records keep them.
// Whether a string is one is decided in ../shared/dates.ts (isIsoDate / requireIsoDate); what
// holds on a day (edges, positions, ratings) in ./rules/in-force.ts.

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
