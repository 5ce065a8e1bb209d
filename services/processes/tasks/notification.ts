import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum NotificationKind {
  REMINDER = 'REMINDER',
  ESCALATION = 'ESCALATION',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/**
 * A reminder or escalation notice for the people who may act on a task. `audience` holds the
 * candidate keys (and the assignee) at the time, so the inbox's overlap test finds it.
 */
@ObjectType({ description: 'A reminder or escalation about a task' })
@Entity({ tableName: 'task_notification' })
@Index({ name: 'task_notification_audience_idx', properties: ['audience'], type: 'gin' })
@Unique({ name: 'task_notification_once_idx', properties: ['taskId', 'kind'] })
export class TaskNotification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  taskId!: string;

  @Field(() => NotificationKind)
  @Enum({ items: () => NotificationKind, type: 'text' })
  kind!: NotificationKind;

  @Field(() => String, { description: 'In Chinese' })
  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'text[]' })
  audience!: string[];

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
