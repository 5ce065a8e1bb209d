import { patched, setHandler, sleep } from '@temporalio/workflow';
import { createTaskBoard } from '../human-task/board.js';
import { gradeFor, total, trackName } from './rules.js';
import { applicationContext, evaluationActivities } from './context.js';
import { expertReviews, scoresOf } from './review.js';
import { committeeApproves, reviewObjection } from './committee.js';
import {
  applicationStateQuery,
  INVITE_FORM,
  INVITE_TASK_KIND,
  lodgeObjectionUpdate,
  SELF_ASSESSMENT_FORM,
  SELF_ASSESSMENT_TASK_KIND,
  type ApplicationInput,
  type ApplicationState,
  type Objection,
} from './types.js';
import { DAY } from '../common/time.js';
import { badRequest, notNow } from '../common/failures.js';

/**
 * One organisation in one campaign (a child of evaluationCampaign, so a thousand applications are
 * a thousand small histories): invitation, self-assessment, expert review, committee, public
 * notice with objections and their review, then the result written to the registry.
 */
export async function evaluationApplication(input: ApplicationInput): Promise<ApplicationState> {
  const state: ApplicationState = {
    status: 'INVITED',
    selfScores: null,
    reviewers: [],
    recused: [],
    reviews: [],
    total: null,
    proposedGrade: null,
    grade: null,
    objections: [],
  };
  const tasks = createTaskBoard(() => ({ input, state }));
  const ctx = applicationContext(input, state, tasks);
  const { params } = input;
  const secretariat = [{ role: 'APPROVER', organizationId: input.organizationId }];
  setHandler(applicationStateQuery, () => state);
  setHandler(
    lodgeObjectionUpdate,
    async (objection) => {
      state.objections.push({ ...objection, outcome: null });
      // Recorded at once: the chamber sees its objection on 本会参评 during the notice, not days
      // later when the notice ends. Runs whose objections came before this keep their history.
      if (patched('evaluation-objection-recorded'))
        await evaluationActivities.recordEvaluation({ application: input, state });
      return state;
    },
    {
      validator: (objection: Objection) => {
        if (state.status !== 'NOTICE') throw notNow('Objections are taken during the public notice (公示) only');
        if (!objection.reason.trim()) throw badRequest('An objection needs a reason', 'reason');
      },
    },
  );
  const end = async (status: ApplicationState['status']) => {
    await ctx.moveTo(status);
    await tasks.finish();
    return state;
  };

  await ctx.moveTo('INVITED');
  const invite = await tasks.ask(
    ctx.spec(
      INVITE_TASK_KIND,
      `${params.year} 年度${trackName(params.track)}：是否申请参评`,
      secretariat,
      params.deadlinesMs.invite,
    ),
    INVITE_FORM,
  );
  // An invitation left to expire is not a refusal; runs started before the two were told apart
  // keep DECLINED for both.
  if (invite.kind === 'EXPIRED' && patched('evaluation-not-answered')) return end('NOT_ANSWERED');
  if (invite.kind !== 'DECIDED' || invite.decision.decision !== 'APPLY') return end('DECLINED');

  await ctx.moveTo('SELF_ASSESSMENT');
  // Behind time, the Federation leader who guides the chamber (联挂) is asked to see to it.
  const liaison = input.liaisonPersonId ? [{ subject: input.liaisonPersonId }] : [{ role: 'FEDERATION_OFFICER' }];
  const self = await tasks.ask(
    ctx.spec(
      SELF_ASSESSMENT_TASK_KIND,
      `${params.year} 年度${trackName(params.track)}自评`,
      secretariat,
      params.deadlinesMs.selfAssessment,
    ),
    SELF_ASSESSMENT_FORM,
    { escalateTo: liaison, escalatedDueInMs: Math.floor(params.deadlinesMs.selfAssessment / 2) },
  );
  if (self.kind !== 'DECIDED') return end('NOT_GRADED');
  state.selfScores = scoresOf(self.decision.values);

  await ctx.moveTo('EXPERT_REVIEW');
  const scores = await expertReviews(ctx);
  state.total = total(scores);
  state.proposedGrade = gradeFor(state.total, params.cutoffs);
  if (!state.proposedGrade) return end('NOT_GRADED');

  await ctx.moveTo('COMMITTEE');
  if (!(await committeeApproves(ctx, state.proposedGrade))) return end('NOT_GRADED');
  state.grade = state.proposedGrade;

  await ctx.moveTo('NOTICE');
  await sleep(params.noticeDays * DAY);
  if (state.objections.length) {
    await ctx.moveTo('REVIEW');
    for (const objection of state.objections) {
      const review = await reviewObjection(ctx, state.grade, objection.reason);
      objection.outcome = review.changed ? 'CHANGED' : 'UPHELD';
      state.grade = review.grade;
    }
  }
  if (state.grade) await evaluationActivities.writeBack({ application: input, state });
  return end(state.grade ? 'PUBLISHED' : 'NOT_GRADED');
}
