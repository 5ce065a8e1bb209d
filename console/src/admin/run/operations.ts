import { graphql } from '../../gql';

// The operations an admin runs on one run or its tasks; each needs a reason and answers with
// its audit entry.

// Registered for codegen by this call; the operations below spread it.
void graphql(`
  fragment AdminRunOperationResult on RunOperationResult {
    workflowId
    status
    runId
    tasksClosed
    audit {
      id
      actor
      at
      action
      target
      reason
      outcome
      error
    }
  }
`);

export const CancelRun = graphql(`
  mutation AdminCancelRun($id: ID!, $reason: String!) {
    cancelRun(id: $id, reason: $reason) {
      ...AdminRunOperationResult
    }
  }
`);

export const TerminateRun = graphql(`
  mutation AdminTerminateRun($id: ID!, $reason: String!) {
    terminateRun(id: $id, reason: $reason) {
      ...AdminRunOperationResult
    }
  }
`);

export const RetryActivity = graphql(`
  mutation AdminRetryActivity($id: ID!, $activityId: String, $reason: String!) {
    retryActivity(id: $id, activityId: $activityId, reason: $reason) {
      ...AdminRunOperationResult
    }
  }
`);

export const ResetRun = graphql(`
  mutation AdminResetRun($id: ID!, $toEventId: Int, $reason: String!) {
    resetRun(id: $id, toEventId: $toEventId, reason: $reason) {
      ...AdminRunOperationResult
    }
  }
`);

export const ReassignTask = graphql(`
  mutation AdminReassignTask($taskId: ID!, $candidates: [CandidateInput!]!, $reason: String!) {
    reassignTask(taskId: $taskId, candidates: $candidates, reason: $reason) {
      id
      status
      assignee
      dueAt
      candidates {
        role
        organizationId
        subject
      }
    }
  }
`);

export const ExtendTaskDue = graphql(`
  mutation AdminExtendTaskDue($taskId: ID!, $dueAt: DateTimeISO!, $reason: String!) {
    extendTaskDue(taskId: $taskId, dueAt: $dueAt, reason: $reason) {
      id
      status
      dueAt
    }
  }
`);
