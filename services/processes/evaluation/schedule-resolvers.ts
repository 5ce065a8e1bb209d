import {
  Authorized,
  Arg,
  Ctx,
  Field,
  GraphQLISODateTime,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { describeSchedule, scheduleId, TRACKS, type ScheduleView } from './schedule.js';
import { EvaluationTrack } from './resolvers.js';
import { EvaluationCampaign } from './campaign.js';
import { defaultParams } from './params.js';
import { startCampaign } from './start.js';
import { textProblem } from '../kit/text.js';
import type { ProcessesContext } from '../kit/context.js';
import { badInput } from '../../common/errors.js';
import type { Track } from '../../../workflows/evaluation/types.js';

@ObjectType({ description: 'The yearly Temporal Schedule of one evaluation track' })
class EvaluationSchedule implements ScheduleView {
  @Field(() => String) id!: string;
  @Field(() => String) track!: string;
  @Field(() => Boolean) paused!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [GraphQLISODateTime]) nextRuns!: Date[];
}

/** ADMIN: the yearly schedules: see, pause with a note, resume, run now, and backfill past years. */
@Resolver()
export class EvaluationScheduleResolver {
  @Authorized('ADMIN')
  @Query(() => [EvaluationSchedule])
  async evaluationSchedules(@Ctx() { identity, temporal }: ProcessesContext) {
    return Promise.all(TRACKS.map((track) => describeSchedule(temporal, track)));
  }

  @Authorized('ADMIN')
  @Mutation(() => EvaluationSchedule)
  async pauseEvaluationSchedule(
    @Arg('track', () => EvaluationTrack) track: EvaluationTrack,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    const problem = textProblem(note, 'note', 500);
    if (problem) throw badInput(problem.message, problem.field);
    await ctx.temporal.schedule.getHandle(scheduleId(track as Track)).pause(`${note} (${ctx.identity.subject})`);
    return describeSchedule(ctx.temporal, track as Track);
  }

  @Authorized('ADMIN')
  @Mutation(() => EvaluationSchedule)
  async resumeEvaluationSchedule(
    @Arg('track', () => EvaluationTrack) track: EvaluationTrack,
    @Ctx() ctx: ProcessesContext,
  ) {
    await ctx.temporal.schedule.getHandle(scheduleId(track as Track)).unpause(`resumed by ${ctx.identity.subject}`);
    return describeSchedule(ctx.temporal, track as Track);
  }

  @Authorized('ADMIN')
  @Mutation(() => [EvaluationCampaign], {
    description: 'Start the campaigns of past years that never ran (skipping those that did)',
  })
  async backfillEvaluationCampaigns(
    @Arg('track', () => EvaluationTrack) track: EvaluationTrack,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Ctx() ctx: ProcessesContext,
  ) {
    if (!(fromYear >= 2000 && toYear >= fromYear && toYear - fromYear < 10))
      throw badInput('Give 2000 <= fromYear <= toYear, at most ten years', 'fromYear');
    const started: EvaluationCampaign[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      try {
        started.push(await startCampaign(ctx, defaultParams(year, track as Track)));
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }
    return started;
  }
}
