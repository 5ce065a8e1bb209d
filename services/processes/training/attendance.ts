import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

/** One day's attendance of one participant, recorded by a Federation officer. */
@ObjectType({ description: 'Attendance of one course day' })
@Entity({ tableName: 'training_attendance' })
export class TrainingAttendance {
  @PrimaryKey({ type: 'uuid' })
  enrollmentId!: string;

  @Field(() => Int, { description: 'Day of the course, from 1' })
  @PrimaryKey({ type: 'integer' })
  day!: number;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  attended!: boolean;

  @Field(() => String)
  @Property({ type: 'text' })
  recordedBy!: string;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();
}
