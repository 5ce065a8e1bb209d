import { DIMENSIONS, meanScores, type Grade } from './rules.js';
import type { ApplicationState, Track } from './types.js';

// Which of a city's results go upward, in what order, and why: pure, so the campaign workflow
// ranks deterministically and a test can read the rules without a server.

/** The city recommends to the province the Four-Good chambers of the top grade (write-back says so). */
export function recommendsUpward(track: Track, grade: Grade | null): boolean {
  return track === 'FOUR_GOOD' && grade === 'A5';
}

export interface Recommended {
  organizationId: string;
  organizationName: string;
  applicationId: string;
  state: ApplicationState;
}

/** Highest total first; equal totals by name, so the order never depends on when children ended. */
export function rankRecommended(results: Recommended[], track: Track): Recommended[] {
  return results
    .filter((r) => recommendsUpward(track, r.state.grade))
    .sort(
      (a, b) => (b.state.total ?? 0) - (a.state.total ?? 0) || a.organizationName.localeCompare(b.organizationName),
    );
}

const DIMENSION_WORDS: Record<(typeof DIMENSIONS)[number], string> = {
  basicConditions: '基础条件',
  internalGovernance: '内部治理',
  workPerformance: '工作绩效',
  socialEvaluation: '社会评价',
};

/** The city's reasons in sentences: its rank and score, the reviewers' marks, the committee, the notice. */
export function candidacyReasons(state: ApplicationState, rank: number, of: number): string[] {
  const reasons = [`市级评审总分 ${state.total} 分，在本市推荐的 ${of} 家商会中列第 ${rank} 位`];
  if (state.reviews.length) {
    const mean = meanScores(state.reviews.map((r) => r.scores));
    reasons.push(
      `${state.reviews.length} 位评审专家平均：` + DIMENSIONS.map((d) => `${DIMENSION_WORDS[d]} ${mean[d]}`).join('，'),
    );
  }
  reasons.push('市评估委员会表决通过，认定为市级“四好”商会');
  const changed = state.objections.filter((o) => o.outcome === 'CHANGED').length;
  reasons.push(
    state.objections.length
      ? `公示期间收到异议 ${state.objections.length} 件，复核${changed ? `改定 ${changed} 件` : '均维持原结果'}`
      : '公示期间无异议',
  );
  return reasons;
}
