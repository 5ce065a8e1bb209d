import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum TaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  EXPIRED = 'EXPIRED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

export enum Decision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(Decision, { name: 'Decision' });

/**
 * A decision a workflow waits for (the approver's inbox). Workflows own the truth; this row is
 * their projection so that inbox queries are plain, paginated SQL.
 */
@ObjectType({ description: 'A human task created by a workflow' })
@Entity({ tableName: 'human_task' })
@Index({ name: 'human_task_inbox_idx', properties: ['organizationId', 'status', 'createdAt'] })
export class HumanTask {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => String, { description: 'What is asked, e.g. ENDORSE_ENROLLMENT' })
  @Property({ type: 'text' })
  kind!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus, type: 'text' })
  status!: TaskStatus;

  /** The organization whose approvers may decide it. */
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => String, { description: 'The workflow that waits for this task' })
  @Property({ type: 'text' })
  workflowId!: string;

  @Field(() => ID, { description: 'Id of the process record (e.g. the training enrollment)' })
  @Property({ type: 'uuid' })
  processId!: string;

  @Field(() => Decision, { nullable: true })
  @Enum({ items: () => Decision, type: 'text', nullable: true })
  decision?: Decision | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  decidedBy?: string | null;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;
}
