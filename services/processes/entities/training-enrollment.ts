import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TrainingCourse } from './training-course.js';
import type { EnrollmentStatus as WorkflowEnrollmentStatus } from '../../../workflows/training/types.js';

export enum EnrollmentStatus {
  AWAITING_ENDORSEMENT = 'AWAITING_ENDORSEMENT',
  ENROLLED = 'ENROLLED',
  WAITLISTED = 'WAITLISTED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
// The projection mirrors the workflow's states one to one; this line fails to compile if not.
EnrollmentStatus satisfies Record<WorkflowEnrollmentStatus, EnrollmentStatus>;

/** The projection of one training-enrollment workflow (培训报名), written by its activities. */
@ObjectType({ description: 'One person\'s application for a training course' })
@Entity({ tableName: 'training_enrollment' })
@Index({ name: 'training_enrollment_course_status_idx', properties: ['course', 'status'] })
export class TrainingEnrollment {
  [OptionalProps]?: 'requestedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => String, { description: 'The Temporal workflow id of this process' })
  @Property({ type: 'text', unique: true })
  workflowId!: string;

  @ManyToOne(() => TrainingCourse, { fieldName: 'course_id' })
  course!: TrainingCourse;

  @Field(() => String)
  @Property({ type: 'text' })
  personName!: string;

  @Index({ name: 'training_enrollment_organization_idx' })
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => EnrollmentStatus)
  @Enum({ items: () => EnrollmentStatus, type: 'text' })
  status!: EnrollmentStatus;

  @Field(() => String, { description: 'Subject of the token that applied' })
  @Property({ type: 'text' })
  requestedBy!: string;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  requestedAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}
