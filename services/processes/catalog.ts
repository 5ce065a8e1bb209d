import type { TaskForm } from '../../workflows/human-task/contracts.js';
import type { ProcessDefinition } from './process-definition.js';
import { trainingProcess } from './training/process.js';
import { evaluationProcess } from './evaluation/process.js';
import { procurementProcess } from './procurement/process.js';

// One record per process (a ProcessDefinition): its workflow type, task kinds with their
// decision forms, activities, and how to load its projection. The worker, the inbox and the runs view read it, so a new
// process is one folder plus one line below, not an edit of the plumbing.

export const CATALOG: readonly ProcessDefinition[] = [trainingProcess, evaluationProcess, procurementProcess];

export function processByType(processType: string): ProcessDefinition | undefined {
  return CATALOG.find((p) => p.processType === processType);
}

/** The form of a task kind, for tasks whose row predates forms. */
export function formOf(processType: string, kind: string): TaskForm | undefined {
  return processByType(processType)?.taskKinds[kind]?.form;
}

/**
 * Every activity the worker registers: the task kit's and each process's. A name given twice
 * would silently replace the first, so it is refused.
 */
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
