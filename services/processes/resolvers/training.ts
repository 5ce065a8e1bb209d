import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { TrainingCourse } from '../entities/training-course.js';
import { TrainingEnrollment } from '../entities/training-enrollment.js';
import { HumanTask } from '../entities/human-task.js';
import { OrganizationRef, organizationRef } from '../entities/organization-ref.js';
import { courseProblem, personNameProblem } from '../training-rules.js';
import { requireRole } from '../../shared/access.js';
import type { ProcessesContext } from '../context.js';
import { requireUuid } from '../../shared/ids.js';
import { badInput, notFound } from '../../shared/errors.js';
import {
  TRAINING_WORKFLOW_TYPE, taskOpenedUpdate, trainingWorkflowId, type EnrollmentRequest,
} from '../../../workflows/training/types.js';

@InputType()
class NewTrainingCourse {
  @Field(() => String) title!: string;
  @Field(() => Int) days!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => String, { description: 'ISO date of the first day, e.g. 2026-12-07' }) startsOn!: string;
}

@Resolver(() => TrainingEnrollment)
export class TrainingResolver {
  @Query(() => [TrainingCourse], { description: 'Courses open for enrollment, by start date' })
  trainingCourses(@Ctx() { em }: ProcessesContext): Promise<TrainingCourse[]> {
    return em.find(TrainingCourse, {}, { orderBy: { startsOn: 'asc', id: 'asc' } });
  }

  @Query(() => TrainingEnrollment)
  async trainingEnrollment(@Arg('id', () => ID) id: string, @Ctx() { loaders }: ProcessesContext) {
    const enrollment = await loaders.enrollment.load(requireUuid(id));
    if (!enrollment) throw notFound(`No training enrollment has id ${id}`);
    return enrollment;
  }

  @Mutation(() => TrainingCourse, { description: 'ADMIN: announce a course' })
  async createTrainingCourse(
    @Arg('input', () => NewTrainingCourse) input: NewTrainingCourse,
    @Ctx() { em, identity }: ProcessesContext,
  ): Promise<TrainingCourse> {
    requireRole(identity, 'ADMIN');
    const problem = courseProblem(input);
    if (problem) throw badInput(problem.message, problem.field);
    const course = em.create(TrainingCourse, { ...input, title: input.title.trim() });
    await em.flush();
    return course;
  }

  @Mutation(() => TrainingEnrollment, {
    description: 'Apply for a course on behalf of a person of an organization; opens an endorsement task for its approvers',
  })
  async enrollInTraining(
    @Arg('courseId', () => ID) courseId: string,
    @Arg('personName', () => String) personName: string,
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: ProcessesContext,
  ): Promise<TrainingEnrollment> {
    // Everything is checked before the workflow starts, so a refused request leaves no trace.
    const problem = personNameProblem(personName);
    if (problem) throw badInput(problem, 'personName');
    const course = await ctx.em.findOne(TrainingCourse, requireUuid(courseId, 'courseId'));
    if (!course) throw notFound(`No training course has id ${courseId}`);
    const organization = await ctx.registry.organization(requireUuid(organizationId, 'organizationId'), ctx.authorization);

    const enrollmentId = randomUUID();
    const request: EnrollmentRequest = {
      enrollmentId,
      taskId: randomUUID(),
      courseId: course.id,
      courseTitle: course.title,
      personName: personName.trim(),
      organizationId: organization.id,
      organizationName: organization.name,
      requestedBy: ctx.identity.subject,
      endorsementDeadlineMs: ctx.settings.endorsementDeadlineMs,
    };
    // Update-with-start: one round trip that returns once the workflow has opened the task.
    await ctx.temporal.workflow.executeUpdateWithStart(taskOpenedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(TRAINING_WORKFLOW_TYPE, {
        workflowId: trainingWorkflowId(enrollmentId),
        taskQueue: ctx.settings.taskQueue,
        args: [request],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    return ctx.em.findOneOrFail(TrainingEnrollment, enrollmentId);
  }

  @FieldResolver(() => TrainingCourse)
  async course(@Root() enrollment: TrainingEnrollment, @Ctx() { loaders }: ProcessesContext) {
    return (await loaders.course.load(enrollment.course.id))!;
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() enrollment: TrainingEnrollment): OrganizationRef {
    return organizationRef(enrollment.organizationId);
  }

  @FieldResolver(() => [HumanTask], { description: 'The tasks this enrollment has created, oldest first' })
  tasks(@Root() enrollment: TrainingEnrollment, @Ctx() { loaders }: ProcessesContext) {
    return loaders.tasksByProcess.load(enrollment.id);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationTrainingResolver {
  @FieldResolver(() => [TrainingEnrollment], { description: 'Training applications made for this organization\'s people' })
  trainingEnrollments(@Root() organization: OrganizationRef, @Ctx() { loaders }: ProcessesContext) {
    return loaders.enrollmentsByOrganization.load(organization.id);
  }
}
