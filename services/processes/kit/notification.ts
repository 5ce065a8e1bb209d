import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum NotificationKind {
  REMINDER = 'REMINDER',
  ESCALATION = 'ESCALATION',
  /** About a process as a whole (an award shown, a procurement cancelled), not one task. */
  NOTICE = 'NOTICE',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/**
 * A reminder or escalation notice for the people who may act on a task, or a notice about a
 * whole process to its parties. `audience` holds candidate keys (and the assignee) at the time,
 * so the inbox's overlap test finds it. A process notice is written once per (process, key).
 */
@ObjectType({ description: 'A reminder or escalation about a task, or a notice about a process' })
@Entity({ tableName: 'task_notification' })
@Index({ name: 'task_notification_audience_idx', properties: ['audience'], type: 'gin' })
@Unique({ name: 'task_notification_once_idx', properties: ['taskId', 'kind'] })
@Unique({ name: 'task_notification_notice_once_idx', properties: ['processId', 'noticeKey'] })
export class TaskNotification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { nullable: true, description: 'The task it is about; null for a NOTICE about a whole process' })
  @Property({ type: 'uuid', nullable: true })
  taskId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The process a NOTICE is about' })
  @Property({ type: 'uuid', nullable: true })
  processId?: string | null;

  @Property({ type: 'text', nullable: true })
  noticeKey?: string | null;

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
