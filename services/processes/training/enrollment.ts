import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TrainingCourse } from './course.js';
import {
  TRAINING_PROCESS_TYPE,
  type EnrollmentStatus as WorkflowEnrollmentStatus,
} from '../../../workflows/training/types.js';
import { Process } from '../kit/process.js';
import { ProcessType } from '../kit/catalog-enums.js';

export enum EnrollmentStatus {
  AWAITING_ENDORSEMENT = 'AWAITING_ENDORSEMENT',
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
  ENROLLED = 'ENROLLED',
  WAITLISTED = 'WAITLISTED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
  CANCELLED = 'CANCELLED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
// The projection mirrors the workflow's states one to one; this line fails to compile if not.
EnrollmentStatus satisfies Record<WorkflowEnrollmentStatus, EnrollmentStatus>;

/** The projection of one training-enrollment workflow (培训报名), written by its activities. */
@ObjectType({ description: "One person's application for a training course", implements: Process })
@Entity({ tableName: 'training_enrollment' })
@Index({ name: 'training_enrollment_course_status_idx', properties: ['course', 'status'] })
// One application per person and course; rows of the first version have no person id.
@Unique({ name: 'training_enrollment_person_course_unique', properties: ['course', 'personId'] })
export class TrainingEnrollment {
  [OptionalProps]?: 'requestedAt' | 'processType' | 'stage';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ProcessType, { description: 'TRAINING_ENROLLMENT' })
  get processType(): string {
    return TRAINING_PROCESS_TYPE;
  }

  @Field(() => String, { description: 'The status, as every process names its stage' })
  get stage(): string {
    return this.status;
  }

  @Field(() => String, { description: 'The Temporal workflow id of this process' })
  @Property({ type: 'text', unique: true })
  workflowId!: string;

  @ManyToOne(() => TrainingCourse, { fieldName: 'course_id' })
  course!: TrainingCourse;

  @Field(() => String)
  @Property({ type: 'text' })
  personName!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The applicant in the registry (null for the first applications, which had only a name)',
  })
  @Property({ type: 'uuid', nullable: true })
  personId?: string | null;

  /** When the application joined the waiting list: seats go first in, first out. */
  @Property({ type: 'timestamptz', nullable: true })
  waitlistedAt?: Date | null;

  /** The enrollment whose seat this one was given (set on promotion from the waiting list). */
  @Property({ type: 'uuid', nullable: true })
  promotedFrom?: string | null;

  @Field(() => ID, { nullable: true, description: 'The completion certificate in the registry' })
  @Property({ type: 'uuid', nullable: true })
  certificateId?: string | null;

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
