import { defineQuery, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { createTaskBoard } from '../human-task/board.js';
import { markStage } from '../human-task/search-attributes.js';
import { evaluationActivities } from './context.js';
import {
  CANDIDACY_DUE_MS,
  CANDIDACY_FORM,
  CANDIDACY_TASK_KIND,
  DECLINE_CANDIDACY,
  EVALUATION_PROCESS_TYPE,
  type CandidacyInput,
  type CandidacyState,
  type CandidacyStatus,
} from './types.js';

export const candidacyStateQuery = defineQuery<CandidacyState>('candidacyState');

/**
 * One chamber the city recommends upward (推荐参评省级“四好”商会): the Federation above the
 * city is found, its officers are asked to accept or decline with the city's ranking before
 * them, and their decision is written back to the city's record of the campaign and the
 * chamber's credit record. A small workflow of its own, started by the campaign once its
 * applications have ended, so the campaign closes as before while the province takes its time.
 */
export async function evaluationCandidacy(input: CandidacyInput): Promise<CandidacyState> {
  const state: CandidacyState = {
    status: 'PROPOSED',
    upperFederationId: null,
    upperFederationName: null,
    decidedBy: null,
    reason: null,
  };
  const tasks = createTaskBoard(() => ({ input, state }));
  setHandler(candidacyStateQuery, () => state);
  const settle = async (status: CandidacyStatus) => {
    state.status = status;
    markStage(status);
    if (state.decidedBy) await evaluationActivities.writeBackCandidacy({ candidacy: input, state });
    await evaluationActivities.recordCandidacy({ candidacy: input, state });
    await tasks.finish();
    return state;
  };

  const upper = await evaluationActivities.proposeCandidacy(input);
  if (!upper) return settle('NO_UPPER_FEDERATION');
  Object.assign(state, { upperFederationId: upper.id, upperFederationName: upper.name });
  await evaluationActivities.recordCandidacy({ candidacy: input, state });

  const result = await tasks.ask(
    {
      taskId: uuid4(),
      processType: EVALUATION_PROCESS_TYPE,
      processId: input.candidacyId,
      workflowId: workflowInfo().workflowId,
      kind: CANDIDACY_TASK_KIND,
      title: `推荐参评省级“四好”商会：${input.organizationName}`,
      summary: `${input.year} 年度 · 本市推荐第 ${input.rank}/${input.of} 位 · 总分 ${input.total}`,
      organizationId: input.organizationId,
      // The officers of the Federation above the city, and no one else's (access.ts).
      candidates: [{ role: 'FEDERATION_OFFICER', organizationId: upper.id }],
      dueInMs: CANDIDACY_DUE_MS,
      followUpInMs: Math.floor(CANDIDACY_DUE_MS / 2),
    },
    CANDIDACY_FORM,
    { holdAnswer: true },
  );
  if (result.kind !== 'DECIDED') return settle('NOT_DECIDED');
  const { decision, decidedBy, values, comment } = result.decision;
  state.decidedBy = decidedBy;
  state.reason = (decision === DECLINE_CANDIDACY ? (values?.reason as string) : comment) || null;
  return settle(decision === DECLINE_CANDIDACY ? 'NOT_ACCEPTED' : 'ACCEPTED');
}
