import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';

/**
 * One thing an admin did to a run, a task, a batch or a schedule: who, when, why, and what
 * changed. Written before the operation is sent, and completed with its outcome after.
 */
@ObjectType({
  description: 'An admin operation on a run, a task, a batch or a schedule: who, when, why, and its outcome',
})
@Entity({ tableName: 'run_audit' })
@Index({ name: 'run_audit_target_idx', properties: ['target', 'at'] })
export class RunAudit {
  [OptionalProps]?: 'at' | 'outcome' | 'federationId';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { description: 'Subject of the admin token' }) @Property({ type: 'text' }) actor!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) at: Date = new Date();
  @Field(() => String, {
    description: 'CANCEL, TERMINATE, RETRY_ACTIVITY, REASSIGN_TASK, EXTEND_TASK, RESET, BATCH, PAUSE_SCHEDULE ...',
  })
  @Property({ type: 'text' })
  action!: string;
  @Field(() => String, { description: 'What it was done to: a workflow id, a task id, a batch id or a schedule id' })
  @Property({ type: 'text' })
  target!: string;
  @Field(() => String, { description: "Why, in the admin's words" }) @Property({ type: 'text' }) reason!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: "The operation's arguments" })
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
  @Field(() => String, { description: 'REQUESTED, DONE or FAILED' }) @Property({ type: 'text' }) outcome: string =
    'REQUESTED';
  /** The Federation of the admin who did it (their token's `fed`); entries from before have none. */
  @Property({ type: 'uuid', nullable: true }) federationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;
}
