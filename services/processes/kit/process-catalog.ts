import type { TaskForm } from '../../../workflows/human-task/contracts.js';
import type { ProcessDefinition, Words } from './process-definition.js';

// The catalog the plumbing is handed: the records (process-definition.ts) and the look-ups the
// task kit, the runs view and the schema make of them. It knows no process by name; catalog.ts
// (the composition root) says which records the hub runs, and a test can hand it others.

export class ProcessCatalog<Ctx extends object = object> {
  private readonly byTypeName: ReadonlyMap<string, ProcessDefinition<Ctx>>;
  private readonly byWorkflowType: ReadonlyMap<string, ProcessDefinition<Ctx>>;

  constructor(readonly processes: readonly ProcessDefinition<Ctx>[]) {
    this.byTypeName = uniqueBy(processes, (p) => [p.processType], 'process type');
    this.byWorkflowType = uniqueBy(processes, (p) => Object.keys(p.workflows), 'workflow type');
    uniqueBy(processes, (p) => Object.keys(p.taskKinds), 'task kind');
    const outcomes = new Map<string, Words>();
    for (const p of processes) {
      for (const [code, words] of Object.entries(p.outcomes)) {
        const known = outcomes.get(code);
        // One Decision enum for every process: a code must mean one thing.
        if (known && (known.zh !== words.zh || known.en !== words.en))
          throw new Error(`outcome ${code} has two meanings (${known.zh} / ${words.zh}) in the catalog`);
        outcomes.set(code, words);
      }
    }
    this.outcomeWords = Object.fromEntries(outcomes);
  }

  /** Every outcome any process's forms offer, with its words. */
  readonly outcomeWords: Readonly<Record<string, Words>>;

  byType(processType: string | null | undefined): ProcessDefinition<Ctx> | undefined {
    return processType ? this.byTypeName.get(processType) : undefined;
  }

  byWorkflow(workflowType: string): ProcessDefinition<Ctx> | undefined {
    return this.byWorkflowType.get(workflowType);
  }

  /** The form of a task kind, for tasks whose row predates forms. */
  formOf(processType: string, kind: string): TaskForm | undefined {
    return this.byType(processType)?.taskKinds[kind]?.form;
  }

  get processTypes(): string[] {
    return this.processes.map((p) => p.processType);
  }
}

/** Activities of several sets (the task kit's, each process's), a name given twice refused: it would silently replace the first. */
export function collectActivities(sets: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const [setName, activities] of Object.entries(sets)) {
    for (const [name, fn] of Object.entries(activities)) {
      if (owner[name]) throw new Error(`activity "${name}" is defined by both ${owner[name]} and ${setName}`);
      owner[name] = setName;
      all[name] = fn;
    }
  }
  return all;
}

function uniqueBy<T>(items: readonly T[], keys: (item: T) => string[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    for (const key of keys(item)) {
      if (map.has(key)) throw new Error(`the catalog names the ${what} ${key} twice`);
      map.set(key, item);
    }
  }
  return map;
}
