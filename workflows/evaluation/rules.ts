// The rules of the annual evaluation (年度评价) that the workflow applies: plain, deterministic
// functions, so the workflow can call them and tests can too. Sources: DOMAIN.md, "Rules the
// processes follow" (民政部令第39号 and national practice).

export const DIMENSIONS = ['basicConditions', 'internalGovernance', 'workPerformance', 'socialEvaluation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Scores = Record<Dimension, number>;

/** 1000 points over four dimensions (基础条件, 内部治理, 工作绩效, 社会评价). */
export const DIMENSION_MAXIMA: Scores = {
  basicConditions: 150,
  internalGovernance: 300,
  workPerformance: 400,
  socialEvaluation: 150,
};

export const GRADES = ['A5', 'A4', 'A3', 'A2', 'A1'] as const;
export type Grade = (typeof GRADES)[number];

/** Lowest total for each grade; a campaign parameter, since localities differ. */
export type Cutoffs = Record<Grade, number>;
export const DEFAULT_CUTOFFS: Cutoffs = { A5: 900, A4: 800, A3: 700, A2: 600, A1: 500 };

export const total = (scores: Scores): number => DIMENSIONS.reduce((sum, d) => sum + scores[d], 0);

/** The grade a total earns, or null below the lowest cut-off (no grade). */
export function gradeFor(points: number, cutoffs: Cutoffs): Grade | null {
  return GRADES.find((grade) => points >= cutoffs[grade]) ?? null;
}

/** The reviewers' mean per dimension, rounded to whole points. */
export function meanScores(all: Scores[]): Scores {
  const mean = {} as Scores;
  for (const d of DIMENSIONS) mean[d] = Math.round(all.reduce((sum, s) => sum + s[d], 0) / all.length);
  return mean;
}

/** How far apart the reviewers' totals are; past the campaign's limit one more reviewer is drawn. */
export function spread(all: Scores[]): number {
  const totals = all.map(total);
  return Math.max(...totals) - Math.min(...totals);
}

/**
 * The evaluation committee sets the grade: at least two thirds of its members must have voted
 * (present), and a majority of those present must approve.
 */
export function committeeDecides(
  members: number,
  approvals: number,
  rejections: number,
): { quorum: boolean; approved: boolean } {
  const present = approvals + rejections;
  const quorum = present * 3 >= members * 2;
  return { quorum, approved: quorum && approvals * 2 > present };
}

/**
 * Whether the committee's outcome can no longer change, whatever the members still to vote do:
 * enough approvals for both the quorum and the majority, or enough rejections that approvals can
 * never be a majority of those present. The vote then closes early.
 */
export function committeeSettled(members: number, approvals: number, rejections: number): boolean {
  return approvals * 3 >= members * 2 || rejections * 2 >= members;
}

/** A review (复核) is decided by a majority of ALL members of the review committee, by named ballot. */
export function reviewChangesGrade(members: number, votesToChange: number): boolean {
  return votesToChange * 2 > members;
}

/** The reward a grade earns from the reward fund, in fen (a campaign parameter). */
export function rewardFor(grade: Grade | null, rewards: Partial<Record<Grade, number>>): number {
  return grade ? (rewards[grade] ?? 0) : 0;
}

/** A track's name in Chinese: the rating (社会组织评估) or the Four-Good recognition (“四好”商会认定). */
export const trackName = (track: 'RATING' | 'FOUR_GOOD'): string =>
  track === 'RATING' ? '社会组织评估' : '“四好”商会认定';

/**
 * What the committee is asked to confirm, in the track's own words: a rating proposes a grade
 * (拟评 A4); the Four-Good track proposes a municipal Four-Good chamber, the top grade also a
 * recommendation to the province (as write-back records it), never a grade.
 */
export function proposalWords(track: 'RATING' | 'FOUR_GOOD', grade: Grade): string {
  if (track === 'RATING') return `拟评 ${grade}`;
  return grade === 'A5' ? '拟认定为市级“四好”商会，并推荐参评省级“四好”商会' : '拟认定为市级“四好”商会';
}
