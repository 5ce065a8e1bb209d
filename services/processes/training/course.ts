import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** A course the Federation runs for chamber staff (e.g. the 4-day course for 50 full-time staff). */
@ObjectType({ description: 'A training course with a fixed number of seats' })
@Entity({ tableName: 'training_course' })
export class TrainingCourse {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => Int, { description: 'Length in days' })
  @Property({ type: 'integer' })
  days!: number;

  @Field(() => Int, { description: 'Seats; never more people are ENROLLED than this' })
  @Property({ type: 'integer' })
  capacity!: number;

  @Field(() => String, { description: 'ISO date of the first day' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => Int, { nullable: true, description: 'Days a participant must attend to complete (null: every day)' })
  @Property({ type: 'integer', nullable: true })
  completionDays?: number | null;
}
