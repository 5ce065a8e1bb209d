import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { TaskForm } from '../../../workflows/human-task/contracts.js';
import type { SearchAttributeKey } from '../../../workflows/human-task/search-attributes.js';
import type { Role, TokenVerifier } from '../../common/identity.js';
import type { HttpHandler } from '../../common/http.js';
import type { ReferenceResolvers } from '../../common/subgraph.js';
import type { RegistryClient } from '../registry/client.js';
import type { HumanTask } from './human-task.js';
import type { TimelineWords, Words } from './words.js';

// The shape of one record of the process catalog. A process's folder fills one in (e.g.
// training/process.ts) and catalog.ts lists them; the plumbing (tasks/, runs/, operations/, the
// ORM, the schema, the worker) is built from the records it is handed and names no process.

export type { Words };

export interface ActivityDeps {
  orm: MikroORM;
  registry: RegistryClient;
  temporal: Client;
}

export interface TaskKindDefinition {
  label: Words;
  form: TaskForm;
}

/** A run as a process's subject hook sees it (runs/run.ts ProcessRun has these and more). */
export interface RunFacts {
  /** The workflow id. */
  id: string;
  workflowType: string;
  processType: string | null;
}

/** What a run is about, for the admins' run page. */
export interface RunSubjectFacts {
  /** The process row's id (the enrollment, the evaluation, the procurement), if it has one. */
  processId: string | null;
  /** Other ids the run belongs to, by name (e.g. campaignId). */
  references?: Record<string, string | null>;
}

/** A resolver class, an entity class: type-graphql and MikroORM take classes. */
type Class = abstract new (...args: never[]) => object;

/**
 * `Ctx` is the request's context the hooks are given (ProcessesContext in this service; a
 * parameter here so that this record's shape does not depend on the context that holds the catalog).
 */
export interface ProcessDefinition<Ctx extends object = object> {
  /** Wire name in GraphQL (ProcessType) and in the HubProcessType search attribute. */
  processType: string;
  label: Words;
  /** Its workflow types and the module each is exported by (workflowModule in workflow-bundle.ts); the first is its own run. */
  workflows: Record<string, string>;
  /** Where its runs stand (HubStage), in the order they pass through them. */
  stages: Record<string, Words>;
  taskKinds: Record<string, TaskKindDefinition>;
  /** The outcomes its forms offer (the Decision enum is every process's). */
  outcomes: Record<string, Words>;
  /** Form fields' names in words (the forms label them in Chinese only). */
  fields?: Record<string, Words>;
  /** The roles its tasks and mutations name, with their words (roles are the hub's: common/identity.ts). */
  roles?: Partial<Record<Role, Words>>;
  /** Its own steps in a run's timeline; the task kit's steps are told by runs/. */
  timeline?: TimelineWords;
  /** Search attributes its runs carry beyond the hub's own. */
  searchAttributes?: SearchAttributeKey[];
  /** Its tables (MikroORM entity classes); the migrations live in infra/migrations/processes. */
  entities: Class[];
  /** Its GraphQL resolver classes and the types only they reach through an interface. */
  resolvers: Class[];
  orphanedTypes?: Class[];
  /** Federation's __resolveReference for types it owns (by GraphQL type name). */
  references?: ReferenceResolvers;
  activities(deps: ActivityDeps): Record<string, (...args: never[]) => Promise<unknown>>;
  /**
   * Plain HTTP the process serves beside GraphQL (e.g. the import's large uploads): the handler
   * for a request it answers, else undefined. The gateway decides what it exposes.
   */
  httpRoute?(deps: { orm: MikroORM; verify: TokenVerifier }): (req: IncomingMessage) => HttpHandler | undefined;
  /** Once per processes service, before it serves (e.g. the yearly Schedules). */
  onStart?(deps: { temporal: Client; taskQueue: string }): Promise<void>;
  /**
   * An admin cancelled or terminated the run with workflow id `workflowId`: mark its projection
   * row ended unless it already is (operations/settle.ts). A no-op when no row of this process has that id.
   */
  markEnded(em: EntityManager, workflowId: string, end: 'CANCELLED' | 'TERMINATED', reason: string): Promise<void>;
  /**
   * The process's id for a run of it, when a process keeps no projection row keyed by workflow id
   * (the runs view finds those rows by itself).
   */
  processIdOf?(workflowId: string): string | null;
  /** The process's projection row (a GraphQL type implementing Process), or null. */
  loadProcess(ctx: Ctx, processId: string): Promise<object | null>;
  /**
   * The process as its workflow reported it in the answer to a `decide` update (the object
   * decideTask returns, no second read), or null when the report says nothing of it.
   */
  reported(report: unknown, task: HumanTask): object | null;
  /** What a run is about; without it, only the organisation its search attributes name. */
  subject?(run: RunFacts, ctx: Ctx): Promise<RunSubjectFacts>;
}
