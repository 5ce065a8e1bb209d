import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { TaskForm } from '../../workflows/human-task/contracts.js';
import type { RegistryClient } from './registry/client.js';
import type { ProcessesLoaders } from './loaders.js';

// The shape of one record of the process catalog (catalog.ts), which each process's folder
// fills in (e.g. training/process.ts).

export interface ActivityDeps {
  orm: MikroORM;
  registry: RegistryClient;
  temporal: Client;
}

export interface ProcessDefinition {
  /** Wire name in GraphQL and in the HubProcessType search attribute. */
  processType: string;
  workflowType: string;
  label: { zh: string; en: string };
  taskKinds: Record<string, { label: { zh: string; en: string }; form: TaskForm }>;
  activities(deps: ActivityDeps): Record<string, (...args: never[]) => Promise<unknown>>;
  /**
   * An admin cancelled or terminated the run with workflow id `workflowId`: mark its projection
   * row ended unless it already is (settle.ts). A no-op when no row of this process has that id.
   */
  markEnded(em: EntityManager, workflowId: string, end: 'CANCELLED' | 'TERMINATED', reason: string): Promise<void>;
  /** The process's projection row (a GraphQL type implementing Process), or null. */
  loadProcess(ctx: { em: EntityManager; loaders: ProcessesLoaders }, processId: string): Promise<object | null>;
}
