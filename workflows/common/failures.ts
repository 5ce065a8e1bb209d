import { ApplicationFailure } from '@temporalio/workflow';

// Failure types are wire names: the worker's activities raise them, the workflows' update
// validators refuse with them, and services/processes/refusals.ts turns them into the API's
// error codes. Add, never rename.

/** The registry refused a write or a read for good (a bad id, a rule): retrying cannot help. */
export const REGISTRY_REFUSED = 'RegistryRefused';

/** The caller's request is wrong (details[0].field names the input): BAD_USER_INPUT. */
export const BAD_REQUEST = 'BadRequest';

/** The process is not at a point where this can happen (a window closed, a step passed): CONFLICT. */
export const NOT_NOW = 'NotNow';

export interface FieldProblem {
  field?: string;
  message: string;
}

/** A refusal of the caller's input; `field` names the argument the person must change. */
export function badRequest(message: string, field?: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: BAD_REQUEST,
    message,
    details: [{ field, message } satisfies FieldProblem],
  });
}

/** A refusal because of where the process stands, not because of what was sent. */
export function notNow(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: NOT_NOW, message });
}
