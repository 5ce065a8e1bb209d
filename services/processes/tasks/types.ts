import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageArgs } from '../../common/connection.js';
import { HumanTask, TaskStatus } from '../kit/human-task.js';
import { Process } from '../kit/process.js';
import { OrganizationRef } from '../kit/organization-ref.js';
import { Decision, ProcessType, type DecisionCode } from '../kit/catalog-enums.js';

// The GraphQL shapes of the task kit that are not rows: forms, candidates, inputs, payloads.

@ObjectType({ description: 'Who may act on a task: a role (within an organization), or a named person' })
export class TaskCandidate {
  @Field(() => String, { nullable: true }) role?: string;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => OrganizationRef, { nullable: true, description: 'The organization of organizationId, by name' })
  organization?: OrganizationRef | null;
  @Field(() => String, { nullable: true, description: 'A named person (token subject)' }) subject?: string;
}

@ObjectType({ description: 'One field of a decision form' })
export class TaskFormField {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'In Chinese' }) label!: string;
  @Field(() => String, { description: 'TEXT, INT, DATE or CHOICE' }) type!: string;
  @Field(() => Boolean) required!: boolean;
  @Field(() => Int, { nullable: true }) min?: number;
  @Field(() => Int, { nullable: true }) max?: number;
  @Field(() => Int, { nullable: true }) maxLength?: number;
  @Field(() => [String], { nullable: true }) options?: string[];
  @Field(() => [String], { nullable: true, description: 'Only these outcomes take the field' }) forOutcomes?: string[];
}

@ObjectType({ description: "The decision form of a task's kind" })
export class TaskFormShape {
  @Field(() => [String]) outcomes!: string[];
  @Field(() => [TaskFormField]) fields!: TaskFormField[];
}

@InputType({ description: "A decision: the outcome and the kind's form fields" })
export class DecisionInput {
  @Field(() => Decision) outcome!: DecisionCode;
  @Field(() => String, { nullable: true }) comment?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Form fields by name, e.g. { "reason": "名额已满" }' })
  values?: Record<string, unknown>;
}

export enum TaskOrder {
  DUE_AT = 'DUE_AT',
  PRIORITY = 'PRIORITY',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TaskOrder, {
  name: 'TaskOrder',
  description: 'DUE_AT soonest first; PRIORITY highest first, then due; CREATED_AT newest first',
});

export enum TaskAssignment {
  MINE = 'MINE',
  UNASSIGNED = 'UNASSIGNED',
}
registerEnumType(TaskAssignment, { name: 'TaskAssignment' });

@ArgsType()
export class InboxArgs extends PageArgs {
  @Field(() => TaskStatus, {
    nullable: true,
    description:
      'Only tasks in this status. Without it (and without anyStatus), the tasks waiting for me: the open ones I may claim beside the ones I have claimed or was delegated',
  })
  status?: TaskStatus;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'true, without status: tasks in every status, done and expired ones included',
  })
  anyStatus?: boolean;
  @Field(() => ProcessType, { nullable: true, description: 'e.g. TRAINING_ENROLLMENT' }) processType?: string;
  @Field(() => String, { nullable: true, description: 'e.g. ENDORSE_ENROLLMENT' }) kind?: string;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => TaskAssignment, { nullable: true, description: 'MINE: claimed by me; UNASSIGNED: nobody claimed it' })
  assigned?: TaskAssignment;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueBefore?: Date;
  @Field(() => TaskOrder, { nullable: true, defaultValue: TaskOrder.CREATED_AT }) orderBy?: TaskOrder;
}

@ObjectType({ description: 'The decided task and its process as the workflow reported them' })
export class DecideTaskPayload {
  @Field(() => HumanTask) task!: HumanTask;
  @Field(() => Process, { nullable: true }) process!: object | null;
}
