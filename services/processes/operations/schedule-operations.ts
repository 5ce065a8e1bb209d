import {
  Authorized,
  Arg,
  Ctx,
  Field,
  GraphQLISODateTime,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { ScheduleNotFoundError, type ScheduleHandle } from '@temporalio/client';
import type { ProcessesContext } from '../kit/context.js';
import { audited } from './audit.js';
import { RunAudit } from '../kit/run-audit.js';
import { requireSeen, seesOrganization } from '../kit/jurisdiction.js';
import { badInput, notFound } from '../../common/errors.js';
import { requireWorkflowId } from '../../common/ids.js';
import { DAY } from '../../../workflows/common/time.js';

// Every Temporal Schedule of the hub's namespace (today the yearly evaluation campaigns), by id:
// see, pause with a note, resume, trigger now, backfill a range. Each change audited. A schedule
// whose memo names a Federation (`federationId`) is that Federation's: admins of another
// jurisdiction neither see nor operate it (NOT_FOUND); one that names none is the hub's, every
// admin's (docs/jurisdiction.md).

@ObjectType({ description: 'A Temporal Schedule that starts runs' })
export class HubSchedule {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The workflow type it starts' }) workflowType!: string;
  @Field(() => Boolean) paused!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is paused (or the last note)' }) note!: string | null;
  @Field(() => [GraphQLISODateTime], { description: 'Its next start times' }) nextRuns!: Date[];
  @Field(() => [GraphQLISODateTime], { description: 'When it last started runs (newest last)' }) recentRuns!: Date[];
  @Field(() => RunAudit, { nullable: true, description: 'The audit entry of the operation just done' })
  audit?: RunAudit | null;
  /** The Federation its memo names, if any. */
  federationId!: string | null;
}

async function view(handle: ScheduleHandle): Promise<HubSchedule> {
  try {
    const described = await handle.describe();
    const action = described.action as { workflowType?: string };
    return {
      id: handle.scheduleId,
      workflowType: action.workflowType ?? '',
      paused: described.state.paused,
      note: described.state.note ?? null,
      nextRuns: described.info.nextActionTimes,
      recentRuns: described.info.recentActions.map((a) => a.takenAt),
      federationId: typeof described.memo?.federationId === 'string' ? described.memo.federationId : null,
    };
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) throw notFound(`No schedule has id ${handle.scheduleId}`);
    throw error;
  }
}

@Resolver()
export class ScheduleOperationsResolver {
  @Authorized('ADMIN')
  @Query(() => [HubSchedule], { description: 'ADMIN: every schedule of the hub' })
  async schedules(@Ctx() ctx: ProcessesContext) {
    const all: HubSchedule[] = [];
    for await (const listed of ctx.temporal.schedule.list()) {
      const schedule = await view(ctx.temporal.schedule.getHandle(listed.scheduleId));
      if (await seesOrganization(ctx, schedule.federationId)) all.push(schedule);
    }
    return all.sort((a, b) => a.id.localeCompare(b.id));
  }

  @Authorized('ADMIN')
  @Mutation(() => HubSchedule, { description: 'ADMIN: pause a schedule; the note says why (shown to other admins)' })
  pauseSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    return this.operate(ctx, 'PAUSE_SCHEDULE', id, note, {}, (s) => s.pause(`${note} (${ctx.identity.subject})`));
  }

  @Authorized('ADMIN')
  @Mutation(() => HubSchedule, { description: 'ADMIN: resume a paused schedule' })
  resumeSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    return this.operate(ctx, 'RESUME_SCHEDULE', id, reason, {}, (s) =>
      s.unpause(`${reason} (${ctx.identity.subject})`),
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => HubSchedule, { description: 'ADMIN: start its action now, whatever the calendar says' })
  triggerSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    return this.operate(ctx, 'TRIGGER_SCHEDULE', id, reason, {}, (s) => s.trigger('ALLOW_ALL'));
  }

  @Authorized('ADMIN')
  @Mutation(() => HubSchedule, {
    description: 'ADMIN: start the runs the schedule would have started between from and to (at most ten years)',
  })
  backfillSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('from', () => GraphQLISODateTime) from: Date,
    @Arg('to', () => GraphQLISODateTime) to: Date,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ProcessesContext,
  ) {
    if (!(from.getTime() < to.getTime()) || to.getTime() - from.getTime() > 10 * 366 * DAY)
      throw badInput('Give from before to, at most ten years apart', 'from');
    return this.operate(ctx, 'BACKFILL_SCHEDULE', id, reason, { from: from.toISOString(), to: to.toISOString() }, (s) =>
      s.backfill({ start: from, end: to, overlap: 'ALLOW_ALL' }),
    );
  }

  private async operate(
    ctx: ProcessesContext,
    action: string,
    id: string,
    reason: string,
    details: Record<string, unknown>,
    change: (s: ScheduleHandle) => Promise<void>,
  ) {
    const handle = ctx.temporal.schedule.getHandle(requireWorkflowId(id, 'id', 'schedule'));
    // Another Federation's schedule is none of this admin's, before anything is audited.
    const federationId = await view(handle).then(
      (schedule) => schedule.federationId,
      () => null, // a missing one is refused NOT_FOUND below, audited
    );
    await requireSeen(ctx, federationId, `No schedule has id ${id}`);
    const { audit } = await audited(ctx, { action, target: id, reason, details }, async () => {
      await view(handle); // NOT_FOUND before anything changes
      await change(handle);
    });
    return { ...(await view(handle)), audit };
  }
}
