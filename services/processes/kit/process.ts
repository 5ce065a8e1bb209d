import { Field, ID, InterfaceType } from 'type-graphql';
import { ProcessType } from './catalog-enums.js';

// The GraphQL interface every process's own type implements (TrainingEnrollment,
// EvaluationApplication, Procurement ...): what the task kit and the runs view show of any process.

@InterfaceType({
  description: 'A running or finished process (one workflow run) that tasks belong to',
  // Processes are MikroORM entities whose class names are their GraphQL type names.
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Process {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The Temporal workflow id' }) workflowId!: string;
  @Field(() => ProcessType, { description: 'e.g. TRAINING_ENROLLMENT' }) processType!: string;
  @Field(() => String, { description: 'Where the process stands, e.g. AWAITING_CONFIRMATION' }) stage!: string;
}
