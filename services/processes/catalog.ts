import { ProcessCatalog } from './kit/process-catalog.js';
import type { ProcessesContext } from './kit/context.js';
import { trainingProcess } from './training/process.js';
import { evaluationProcess } from './evaluation/process.js';
import { procurementProcess } from './procurement/process.js';
import { registryImportProcess } from './registry-import/process.js';

// The composition root of the processes service: the processes the hub runs, one record each
// (process-definition.ts). main.ts, worker.ts and infra hand this catalog to the plumbing, which
// builds the ORM, the schema, the worker, the inbox and the runs view from it and imports no
// process folder. Adding a process is its folder, one line here and its migration.

export const CATALOG = new ProcessCatalog<ProcessesContext>([
  trainingProcess,
  evaluationProcess,
  procurementProcess,
  registryImportProcess,
]);
