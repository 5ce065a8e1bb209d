import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Candidate, TaskForm } from '../../../workflows/human-task/contracts.js';
import { Decision, ProcessType, type DecisionCode } from './catalog-enums.js';

export enum TaskStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  DONE = 'DONE',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

/** Statuses in which a task still waits for a person. */
export const ACTIVE_STATUSES = [TaskStatus.OPEN, TaskStatus.CLAIMED];

/**
 * A decision a workflow waits for (the approver's inbox), generic over processes. Workflows
 * own the truth; this row is their projection, so inbox queries are plain, paginated SQL.
 * `candidateKeys` flattens the candidates for one indexed overlap test (see access.ts).
 */
@ObjectType({ description: 'A human task created by a workflow' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'human_task' })
@Index({ name: 'human_task_inbox_idx', properties: ['organizationId', 'status', 'createdAt'] })
@Index({ name: 'human_task_candidate_keys_idx', properties: ['candidateKeys'], type: 'gin' })
@Index({ name: 'human_task_workflow_idx', properties: ['workflowId'] })
export class HumanTask {
  [OptionalProps]?:
    | 'createdAt'
    | 'priority'
    | 'summary'
    | 'delegates'
    | 'processType'
    | 'candidateKeys'
    | 'excludedSubjects'
    | 'escalated';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ProcessType, { description: 'The process this task belongs to, e.g. TRAINING_ENROLLMENT' })
  @Property({ type: 'text', default: 'TRAINING_ENROLLMENT' })
  processType: string = 'TRAINING_ENROLLMENT';

  @Field(() => String, { description: 'What is asked, e.g. ENDORSE_ENROLLMENT' })
  @Property({ type: 'text' })
  kind!: string;

  @Field(() => String, { description: 'In Chinese' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'In Chinese: the matter in one sentence' })
  @Property({ type: 'text', default: '' })
  summary: string = '';

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus, type: 'text' })
  status!: TaskStatus;

  /** The organization the task concerns. */
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'json', nullable: true })
  candidates?: Candidate[] | null;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  candidateKeys: string[] = [];

  /** Who may not act on it although a candidate key matches them (the spec's excludedSubjects). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  excludedSubjects: string[] = [];

  @Field(() => String, { nullable: true, description: 'Who claimed it (token subject)' })
  @Property({ type: 'text', nullable: true })
  assignee?: string | null;

  @Field(() => String, { nullable: true, description: 'Who it is delegated to now; they return it to the assignee' })
  @Property({ type: 'text', nullable: true })
  delegatedTo?: string | null;

  /** Everyone it was ever delegated to: they keep seeing it. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  delegates: string[] = [];

  @Field(() => String, { description: 'The workflow that waits for this task' })
  @Property({ type: 'text' })
  workflowId!: string;

  @Field(() => ID, { description: 'Id of the process record (e.g. the training enrollment)' })
  @Property({ type: 'uuid' })
  processId!: string;

  @Property({ type: 'json', nullable: true })
  form?: TaskForm | null;

  @Field(() => Decision, { nullable: true, description: 'The outcome chosen' })
  @Property({ type: 'text', nullable: true })
  decision?: DecisionCode | null;

  @Property({ type: 'json', nullable: true })
  decisionValues?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  decidedBy?: string | null;

  @Field(() => Int, { description: 'Higher comes first; 0 is normal' })
  @Property({ type: 'integer', default: 0 })
  priority: number = 0;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the candidates are reminded' })
  @Property({ type: 'timestamptz', nullable: true })
  followUpAt?: Date | null;

  @Field(() => Boolean, { description: 'Escalated after its first due date' })
  @Property({ type: 'boolean', default: false })
  escalated: boolean = false;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;
}
