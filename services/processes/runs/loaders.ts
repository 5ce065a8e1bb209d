import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import { ACTIVE_STATUSES, HumanTask } from '../kit/human-task.js';
import type { ProcessesContext } from '../kit/context.js';
import { readHistory, type RunEvent } from './history.js';
import { historyReader } from '../../common/temporal.js';

// Per request, so a page of runs costs one call per kind of fact however many runs it shows:
// describe() and the history once per run asked for, the tasks and projection ids in one
// statement each. Kept beside the request's context (a WeakMap), not in the shared loaders.

const runKeyOf = (workflowId: string, runId: string) => `${workflowId}\u0000${runId}`;
const splitKey = (key: string) => key.split('\u0000') as [string, string];

function projectionTables(em: EntityManager): { table: string; id: string; workflowId: string }[] {
  // A process's projection row (a Process) carries its run's workflow id, unique: found by
  // metadata, so a new process's table is found without an edit here.
  const schema = em.config.get('schema') ?? 'processes';
  return [...em.getMetadata().getAll().values()]
    .filter((meta) => meta.properties.workflowId?.unique && meta.primaryKeys.length === 1)
    .map((meta) => ({
      table: `"${meta.schema ?? schema}"."${meta.tableName}"`,
      id: meta.properties[meta.primaryKeys[0] as never].fieldNames[0],
      workflowId: meta.properties.workflowId.fieldNames[0],
    }));
}

function createRunLoaders(em: EntityManager, client: Client) {
  return {
    describe: new DataLoader<string, WorkflowExecutionDescription>((keys) =>
      Promise.all(
        keys.map((key) => {
          const [workflowId, runId] = splitKey(key);
          return client.workflow.getHandle(workflowId, runId || undefined).describe();
        }),
      ),
    ),
    history: new DataLoader<string, RunEvent[]>((keys) =>
      Promise.all(
        keys.map(async (key) => {
          const [workflowId, runId] = splitKey(key);
          const history = await client.workflow.getHandle(workflowId, runId || undefined).fetchHistory();
          return readHistory(history.events ?? [], historyReader(client.options.loadedDataConverter));
        }),
      ),
    ),
    openTasks: new DataLoader<string, HumanTask[]>(async (workflowIds) => {
      const rows = await em.find(
        HumanTask,
        { workflowId: { $in: [...workflowIds] }, status: { $in: ACTIVE_STATUSES } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return workflowIds.map((id) => rows.filter((row) => row.workflowId === id));
    }),
    processId: new DataLoader<string, string | null>(async (workflowIds) => {
      const tables = projectionTables(em);
      if (!tables.length) return workflowIds.map(() => null);
      const rows = await em.getConnection().execute<{ id: string; workflow_id: string }[]>(
        // An array parameter becomes a list of parameters: `in (?)`.
        tables
          .map(
            (t) =>
              `select ${t.id}::text as id, ${t.workflowId} as workflow_id from ${t.table} where ${t.workflowId} in (?)`,
          )
          .join(' union all '),
        tables.map(() => [...workflowIds]),
      );
      const found = new Map(rows.map((row) => [row.workflow_id, row.id]));
      return workflowIds.map((id) => found.get(id) ?? null);
    }),
  };
}

export type RunLoaders = ReturnType<typeof createRunLoaders>;
const perRequest = new WeakMap<object, RunLoaders>();

export function runLoaders(ctx: Pick<ProcessesContext, 'em' | 'temporal'>): RunLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = createRunLoaders(ctx.em, ctx.temporal)));
  return loaders;
}

export const describeRun = (ctx: Pick<ProcessesContext, 'em' | 'temporal'>, workflowId: string, runId: string) =>
  runLoaders(ctx).describe.load(runKeyOf(workflowId, runId));
export const historyOf = (ctx: Pick<ProcessesContext, 'em' | 'temporal'>, workflowId: string, runId: string) =>
  runLoaders(ctx).history.load(runKeyOf(workflowId, runId));
export const primeDescription = (
  ctx: Pick<ProcessesContext, 'em' | 'temporal'>,
  description: WorkflowExecutionDescription,
) => runLoaders(ctx).describe.prime(runKeyOf(description.workflowId, description.runId), description);
