import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ALREADY_DECIDED, BAD_DECISION } from '../../../workflows/human-task/board.js';
import { BAD_REQUEST, type FieldProblem } from '../../../workflows/common/failures.js';
import { badInput, conflict, HubError } from '../../common/errors.js';

// The one place a workflow's refusal of an update becomes the API's error: the validators throw
// typed ApplicationFailures (workflows/common/failures.ts); a refusal of what was sent names its
// field and is BAD_USER_INPUT, one because of where the process stands is CONFLICT.

/** Failure types that mean "what you sent is wrong" (the rest mean "not now"). */
const BAD_INPUT_TYPES = new Set([BAD_REQUEST, BAD_DECISION]);

export function refusalOf(error: WorkflowUpdateFailedError): HubError {
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure)) return conflict(cause?.message ?? error.message);
  const first = cause.details?.[0] as (FieldProblem & { decision?: string; decidedBy?: string }) | undefined;
  if (cause.type && BAD_INPUT_TYPES.has(cause.type)) return badInput(cause.message, first?.field);
  if (cause.type === ALREADY_DECIDED)
    return new HubError('CONFLICT', cause.message, { decision: first?.decision, decidedBy: first?.decidedBy });
  return conflict(cause.message);
}

/**
 * Sends an update (or anything else) to a process's run, with its refusal in the API's codes; a
 * run that has ended is a CONFLICT naming `what`.
 */
export async function toRun<R>(
  temporal: Client,
  workflowId: string,
  what: string,
  send: (run: WorkflowHandle) => Promise<R>,
): Promise<R> {
  try {
    return await send(temporal.workflow.getHandle(workflowId));
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw refusalOf(error);
    if (error instanceof WorkflowNotFoundError) throw conflict(`${what} has already ended`);
    throw error;
  }
}
