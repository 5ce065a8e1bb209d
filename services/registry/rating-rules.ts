import { Grade } from './entities/kinds.js';
import { addYears } from './dates.js';

// A social-organization grade (社会组织评估等级) stays valid for five years from its award.

export const RATING_VALID_YEARS = 5;

export interface RatingDates {
  awardedOn: string;
  revokedOn?: string | null;
}

/** The day the grade lapses: awardedOn + 5 years. It is in force on the days before. */
export const validUntil = (awardedOn: string): string => addYears(awardedOn, RATING_VALID_YEARS);

/** In force on `day`: awarded by then, not yet lapsed, not revoked on or before that day. */
export function ratingInForce(rating: RatingDates, day: string): boolean {
  return rating.awardedOn <= day && day < validUntil(rating.awardedOn) && (rating.revokedOn == null || rating.revokedOn > day);
}

/** The rating in force on `day`; when several are, the most recently awarded. */
export function currentRating<R extends RatingDates & { id: string }>(ratings: readonly R[], day: string): R | null {
  const inForce = ratings.filter((r) => ratingInForce(r, day));
  inForce.sort((a, b) => (a.awardedOn === b.awardedOn ? (a.id < b.id ? 1 : -1) : a.awardedOn < b.awardedOn ? 1 : -1));
  return inForce[0] ?? null;
}

const ORDER = [Grade.A1, Grade.A2, Grade.A3, Grade.A4, Grade.A5];

/** The grades at or above `grade`: gradesAtLeast(A3) is 3A, 4A and 5A. */
export const gradesAtLeast = (grade: Grade): Grade[] => ORDER.slice(ORDER.indexOf(grade));
