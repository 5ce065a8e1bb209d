import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { TrainingCourse } from './course.js';
import { EnrollmentStatus, TrainingEnrollment } from './enrollment.js';
import { trainingLoaders } from './loaders.js';
import type { ProcessesContext } from '../kit/context.js';
import { requireUuid } from '../../common/ids.js';
import { notFound } from '../../common/errors.js';

const countOf = (rows: TrainingEnrollment[], status: EnrollmentStatus) =>
  rows.filter((row) => row.status === status).length;

/**
 * A course's seats as the console shows them: how many are taken and waiting (numbers anyone
 * may read), and the applications themselves to those who act on them — the Federation's
 * officers and admins all of them, a chamber's approvers those of their own organizations.
 */
@Resolver(() => TrainingCourse)
export class CourseSeatsResolver {
  @Query(() => TrainingCourse, { description: 'One course, with its seats and the applications the caller may see' })
  async trainingCourse(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext): Promise<TrainingCourse> {
    const course = await trainingLoaders(ctx).course.load(requireUuid(id));
    if (!course) throw notFound(`没有这门培训课程（${id}）`);
    return course;
  }

  @FieldResolver(() => Int, { description: 'Seats taken: enrolled, and once the course has run completed or not' })
  async enrolledCount(@Root() course: TrainingCourse, @Ctx() ctx: ProcessesContext): Promise<number> {
    const rows = await trainingLoaders(ctx).enrollmentsByCourse.load(course.id);
    return (
      countOf(rows, EnrollmentStatus.ENROLLED) +
      countOf(rows, EnrollmentStatus.COMPLETED) +
      countOf(rows, EnrollmentStatus.NOT_COMPLETED)
    );
  }

  @FieldResolver(() => Int, { description: 'Applications on the waiting list' })
  async waitlistedCount(@Root() course: TrainingCourse, @Ctx() ctx: ProcessesContext): Promise<number> {
    return countOf(await trainingLoaders(ctx).enrollmentsByCourse.load(course.id), EnrollmentStatus.WAITLISTED);
  }

  @FieldResolver(() => [TrainingEnrollment], {
    description:
      "Applications for this course the caller may see, oldest first: every one for Federation officers and admins, their own organizations' for approvers",
  })
  async enrollments(@Root() course: TrainingCourse, @Ctx() ctx: ProcessesContext): Promise<TrainingEnrollment[]> {
    const rows = await trainingLoaders(ctx).enrollmentsByCourse.load(course.id);
    const { roles, organizationIds } = ctx.identity;
    if (roles.includes('ADMIN') || roles.includes('FEDERATION_OFFICER')) return rows;
    return roles.includes('APPROVER') ? rows.filter((row) => organizationIds.includes(row.organizationId)) : [];
  }
}
