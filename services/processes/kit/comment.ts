import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** One entry of a task's comment thread; seen by whoever may see the task. */
@ObjectType({ description: 'A comment on a task' })
@Entity({ tableName: 'task_comment' })
@Index({ name: 'task_comment_task_idx', properties: ['taskId', 'createdAt'] })
export class TaskComment {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  taskId!: string;

  @Field(() => String, { description: 'Token subject of the author' })
  @Property({ type: 'text' })
  author!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
