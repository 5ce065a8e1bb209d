import {
  Authorized,
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { TrainingCourse } from './course.js';
import { TrainingEnrollment } from './enrollment.js';
import { TrainingAttendance } from './attendance.js';
import { attendanceDayProblem, courseProblem, holdsPositionIn } from './rules.js';
import { HumanTask } from '../kit/human-task.js';
import { textProblem } from '../kit/text.js';
import { OrganizationRef, organizationRef } from '../kit/organization-ref.js';
import { registryRead } from '../registry/refusals.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';
import {
  attendanceUpdate,
  taskOpenedUpdate,
  TRAINING_PROCESS_TYPE,
  TRAINING_WORKFLOW_TYPE,
  withdrawUpdate,
  type TrainingApplication,
} from '../../../workflows/training/types.js';
import type { ProcessesContext } from '../kit/context.js';
import { toRun } from '../kit/update-refusals.js';
import { readableRunId } from '../kit/run-ids.js';
import { requireUuid } from '../../common/ids.js';
import { todayInChina } from '../../common/dates.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { trainingLoaders } from './loaders.js';
import { requireKept, requireSeen, seesOrganization } from '../kit/jurisdiction.js';

@InputType()
class NewTrainingCourse {
  @Field(() => String) title!: string;
  @Field(() => Int) days!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => String, { description: 'ISO date of the first day, e.g. 2026-12-07; today or later' }) startsOn!: string;
  @Field(() => Int, { nullable: true, description: 'Days to attend for the certificate (default: every day)' })
  completionDays?: number;
}

/** An enrollment the caller sees; one of another Federation's jurisdiction is NOT_FOUND to read, FORBIDDEN to act on. */
async function enrollmentOf(id: string, ctx: ProcessesContext, acting = false): Promise<TrainingEnrollment> {
  const enrollment = await trainingLoaders(ctx).enrollment.load(requireUuid(id));
  const missing = `No training enrollment has id ${id}`;
  if (!enrollment) throw notFound(missing);
  if (acting) await requireKept(ctx, enrollment.organizationId, `报名 ${id} `);
  else await requireSeen(ctx, enrollment.organizationId, missing);
  return enrollment;
}

/** Sends an update to an enrollment's run, its refusal in the API's codes. */
const updateRun = <R>(
  ctx: ProcessesContext,
  enrollment: TrainingEnrollment,
  send: (run: WorkflowHandle) => Promise<R>,
) => toRun(ctx.temporal, enrollment.workflowId, `Enrollment ${enrollment.id}`, send);

@Resolver(() => TrainingEnrollment)
export class TrainingResolver {
  @Query(() => [TrainingCourse], { description: 'Courses open for enrollment, by start date' })
  trainingCourses(@Ctx() { em }: ProcessesContext): Promise<TrainingCourse[]> {
    return em.find(TrainingCourse, {}, { orderBy: { startsOn: 'asc', id: 'asc' } });
  }

  @Query(() => TrainingEnrollment)
  trainingEnrollment(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext) {
    return enrollmentOf(id, ctx);
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => TrainingCourse, { description: 'FEDERATION_OFFICER or ADMIN: announce a course' })
  async createTrainingCourse(
    @Arg('input', () => NewTrainingCourse) input: NewTrainingCourse,
    @Ctx() { em }: ProcessesContext,
  ) {
    const problem = courseProblem(input, todayInChina());
    if (problem) throw badInput(problem.message, problem.field);
    const course = em.create(TrainingCourse, {
      ...input,
      title: input.title.trim(),
      completionDays: input.completionDays ?? null,
    });
    await em.flush();
    return course;
  }

  @Mutation(() => TrainingEnrollment, {
    description:
      'Apply for a course for a registry person on behalf of an organization they hold a position in; opens the endorsement task',
  })
  async enrollInTraining(
    @Arg('courseId', () => ID) courseId: string,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('personId', () => ID, { nullable: true, description: 'The applicant, a person in the registry' })
    personId: string | undefined,
    @Arg('personName', () => String, {
      nullable: true,
      deprecationReason: 'Give personId; the name comes from the registry',
    })
    personName: string | undefined,
    @Ctx() ctx: ProcessesContext,
  ): Promise<TrainingEnrollment> {
    // Everything is checked before the workflow starts, so a refused request leaves no trace.
    if (personName !== undefined) {
      const problem = textProblem(personName, 'personName', 100);
      if (problem) throw badInput(problem.message, problem.field);
    }
    if (!personId) throw badInput('personId is required: the applicant must be a person in the registry', 'personId');
    const course = await ctx.em.findOne(TrainingCourse, requireUuid(courseId, 'courseId'));
    if (!course) throw notFound(`No training course has id ${courseId}`);
    const today = todayInChina();
    if (course.startsOn <= today)
      throw badInput(`The course started on ${course.startsOn}; applications are closed`, 'courseId');
    const [person, organization] = await Promise.all([
      registryRead(() => ctx.registry.person(requireUuid(personId, 'personId'), ctx.authorization), 'personId'),
      registryRead(
        () => ctx.registry.organization(requireUuid(organizationId, 'organizationId'), ctx.authorization),
        'organizationId',
      ),
    ]);
    if (!holdsPositionIn(person.positions, organization.id, today)) {
      throw badInput(
        `${person.name} holds no position in ${organization.name} today; apply through their own organization`,
        'organizationId',
      );
    }
    const earlier = await ctx.em.findOne(TrainingEnrollment, { course: course.id, personId: person.id });
    if (earlier)
      throw conflict(
        `${person.name} has already applied for this course (enrollment ${earlier.id}, ${earlier.status})`,
      );

    const enrollmentId = randomUUID();
    const application: TrainingApplication = {
      enrollmentId,
      // One application per person and course: the same two give the same id (no person in it).
      workflowId: readableRunId('training', Number(course.startsOn.slice(0, 4)), organization, course.id, person.id),
      endorseTaskId: randomUUID(),
      course: {
        id: course.id,
        title: course.title,
        days: course.days,
        startsOn: course.startsOn,
        completionDays: course.completionDays ?? course.days,
      },
      personId: person.id,
      personName: person.name,
      organizationId: organization.id,
      organizationName: organization.name,
      requestedBy: ctx.identity.subject,
      deadlines: ctx.settings.trainingDeadlines,
    };
    try {
      // Update-with-start: one round trip that returns once the workflow has opened the task.
      await ctx.temporal.workflow.executeUpdateWithStart(taskOpenedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(TRAINING_WORKFLOW_TYPE, {
          workflowId: application.workflowId,
          taskQueue: ctx.settings.taskQueue,
          args: [application],
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          // What an admin sees at a glance; names of people stay out of search attributes.
          staticSummary: `培训报名 · ${organization.name} · ${course.title}`,
          typedSearchAttributes: [
            { key: PROCESS_TYPE, value: TRAINING_PROCESS_TYPE },
            { key: ORGANIZATION_ID, value: organization.id },
            { key: STAGE, value: 'AWAITING_ENDORSEMENT' },
            { key: YEAR, value: Number(course.startsOn.slice(0, 4)) },
          ],
        }),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw conflict(`${person.name} has already applied for this course`);
      throw error;
    }
    return ctx.em.findOneOrFail(TrainingEnrollment, enrollmentId);
  }

  @Mutation(() => TrainingEnrollment, {
    description:
      'Withdraw an application before the course starts; a seat it held goes to the first on the waiting list',
  })
  async withdrawTrainingEnrollment(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | undefined,
    @Ctx() ctx: ProcessesContext,
  ): Promise<TrainingEnrollment> {
    const enrollment = await enrollmentOf(id, ctx, true);
    const { identity } = ctx;
    const mayWithdraw =
      identity.subject === enrollment.requestedBy ||
      identity.roles.includes('ADMIN') ||
      (identity.roles.includes('APPROVER') && identity.organizationIds.includes(enrollment.organizationId));
    if (!mayWithdraw)
      throw forbidden('Only the applicant, an approver of the organization or an admin may withdraw this application');
    const problem = reason !== undefined ? textProblem(reason, 'reason', 500) : undefined;
    if (problem) throw badInput(problem.message, problem.field);
    await updateRun(ctx, enrollment, (run) =>
      run.executeUpdate(withdrawUpdate, { args: [{ by: identity.subject, reason: reason ?? null }] }),
    );
    await ctx.em.refresh(enrollment);
    return enrollment;
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => TrainingEnrollment, {
    description: 'FEDERATION_OFFICER or ADMIN: record one day of attendance; the last day decides completion',
  })
  async recordAttendance(
    @Arg('enrollmentId', () => ID) enrollmentId: string,
    @Arg('day', () => Int) day: number,
    @Arg('attended', () => Boolean) attended: boolean,
    @Ctx() ctx: ProcessesContext,
  ): Promise<TrainingEnrollment> {
    const enrollment = await enrollmentOf(enrollmentId, ctx, true);
    const course = (await trainingLoaders(ctx).course.load(enrollment.course.id))!;
    if (!Number.isInteger(day) || day < 1 || day > course.days)
      throw badInput(`day must be a day of the course, 1 to ${course.days}`, 'day');
    // Attendance is taken on course days: the day must have come, the course not yet be over.
    const outOfDays = attendanceDayProblem(course, day, todayInChina());
    if (outOfDays) throw conflict(outOfDays);
    await updateRun(ctx, enrollment, (run) =>
      run.executeUpdate(attendanceUpdate, { args: [{ day, attended, recordedBy: ctx.identity.subject }] }),
    );
    await ctx.em.refresh(enrollment);
    return enrollment;
  }

  @FieldResolver(() => TrainingCourse)
  async course(@Root() enrollment: TrainingEnrollment, @Ctx() ctx: ProcessesContext) {
    return (await trainingLoaders(ctx).course.load(enrollment.course.id))!;
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() enrollment: TrainingEnrollment): OrganizationRef {
    return organizationRef(enrollment.organizationId);
  }

  @FieldResolver(() => [HumanTask], { description: 'The tasks of this enrollment the caller may see, oldest first' })
  tasks(@Root() enrollment: TrainingEnrollment, @Ctx() { loaders }: ProcessesContext) {
    return loaders.visibleTasksByProcess.load(enrollment.id);
  }

  @FieldResolver(() => [TrainingAttendance], { description: 'Attendance recorded so far, by day' })
  attendance(@Root() enrollment: TrainingEnrollment, @Ctx() ctx: ProcessesContext) {
    return trainingLoaders(ctx).attendanceByEnrollment.load(enrollment.id);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationTrainingResolver {
  @FieldResolver(() => [TrainingEnrollment], {
    description: "Training applications made for this organization's people",
  })
  async trainingEnrollments(@Root() organization: OrganizationRef, @Ctx() ctx: ProcessesContext) {
    if (!(await seesOrganization(ctx, organization.id))) return [];
    return trainingLoaders(ctx).enrollmentsByOrganization.load(organization.id);
  }
}

@Resolver(() => HumanTask)
export class TaskEnrollmentResolver {
  @FieldResolver(() => TrainingEnrollment, {
    nullable: true,
    description: 'The training enrollment, for training tasks (see also process)',
  })
  enrollment(@Root() task: HumanTask, @Ctx() ctx: ProcessesContext) {
    return task.processType === TRAINING_PROCESS_TYPE ? trainingLoaders(ctx).enrollment.load(task.processId) : null;
  }
}
