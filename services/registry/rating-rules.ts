import { Grade } from './entities/kinds.js';
import { ratingInForce, type RatingDates } from './rules/in-force.js';

// Choosing among a social organization's grades (社会组织评估等级). When a grade is in force (five
// years from its award, unless revoked) is decided in ./rules/in-force.ts, with its SQL twin.

/** The rating in force on `day`; when several are, the most recently awarded. */
export function currentRating<R extends RatingDates & { id: string }>(ratings: readonly R[], day: string): R | null {
  const inForce = ratings.filter((r) => ratingInForce(r, day));
  inForce.sort((a, b) => (a.awardedOn === b.awardedOn ? (a.id < b.id ? 1 : -1) : a.awardedOn < b.awardedOn ? 1 : -1));
  return inForce[0] ?? null;
}

const ORDER = [Grade.A1, Grade.A2, Grade.A3, Grade.A4, Grade.A5];

/** The grades at or above `grade`: gradesAtLeast(A3) is 3A, 4A and 5A. */
export const gradesAtLeast = (grade: Grade): Grade[] => ORDER.slice(ORDER.indexOf(grade));
