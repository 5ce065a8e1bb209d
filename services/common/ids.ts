import { badInput } from './errors.js';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches the database. */
export function requireUuid(id: string, field = 'id'): string {
  if (!UUID_PATTERN.test(id)) throw badInput(`"${id}" is not a valid id (expected a UUID)`, field);
  return id.toLowerCase();
}

/** Temporal workflow (and schedule) ids the hub makes and accepts: also safe inside a visibility query. */
export const WORKFLOW_ID_PATTERN = /^[\w.:-]{1,200}$/;

export function requireWorkflowId(id: string, field = 'id', noun = 'workflow'): string {
  if (!WORKFLOW_ID_PATTERN.test(id)) throw badInput(`"${id}" is not a ${noun} id`, field);
  return id;
}

/** Temporal run ids are UUIDs; anything else would reach the server and come back as its failure. */
export function requireRunId(id: string, field = 'runId'): string {
  if (!UUID_PATTERN.test(id)) throw badInput(`"${id}" is not a run id (expected a UUID)`, field);
  return id.toLowerCase();
}
