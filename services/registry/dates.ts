import { requireIsoDate, todayInChina } from '../common/dates.js';

// Dates in the registry are calendar days (ISO yyyy-mm-dd), as the Federation's records keep them.
// Whether a string is one is decided in ../common/dates.ts (isIsoDate / requireIsoDate); what
// holds on a day (edges, positions, ratings) in ./rules/in-force.ts.

/** `asOf` when given (validated), else today. */
export const asOfDate = (asOf: string | undefined | null, field = 'asOf') =>
  asOf == null ? todayInChina() : requireIsoDate(asOf, field);
