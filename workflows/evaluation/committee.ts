import { condition } from '@temporalio/workflow';
import { committeeDecides, committeeSettled, proposalWords, reviewChangesGrade, type Grade } from './rules.js';
import type { ApplicationContext } from './context.js';
import {
  COMMITTEE_VOTE_FORM,
  COMMITTEE_VOTE_TASK_KIND,
  QUORUM_ESCALATION_TASK_KIND,
  QUORUM_FORM,
  REVIEW_BALLOT_FORM,
  REVIEW_BALLOT_TASK_KIND,
} from './types.js';

// The two committees. The evaluation committee votes on the proposed grade (two thirds present,
// a majority of those present); when too few vote by the deadline, the Federation officers
// decide instead (the escalation). The review committee decides an objection by named ballot
// with a majority of ALL its members (复核).

export async function committeeApproves(ctx: ApplicationContext, grade: Grade): Promise<boolean> {
  const { input, tasks } = ctx;
  const members = input.committees.evaluation;
  const tally = { approvals: 0, rejections: 0, closed: 0 };
  const specs = members.map((member) =>
    ctx.spec(
      COMMITTEE_VOTE_TASK_KIND,
      `评估委员会表决：${input.organizationName} ${proposalWords(input.params.track, grade)}`,
      [{ subject: member }],
      input.params.deadlinesMs.vote,
    ),
  );
  for (const spec of specs) {
    void tasks.ask(spec, COMMITTEE_VOTE_FORM).then((vote) => {
      if (vote.kind === 'DECIDED') tally[vote.decision.decision === 'APPROVE' ? 'approvals' : 'rejections'] += 1;
      tally.closed += 1;
    });
  }
  // Every member has voted (or their deadline passed), or the outcome can no longer change.
  await condition(
    () => tally.closed === members.length || committeeSettled(members.length, tally.approvals, tally.rejections),
  );
  for (const spec of specs) await tasks.cancel(spec.taskId, '表决结果已定');
  const { quorum, approved } = committeeDecides(members.length, tally.approvals, tally.rejections);
  if (quorum) return approved;
  const escalated = await tasks.ask(
    ctx.spec(
      QUORUM_ESCALATION_TASK_KIND,
      `评估委员会未达法定人数：${input.organizationName} ${proposalWords(input.params.track, grade)}`,
      [{ role: 'FEDERATION_OFFICER' }],
      input.params.deadlinesMs.vote,
    ),
    QUORUM_FORM,
  );
  return escalated.kind === 'DECIDED' && escalated.decision.decision === 'APPROVE';
}

/** The grade after one objection's review: unchanged, or the grade most of the changing ballots name. */
export async function reviewObjection(
  ctx: ApplicationContext,
  grade: Grade | null,
  reason: string,
): Promise<{ changed: boolean; grade: Grade | null }> {
  const { input, tasks } = ctx;
  const members = input.committees.review;
  const ballots = await Promise.all(
    members.map((member) =>
      tasks.ask(
        ctx.spec(
          REVIEW_BALLOT_TASK_KIND,
          `复核：${input.organizationName}（异议：${reason.slice(0, 40)}）`,
          [{ subject: member }],
          input.params.deadlinesMs.ballot,
        ),
        REVIEW_BALLOT_FORM,
      ),
    ),
  );
  const changes = ballots.flatMap((b) =>
    b.kind === 'DECIDED' && b.decision.decision === 'CHANGE' ? [String(b.decision.values?.grade)] : [],
  );
  if (!reviewChangesGrade(members.length, changes.length)) return { changed: false, grade };
  const counts = new Map<string, number>();
  for (const g of changes) counts.set(g, (counts.get(g) ?? 0) + 1);
  const [winner] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return { changed: true, grade: winner === 'NONE' ? null : (winner as Grade) };
}
