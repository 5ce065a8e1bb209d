import { isIsoDate, notAnIsoDate } from '../../common/dates.js';
import type { RuleViolation } from './violation.js';

// Dated records (positions, edges, ratings) hold from a first day to a last day, both ISO
// dates, the last one open (null) while the record lasts. ISO dates compare as strings.

export interface Period {
  validFrom: string;
  validTo?: string | null;
}

/** An end before the start; ending on the first day is allowed (a one-day record). */
export function endBeforeStart(
  start: string,
  end: string | null | undefined,
  fields: { start: string; end: string },
): RuleViolation[] {
  if (end == null || end >= start) return [];
  return [{ field: fields.end, message: `${fields.end} ${end} is before ${fields.start} ${start}` }];
}

export const periodViolations = (period: Period): RuleViolation[] =>
  endBeforeStart(period.validFrom, period.validTo, { start: 'validFrom', end: 'validTo' });

/** Whether two periods share at least one day (validTo is the last day, as rules/in-force.ts reads it). */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.validTo == null || b.validFrom <= a.validTo) && (b.validTo == null || a.validFrom <= b.validTo);
}

/** Dates that are not real ISO calendar days; `dates` maps a field to its value (absent ones pass). */
export function dateViolations(dates: Record<string, string | null | undefined>): RuleViolation[] {
  return Object.entries(dates)
    .filter(([, value]) => value != null && !isIsoDate(value))
    .map(([field, value]) => ({ field, message: `${field} ${notAnIsoDate(value)}` }));
}
