import type { Bilingual } from '../shell/i18n';

// Words for the evaluation codes the catalog does not carry (tracks, grades, objection
// outcomes); stages and task kinds are the hub catalog's (shell/words.ts).

export const TRACKS: Record<string, Bilingual> = {
  RATING: { zh: '社会组织评估', en: 'Social-organisation rating' },
  FOUR_GOOD: { zh: '四好商会评选', en: 'Four-Good chambers' },
};

/** A5 → 5A: how a grade is written on a certificate. */
export const gradeWord = (grade: string | null | undefined) => (grade ? grade.replace(/^A(\d)$/, '$1A') : '');

export const OBJECTION_OUTCOMES: Record<string, Bilingual> = {
  UPHELD: { zh: '复核维持原结果', en: 'Upheld on review' },
  CHANGED: { zh: '复核改定等级', en: 'Grade changed on review' },
  PENDING: { zh: '复核中', en: 'Under review' },
};

/** The campaign's default cut-offs, notice and reviewers (services/processes/evaluation/params.ts). */
export const DEFAULTS = {
  noticeDays: 7,
  reviewersPerApplication: 3,
  spreadLimit: 100,
  cutoffs: { A5: 900, A4: 800, A3: 700, A2: 600, A1: 500 },
};

export const GRADES = ['A5', 'A4', 'A3', 'A2', 'A1'] as const;
