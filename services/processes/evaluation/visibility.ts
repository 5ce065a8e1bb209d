import type { Identity } from '../../common/identity.js';
import type { EvaluationApplication } from './application.js';

// Who sees which reviewer scores: reviewers score independently, so until every drawn reviewer
// has scored a reviewer sees only their own; once published (公示) the scores are public; admins
// see everything. Reviewers act with tokens whose subject is their registry person id.

export function scoresFor(application: EvaluationApplication, identity: Identity): object[] {
  const all = application.reviews.map((r) => ({ reviewerId: r.personId, total: r.total, ...r.scores }));
  if (identity.roles.includes('ADMIN') || application.published) return all;
  const allIn =
    application.reviewers.length > 0 &&
    application.reviewers.every((r) => application.reviews.some((s) => s.personId === r.personId));
  const isReviewer = application.reviewers.some((r) => r.personId === identity.subject);
  if (isReviewer && allIn) return all;
  return all.filter((s) => s.reviewerId === identity.subject);
}
