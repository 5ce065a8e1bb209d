/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminOrganizationsByName($name: String) {\n    organizations(filter: { nameContains: $name }, first: 20) {\n      edges { node { id name } }\n    }\n  }\n": typeof types.AdminOrganizationsByNameDocument,
    "\n  query AdminOrganizationName($id: ID!) {\n    organization(id: $id) { id name }\n  }\n": typeof types.AdminOrganizationNameDocument,
    "\n  query AdminProcessRun($id: ID!, $runId: String) {\n    processRun(id: $id, runId: $runId) {\n      id runId workflowType processType stage year status startTime closeTime parentId taskQueue summary historyLength failure\n      organization { id name }\n      subject { processId campaignId procurementId }\n      openTasks { id kind title status assignee dueAt escalated candidates { role organizationId subject } }\n      pendingActivities { activityId activityType state attempt maximumAttempts lastFailure lastStartedAt nextAttemptAt }\n      children(first: 20) {\n        totalCount\n        edges { node { id processType stage status startTime organization { name } } }\n      }\n      audit { id actor at action target reason outcome error }\n      timeline { at kind zh en actor taskId eventId }\n    }\n  }\n": typeof types.AdminProcessRunDocument,
    "\n  fragment AdminRunOperationResult on RunOperationResult {\n    workflowId status runId tasksClosed audit { id actor at action target reason outcome error }\n  }\n": typeof types.AdminRunOperationResultFragmentDoc,
    "\n  mutation AdminCancelRun($id: ID!, $reason: String!) {\n    cancelRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n": typeof types.AdminCancelRunDocument,
    "\n  mutation AdminTerminateRun($id: ID!, $reason: String!) {\n    terminateRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n": typeof types.AdminTerminateRunDocument,
    "\n  mutation AdminRetryActivity($id: ID!, $activityId: String, $reason: String!) {\n    retryActivity(id: $id, activityId: $activityId, reason: $reason) { ...AdminRunOperationResult }\n  }\n": typeof types.AdminRetryActivityDocument,
    "\n  mutation AdminResetRun($id: ID!, $toEventId: Int, $reason: String!) {\n    resetRun(id: $id, toEventId: $toEventId, reason: $reason) { ...AdminRunOperationResult }\n  }\n": typeof types.AdminResetRunDocument,
    "\n  mutation AdminReassignTask($taskId: ID!, $candidates: [CandidateInput!]!, $reason: String!) {\n    reassignTask(taskId: $taskId, candidates: $candidates, reason: $reason) { id status assignee dueAt candidates { role organizationId subject } }\n  }\n": typeof types.AdminReassignTaskDocument,
    "\n  mutation AdminExtendTaskDue($taskId: ID!, $dueAt: DateTimeISO!, $reason: String!) {\n    extendTaskDue(taskId: $taskId, dueAt: $dueAt, reason: $reason) { id status dueAt }\n  }\n": typeof types.AdminExtendTaskDueDocument,
    "\n  query AdminBatchCount($filter: ProcessRunFilter!) {\n    processRuns(filter: $filter, first: 1) { totalCount }\n  }\n": typeof types.AdminBatchCountDocument,
    "\n  mutation AdminStartBatch($filter: BatchFilter!, $action: BatchAction!, $reason: String!, $candidates: [CandidateInput!]) {\n    startBatchOperation(filter: $filter, action: $action, reason: $reason, candidates: $candidates) { id status total done failed }\n  }\n": typeof types.AdminStartBatchDocument,
    "\n  query AdminBatchOperation($id: ID!) {\n    batchOperation(id: $id) { id status total done failed failures }\n  }\n": typeof types.AdminBatchOperationDocument,
    "\n  mutation AdminCancelBatch($id: ID!, $reason: String!) {\n    cancelBatchOperation(id: $id, reason: $reason) { id status total done failed failures }\n  }\n": typeof types.AdminCancelBatchDocument,
    "\n  query AdminProcessRuns($filter: ProcessRunFilter, $view: ID, $first: Int!, $after: String, $withCounts: Boolean!) {\n    processRuns(filter: $filter, view: $view, first: $first, after: $after) {\n      totalCount\n      candidatesLimited\n      countsByStatus @include(if: $withCounts) { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id runId processType stage status year startTime closeTime summary organization { id name } }\n      }\n    }\n  }\n": typeof types.AdminProcessRunsDocument,
    "\n  query AdminRunViews {\n    runViews { id name owner shared mine filter updatedAt }\n  }\n": typeof types.AdminRunViewsDocument,
    "\n  mutation AdminSaveRunView($name: String!, $filter: ProcessRunFilter!, $shared: Boolean!) {\n    saveRunView(name: $name, filter: $filter, shared: $shared) { id name shared mine filter }\n  }\n": typeof types.AdminSaveRunViewDocument,
    "\n  mutation AdminDeleteRunView($id: ID!) {\n    deleteRunView(id: $id)\n  }\n": typeof types.AdminDeleteRunViewDocument,
    "\n  query AdminSchedules {\n    schedules { id workflowType paused note nextRuns recentRuns }\n    evaluationSchedules { id track paused note nextRuns }\n  }\n": typeof types.AdminSchedulesDocument,
    "\n  mutation AdminPauseSchedule($id: ID!, $note: String!) {\n    pauseSchedule(id: $id, note: $note) { id paused note audit { id action outcome reason } }\n  }\n": typeof types.AdminPauseScheduleDocument,
    "\n  mutation AdminResumeSchedule($id: ID!, $reason: String!) {\n    resumeSchedule(id: $id, reason: $reason) { id paused note audit { id action outcome reason } }\n  }\n": typeof types.AdminResumeScheduleDocument,
    "\n  mutation AdminTriggerSchedule($id: ID!, $reason: String!) {\n    triggerSchedule(id: $id, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n": typeof types.AdminTriggerScheduleDocument,
    "\n  mutation AdminBackfillSchedule($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $reason: String!) {\n    backfillSchedule(id: $id, from: $from, to: $to, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n": typeof types.AdminBackfillScheduleDocument,
    "\n  mutation AdminPauseEvaluationSchedule($track: EvaluationTrack!, $note: String!) {\n    pauseEvaluationSchedule(track: $track, note: $note) { id paused note }\n  }\n": typeof types.AdminPauseEvaluationScheduleDocument,
    "\n  mutation AdminResumeEvaluationSchedule($track: EvaluationTrack!) {\n    resumeEvaluationSchedule(track: $track) { id paused note }\n  }\n": typeof types.AdminResumeEvaluationScheduleDocument,
    "\n  mutation AdminBackfillEvaluationCampaigns($track: EvaluationTrack!, $fromYear: Int!, $toYear: Int!) {\n    backfillEvaluationCampaigns(track: $track, fromYear: $fromYear, toYear: $toYear) { id year stage }\n  }\n": typeof types.AdminBackfillEvaluationCampaignsDocument,
    "\n  query ApproverInbox(\n    $first: Int!\n    $after: String\n    $status: TaskStatus\n    $processType: String\n    $kind: String\n    $organizationId: ID\n    $assigned: TaskAssignment\n    $dueBefore: DateTimeISO\n    $orderBy: TaskOrder\n  ) {\n    myTasks(\n      first: $first\n      after: $after\n      status: $status\n      processType: $processType\n      kind: $kind\n      organizationId: $organizationId\n      assigned: $assigned\n      dueBefore: $dueBefore\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title summary processType kind status priority dueAt escalated assignee delegatedTo\n          organization { id name }\n        }\n      }\n    }\n  }\n": typeof types.ApproverInboxDocument,
    "\n  query ApproverNotifications($first: Int!) {\n    myNotifications(first: $first) {\n      totalCount\n      edges { node { id taskId processId kind message createdAt } }\n    }\n  }\n": typeof types.ApproverNotificationsDocument,
    "\n  query ApproverOrganizationChoices($nameContains: String) {\n    organizations(first: 20, filter: { nameContains: $nameContains }) {\n      edges { node { id name } }\n    }\n  }\n": typeof types.ApproverOrganizationChoicesDocument,
    "\n  query ApproverTask($id: ID!) {\n    task(id: $id) {\n      id title summary processType kind status priority dueAt followUpAt escalated createdAt completedAt\n      assignee delegatedTo decision comment decidedBy decisionValues processId\n      organization { id name }\n      candidates { role organizationId subject }\n      form {\n        outcomes\n        fields { name label type required min max maxLength options forOutcomes }\n      }\n      comments { id author body createdAt }\n      process {\n        __typename id stage processType\n        ... on TrainingEnrollment {\n          personName enrollmentStatus: status requestedAt\n          course { id title startsOn days }\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n        ... on EvaluationApplication {\n          campaignId organizationName applicationStatus: status reviewerCount total grade updatedAt\n        }\n        ... on Procurement {\n          title agencyName categoryName budgetFen method round closesAt\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n      }\n    }\n  }\n": typeof types.ApproverTaskDocument,
    "\n  mutation ApproverClaimTask($id: ID!) { claimTask(id: $id) { id status assignee delegatedTo } }\n": typeof types.ApproverClaimTaskDocument,
    "\n  mutation ApproverUnclaimTask($id: ID!) { unclaimTask(id: $id) { id status assignee delegatedTo } }\n": typeof types.ApproverUnclaimTaskDocument,
    "\n  mutation ApproverDelegateTask($id: ID!, $to: String!, $comment: String) {\n    delegateTask(id: $id, to: $to, comment: $comment) { id status assignee delegatedTo }\n  }\n": typeof types.ApproverDelegateTaskDocument,
    "\n  mutation ApproverReturnTask($id: ID!, $comment: String) {\n    returnTask(id: $id, comment: $comment) { id status assignee delegatedTo }\n  }\n": typeof types.ApproverReturnTaskDocument,
    "\n  mutation ApproverAddTaskComment($id: ID!, $body: String!) {\n    addTaskComment(id: $id, body: $body) { id author body createdAt }\n  }\n": typeof types.ApproverAddTaskCommentDocument,
    "\n  mutation ApproverDecideTask($id: ID!, $input: DecisionInput!) {\n    decideTask(id: $id, input: $input) {\n      task { id status decision decidedBy completedAt }\n      process { __typename id stage }\n    }\n  }\n": typeof types.ApproverDecideTaskDocument,
};
const documents: Documents = {
    "\n  query AdminOrganizationsByName($name: String) {\n    organizations(filter: { nameContains: $name }, first: 20) {\n      edges { node { id name } }\n    }\n  }\n": types.AdminOrganizationsByNameDocument,
    "\n  query AdminOrganizationName($id: ID!) {\n    organization(id: $id) { id name }\n  }\n": types.AdminOrganizationNameDocument,
    "\n  query AdminProcessRun($id: ID!, $runId: String) {\n    processRun(id: $id, runId: $runId) {\n      id runId workflowType processType stage year status startTime closeTime parentId taskQueue summary historyLength failure\n      organization { id name }\n      subject { processId campaignId procurementId }\n      openTasks { id kind title status assignee dueAt escalated candidates { role organizationId subject } }\n      pendingActivities { activityId activityType state attempt maximumAttempts lastFailure lastStartedAt nextAttemptAt }\n      children(first: 20) {\n        totalCount\n        edges { node { id processType stage status startTime organization { name } } }\n      }\n      audit { id actor at action target reason outcome error }\n      timeline { at kind zh en actor taskId eventId }\n    }\n  }\n": types.AdminProcessRunDocument,
    "\n  fragment AdminRunOperationResult on RunOperationResult {\n    workflowId status runId tasksClosed audit { id actor at action target reason outcome error }\n  }\n": types.AdminRunOperationResultFragmentDoc,
    "\n  mutation AdminCancelRun($id: ID!, $reason: String!) {\n    cancelRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n": types.AdminCancelRunDocument,
    "\n  mutation AdminTerminateRun($id: ID!, $reason: String!) {\n    terminateRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n": types.AdminTerminateRunDocument,
    "\n  mutation AdminRetryActivity($id: ID!, $activityId: String, $reason: String!) {\n    retryActivity(id: $id, activityId: $activityId, reason: $reason) { ...AdminRunOperationResult }\n  }\n": types.AdminRetryActivityDocument,
    "\n  mutation AdminResetRun($id: ID!, $toEventId: Int, $reason: String!) {\n    resetRun(id: $id, toEventId: $toEventId, reason: $reason) { ...AdminRunOperationResult }\n  }\n": types.AdminResetRunDocument,
    "\n  mutation AdminReassignTask($taskId: ID!, $candidates: [CandidateInput!]!, $reason: String!) {\n    reassignTask(taskId: $taskId, candidates: $candidates, reason: $reason) { id status assignee dueAt candidates { role organizationId subject } }\n  }\n": types.AdminReassignTaskDocument,
    "\n  mutation AdminExtendTaskDue($taskId: ID!, $dueAt: DateTimeISO!, $reason: String!) {\n    extendTaskDue(taskId: $taskId, dueAt: $dueAt, reason: $reason) { id status dueAt }\n  }\n": types.AdminExtendTaskDueDocument,
    "\n  query AdminBatchCount($filter: ProcessRunFilter!) {\n    processRuns(filter: $filter, first: 1) { totalCount }\n  }\n": types.AdminBatchCountDocument,
    "\n  mutation AdminStartBatch($filter: BatchFilter!, $action: BatchAction!, $reason: String!, $candidates: [CandidateInput!]) {\n    startBatchOperation(filter: $filter, action: $action, reason: $reason, candidates: $candidates) { id status total done failed }\n  }\n": types.AdminStartBatchDocument,
    "\n  query AdminBatchOperation($id: ID!) {\n    batchOperation(id: $id) { id status total done failed failures }\n  }\n": types.AdminBatchOperationDocument,
    "\n  mutation AdminCancelBatch($id: ID!, $reason: String!) {\n    cancelBatchOperation(id: $id, reason: $reason) { id status total done failed failures }\n  }\n": types.AdminCancelBatchDocument,
    "\n  query AdminProcessRuns($filter: ProcessRunFilter, $view: ID, $first: Int!, $after: String, $withCounts: Boolean!) {\n    processRuns(filter: $filter, view: $view, first: $first, after: $after) {\n      totalCount\n      candidatesLimited\n      countsByStatus @include(if: $withCounts) { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id runId processType stage status year startTime closeTime summary organization { id name } }\n      }\n    }\n  }\n": types.AdminProcessRunsDocument,
    "\n  query AdminRunViews {\n    runViews { id name owner shared mine filter updatedAt }\n  }\n": types.AdminRunViewsDocument,
    "\n  mutation AdminSaveRunView($name: String!, $filter: ProcessRunFilter!, $shared: Boolean!) {\n    saveRunView(name: $name, filter: $filter, shared: $shared) { id name shared mine filter }\n  }\n": types.AdminSaveRunViewDocument,
    "\n  mutation AdminDeleteRunView($id: ID!) {\n    deleteRunView(id: $id)\n  }\n": types.AdminDeleteRunViewDocument,
    "\n  query AdminSchedules {\n    schedules { id workflowType paused note nextRuns recentRuns }\n    evaluationSchedules { id track paused note nextRuns }\n  }\n": types.AdminSchedulesDocument,
    "\n  mutation AdminPauseSchedule($id: ID!, $note: String!) {\n    pauseSchedule(id: $id, note: $note) { id paused note audit { id action outcome reason } }\n  }\n": types.AdminPauseScheduleDocument,
    "\n  mutation AdminResumeSchedule($id: ID!, $reason: String!) {\n    resumeSchedule(id: $id, reason: $reason) { id paused note audit { id action outcome reason } }\n  }\n": types.AdminResumeScheduleDocument,
    "\n  mutation AdminTriggerSchedule($id: ID!, $reason: String!) {\n    triggerSchedule(id: $id, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n": types.AdminTriggerScheduleDocument,
    "\n  mutation AdminBackfillSchedule($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $reason: String!) {\n    backfillSchedule(id: $id, from: $from, to: $to, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n": types.AdminBackfillScheduleDocument,
    "\n  mutation AdminPauseEvaluationSchedule($track: EvaluationTrack!, $note: String!) {\n    pauseEvaluationSchedule(track: $track, note: $note) { id paused note }\n  }\n": types.AdminPauseEvaluationScheduleDocument,
    "\n  mutation AdminResumeEvaluationSchedule($track: EvaluationTrack!) {\n    resumeEvaluationSchedule(track: $track) { id paused note }\n  }\n": types.AdminResumeEvaluationScheduleDocument,
    "\n  mutation AdminBackfillEvaluationCampaigns($track: EvaluationTrack!, $fromYear: Int!, $toYear: Int!) {\n    backfillEvaluationCampaigns(track: $track, fromYear: $fromYear, toYear: $toYear) { id year stage }\n  }\n": types.AdminBackfillEvaluationCampaignsDocument,
    "\n  query ApproverInbox(\n    $first: Int!\n    $after: String\n    $status: TaskStatus\n    $processType: String\n    $kind: String\n    $organizationId: ID\n    $assigned: TaskAssignment\n    $dueBefore: DateTimeISO\n    $orderBy: TaskOrder\n  ) {\n    myTasks(\n      first: $first\n      after: $after\n      status: $status\n      processType: $processType\n      kind: $kind\n      organizationId: $organizationId\n      assigned: $assigned\n      dueBefore: $dueBefore\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title summary processType kind status priority dueAt escalated assignee delegatedTo\n          organization { id name }\n        }\n      }\n    }\n  }\n": types.ApproverInboxDocument,
    "\n  query ApproverNotifications($first: Int!) {\n    myNotifications(first: $first) {\n      totalCount\n      edges { node { id taskId processId kind message createdAt } }\n    }\n  }\n": types.ApproverNotificationsDocument,
    "\n  query ApproverOrganizationChoices($nameContains: String) {\n    organizations(first: 20, filter: { nameContains: $nameContains }) {\n      edges { node { id name } }\n    }\n  }\n": types.ApproverOrganizationChoicesDocument,
    "\n  query ApproverTask($id: ID!) {\n    task(id: $id) {\n      id title summary processType kind status priority dueAt followUpAt escalated createdAt completedAt\n      assignee delegatedTo decision comment decidedBy decisionValues processId\n      organization { id name }\n      candidates { role organizationId subject }\n      form {\n        outcomes\n        fields { name label type required min max maxLength options forOutcomes }\n      }\n      comments { id author body createdAt }\n      process {\n        __typename id stage processType\n        ... on TrainingEnrollment {\n          personName enrollmentStatus: status requestedAt\n          course { id title startsOn days }\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n        ... on EvaluationApplication {\n          campaignId organizationName applicationStatus: status reviewerCount total grade updatedAt\n        }\n        ... on Procurement {\n          title agencyName categoryName budgetFen method round closesAt\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n      }\n    }\n  }\n": types.ApproverTaskDocument,
    "\n  mutation ApproverClaimTask($id: ID!) { claimTask(id: $id) { id status assignee delegatedTo } }\n": types.ApproverClaimTaskDocument,
    "\n  mutation ApproverUnclaimTask($id: ID!) { unclaimTask(id: $id) { id status assignee delegatedTo } }\n": types.ApproverUnclaimTaskDocument,
    "\n  mutation ApproverDelegateTask($id: ID!, $to: String!, $comment: String) {\n    delegateTask(id: $id, to: $to, comment: $comment) { id status assignee delegatedTo }\n  }\n": types.ApproverDelegateTaskDocument,
    "\n  mutation ApproverReturnTask($id: ID!, $comment: String) {\n    returnTask(id: $id, comment: $comment) { id status assignee delegatedTo }\n  }\n": types.ApproverReturnTaskDocument,
    "\n  mutation ApproverAddTaskComment($id: ID!, $body: String!) {\n    addTaskComment(id: $id, body: $body) { id author body createdAt }\n  }\n": types.ApproverAddTaskCommentDocument,
    "\n  mutation ApproverDecideTask($id: ID!, $input: DecisionInput!) {\n    decideTask(id: $id, input: $input) {\n      task { id status decision decidedBy completedAt }\n      process { __typename id stage }\n    }\n  }\n": types.ApproverDecideTaskDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganizationsByName($name: String) {\n    organizations(filter: { nameContains: $name }, first: 20) {\n      edges { node { id name } }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrganizationsByName($name: String) {\n    organizations(filter: { nameContains: $name }, first: 20) {\n      edges { node { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganizationName($id: ID!) {\n    organization(id: $id) { id name }\n  }\n"): (typeof documents)["\n  query AdminOrganizationName($id: ID!) {\n    organization(id: $id) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProcessRun($id: ID!, $runId: String) {\n    processRun(id: $id, runId: $runId) {\n      id runId workflowType processType stage year status startTime closeTime parentId taskQueue summary historyLength failure\n      organization { id name }\n      subject { processId campaignId procurementId }\n      openTasks { id kind title status assignee dueAt escalated candidates { role organizationId subject } }\n      pendingActivities { activityId activityType state attempt maximumAttempts lastFailure lastStartedAt nextAttemptAt }\n      children(first: 20) {\n        totalCount\n        edges { node { id processType stage status startTime organization { name } } }\n      }\n      audit { id actor at action target reason outcome error }\n      timeline { at kind zh en actor taskId eventId }\n    }\n  }\n"): (typeof documents)["\n  query AdminProcessRun($id: ID!, $runId: String) {\n    processRun(id: $id, runId: $runId) {\n      id runId workflowType processType stage year status startTime closeTime parentId taskQueue summary historyLength failure\n      organization { id name }\n      subject { processId campaignId procurementId }\n      openTasks { id kind title status assignee dueAt escalated candidates { role organizationId subject } }\n      pendingActivities { activityId activityType state attempt maximumAttempts lastFailure lastStartedAt nextAttemptAt }\n      children(first: 20) {\n        totalCount\n        edges { node { id processType stage status startTime organization { name } } }\n      }\n      audit { id actor at action target reason outcome error }\n      timeline { at kind zh en actor taskId eventId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminRunOperationResult on RunOperationResult {\n    workflowId status runId tasksClosed audit { id actor at action target reason outcome error }\n  }\n"): (typeof documents)["\n  fragment AdminRunOperationResult on RunOperationResult {\n    workflowId status runId tasksClosed audit { id actor at action target reason outcome error }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelRun($id: ID!, $reason: String!) {\n    cancelRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n"): (typeof documents)["\n  mutation AdminCancelRun($id: ID!, $reason: String!) {\n    cancelRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminTerminateRun($id: ID!, $reason: String!) {\n    terminateRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n"): (typeof documents)["\n  mutation AdminTerminateRun($id: ID!, $reason: String!) {\n    terminateRun(id: $id, reason: $reason) { ...AdminRunOperationResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryActivity($id: ID!, $activityId: String, $reason: String!) {\n    retryActivity(id: $id, activityId: $activityId, reason: $reason) { ...AdminRunOperationResult }\n  }\n"): (typeof documents)["\n  mutation AdminRetryActivity($id: ID!, $activityId: String, $reason: String!) {\n    retryActivity(id: $id, activityId: $activityId, reason: $reason) { ...AdminRunOperationResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResetRun($id: ID!, $toEventId: Int, $reason: String!) {\n    resetRun(id: $id, toEventId: $toEventId, reason: $reason) { ...AdminRunOperationResult }\n  }\n"): (typeof documents)["\n  mutation AdminResetRun($id: ID!, $toEventId: Int, $reason: String!) {\n    resetRun(id: $id, toEventId: $toEventId, reason: $reason) { ...AdminRunOperationResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReassignTask($taskId: ID!, $candidates: [CandidateInput!]!, $reason: String!) {\n    reassignTask(taskId: $taskId, candidates: $candidates, reason: $reason) { id status assignee dueAt candidates { role organizationId subject } }\n  }\n"): (typeof documents)["\n  mutation AdminReassignTask($taskId: ID!, $candidates: [CandidateInput!]!, $reason: String!) {\n    reassignTask(taskId: $taskId, candidates: $candidates, reason: $reason) { id status assignee dueAt candidates { role organizationId subject } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminExtendTaskDue($taskId: ID!, $dueAt: DateTimeISO!, $reason: String!) {\n    extendTaskDue(taskId: $taskId, dueAt: $dueAt, reason: $reason) { id status dueAt }\n  }\n"): (typeof documents)["\n  mutation AdminExtendTaskDue($taskId: ID!, $dueAt: DateTimeISO!, $reason: String!) {\n    extendTaskDue(taskId: $taskId, dueAt: $dueAt, reason: $reason) { id status dueAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBatchCount($filter: ProcessRunFilter!) {\n    processRuns(filter: $filter, first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query AdminBatchCount($filter: ProcessRunFilter!) {\n    processRuns(filter: $filter, first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminStartBatch($filter: BatchFilter!, $action: BatchAction!, $reason: String!, $candidates: [CandidateInput!]) {\n    startBatchOperation(filter: $filter, action: $action, reason: $reason, candidates: $candidates) { id status total done failed }\n  }\n"): (typeof documents)["\n  mutation AdminStartBatch($filter: BatchFilter!, $action: BatchAction!, $reason: String!, $candidates: [CandidateInput!]) {\n    startBatchOperation(filter: $filter, action: $action, reason: $reason, candidates: $candidates) { id status total done failed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBatchOperation($id: ID!) {\n    batchOperation(id: $id) { id status total done failed failures }\n  }\n"): (typeof documents)["\n  query AdminBatchOperation($id: ID!) {\n    batchOperation(id: $id) { id status total done failed failures }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelBatch($id: ID!, $reason: String!) {\n    cancelBatchOperation(id: $id, reason: $reason) { id status total done failed failures }\n  }\n"): (typeof documents)["\n  mutation AdminCancelBatch($id: ID!, $reason: String!) {\n    cancelBatchOperation(id: $id, reason: $reason) { id status total done failed failures }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProcessRuns($filter: ProcessRunFilter, $view: ID, $first: Int!, $after: String, $withCounts: Boolean!) {\n    processRuns(filter: $filter, view: $view, first: $first, after: $after) {\n      totalCount\n      candidatesLimited\n      countsByStatus @include(if: $withCounts) { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id runId processType stage status year startTime closeTime summary organization { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProcessRuns($filter: ProcessRunFilter, $view: ID, $first: Int!, $after: String, $withCounts: Boolean!) {\n    processRuns(filter: $filter, view: $view, first: $first, after: $after) {\n      totalCount\n      candidatesLimited\n      countsByStatus @include(if: $withCounts) { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id runId processType stage status year startTime closeTime summary organization { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRunViews {\n    runViews { id name owner shared mine filter updatedAt }\n  }\n"): (typeof documents)["\n  query AdminRunViews {\n    runViews { id name owner shared mine filter updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSaveRunView($name: String!, $filter: ProcessRunFilter!, $shared: Boolean!) {\n    saveRunView(name: $name, filter: $filter, shared: $shared) { id name shared mine filter }\n  }\n"): (typeof documents)["\n  mutation AdminSaveRunView($name: String!, $filter: ProcessRunFilter!, $shared: Boolean!) {\n    saveRunView(name: $name, filter: $filter, shared: $shared) { id name shared mine filter }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteRunView($id: ID!) {\n    deleteRunView(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteRunView($id: ID!) {\n    deleteRunView(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSchedules {\n    schedules { id workflowType paused note nextRuns recentRuns }\n    evaluationSchedules { id track paused note nextRuns }\n  }\n"): (typeof documents)["\n  query AdminSchedules {\n    schedules { id workflowType paused note nextRuns recentRuns }\n    evaluationSchedules { id track paused note nextRuns }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPauseSchedule($id: ID!, $note: String!) {\n    pauseSchedule(id: $id, note: $note) { id paused note audit { id action outcome reason } }\n  }\n"): (typeof documents)["\n  mutation AdminPauseSchedule($id: ID!, $note: String!) {\n    pauseSchedule(id: $id, note: $note) { id paused note audit { id action outcome reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResumeSchedule($id: ID!, $reason: String!) {\n    resumeSchedule(id: $id, reason: $reason) { id paused note audit { id action outcome reason } }\n  }\n"): (typeof documents)["\n  mutation AdminResumeSchedule($id: ID!, $reason: String!) {\n    resumeSchedule(id: $id, reason: $reason) { id paused note audit { id action outcome reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminTriggerSchedule($id: ID!, $reason: String!) {\n    triggerSchedule(id: $id, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n"): (typeof documents)["\n  mutation AdminTriggerSchedule($id: ID!, $reason: String!) {\n    triggerSchedule(id: $id, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminBackfillSchedule($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $reason: String!) {\n    backfillSchedule(id: $id, from: $from, to: $to, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n"): (typeof documents)["\n  mutation AdminBackfillSchedule($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $reason: String!) {\n    backfillSchedule(id: $id, from: $from, to: $to, reason: $reason) { id recentRuns audit { id action outcome reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPauseEvaluationSchedule($track: EvaluationTrack!, $note: String!) {\n    pauseEvaluationSchedule(track: $track, note: $note) { id paused note }\n  }\n"): (typeof documents)["\n  mutation AdminPauseEvaluationSchedule($track: EvaluationTrack!, $note: String!) {\n    pauseEvaluationSchedule(track: $track, note: $note) { id paused note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResumeEvaluationSchedule($track: EvaluationTrack!) {\n    resumeEvaluationSchedule(track: $track) { id paused note }\n  }\n"): (typeof documents)["\n  mutation AdminResumeEvaluationSchedule($track: EvaluationTrack!) {\n    resumeEvaluationSchedule(track: $track) { id paused note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminBackfillEvaluationCampaigns($track: EvaluationTrack!, $fromYear: Int!, $toYear: Int!) {\n    backfillEvaluationCampaigns(track: $track, fromYear: $fromYear, toYear: $toYear) { id year stage }\n  }\n"): (typeof documents)["\n  mutation AdminBackfillEvaluationCampaigns($track: EvaluationTrack!, $fromYear: Int!, $toYear: Int!) {\n    backfillEvaluationCampaigns(track: $track, fromYear: $fromYear, toYear: $toYear) { id year stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApproverInbox(\n    $first: Int!\n    $after: String\n    $status: TaskStatus\n    $processType: String\n    $kind: String\n    $organizationId: ID\n    $assigned: TaskAssignment\n    $dueBefore: DateTimeISO\n    $orderBy: TaskOrder\n  ) {\n    myTasks(\n      first: $first\n      after: $after\n      status: $status\n      processType: $processType\n      kind: $kind\n      organizationId: $organizationId\n      assigned: $assigned\n      dueBefore: $dueBefore\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title summary processType kind status priority dueAt escalated assignee delegatedTo\n          organization { id name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApproverInbox(\n    $first: Int!\n    $after: String\n    $status: TaskStatus\n    $processType: String\n    $kind: String\n    $organizationId: ID\n    $assigned: TaskAssignment\n    $dueBefore: DateTimeISO\n    $orderBy: TaskOrder\n  ) {\n    myTasks(\n      first: $first\n      after: $after\n      status: $status\n      processType: $processType\n      kind: $kind\n      organizationId: $organizationId\n      assigned: $assigned\n      dueBefore: $dueBefore\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title summary processType kind status priority dueAt escalated assignee delegatedTo\n          organization { id name }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApproverNotifications($first: Int!) {\n    myNotifications(first: $first) {\n      totalCount\n      edges { node { id taskId processId kind message createdAt } }\n    }\n  }\n"): (typeof documents)["\n  query ApproverNotifications($first: Int!) {\n    myNotifications(first: $first) {\n      totalCount\n      edges { node { id taskId processId kind message createdAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApproverOrganizationChoices($nameContains: String) {\n    organizations(first: 20, filter: { nameContains: $nameContains }) {\n      edges { node { id name } }\n    }\n  }\n"): (typeof documents)["\n  query ApproverOrganizationChoices($nameContains: String) {\n    organizations(first: 20, filter: { nameContains: $nameContains }) {\n      edges { node { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApproverTask($id: ID!) {\n    task(id: $id) {\n      id title summary processType kind status priority dueAt followUpAt escalated createdAt completedAt\n      assignee delegatedTo decision comment decidedBy decisionValues processId\n      organization { id name }\n      candidates { role organizationId subject }\n      form {\n        outcomes\n        fields { name label type required min max maxLength options forOutcomes }\n      }\n      comments { id author body createdAt }\n      process {\n        __typename id stage processType\n        ... on TrainingEnrollment {\n          personName enrollmentStatus: status requestedAt\n          course { id title startsOn days }\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n        ... on EvaluationApplication {\n          campaignId organizationName applicationStatus: status reviewerCount total grade updatedAt\n        }\n        ... on Procurement {\n          title agencyName categoryName budgetFen method round closesAt\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApproverTask($id: ID!) {\n    task(id: $id) {\n      id title summary processType kind status priority dueAt followUpAt escalated createdAt completedAt\n      assignee delegatedTo decision comment decidedBy decisionValues processId\n      organization { id name }\n      candidates { role organizationId subject }\n      form {\n        outcomes\n        fields { name label type required min max maxLength options forOutcomes }\n      }\n      comments { id author body createdAt }\n      process {\n        __typename id stage processType\n        ... on TrainingEnrollment {\n          personName enrollmentStatus: status requestedAt\n          course { id title startsOn days }\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n        ... on EvaluationApplication {\n          campaignId organizationName applicationStatus: status reviewerCount total grade updatedAt\n        }\n        ... on Procurement {\n          title agencyName categoryName budgetFen method round closesAt\n          tasks { id kind status decision decidedBy comment completedAt }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproverClaimTask($id: ID!) { claimTask(id: $id) { id status assignee delegatedTo } }\n"): (typeof documents)["\n  mutation ApproverClaimTask($id: ID!) { claimTask(id: $id) { id status assignee delegatedTo } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproverUnclaimTask($id: ID!) { unclaimTask(id: $id) { id status assignee delegatedTo } }\n"): (typeof documents)["\n  mutation ApproverUnclaimTask($id: ID!) { unclaimTask(id: $id) { id status assignee delegatedTo } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproverDelegateTask($id: ID!, $to: String!, $comment: String) {\n    delegateTask(id: $id, to: $to, comment: $comment) { id status assignee delegatedTo }\n  }\n"): (typeof documents)["\n  mutation ApproverDelegateTask($id: ID!, $to: String!, $comment: String) {\n    delegateTask(id: $id, to: $to, comment: $comment) { id status assignee delegatedTo }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproverReturnTask($id: ID!, $comment: String) {\n    returnTask(id: $id, comment: $comment) { id status assignee delegatedTo }\n  }\n"): (typeof documents)["\n  mutation ApproverReturnTask($id: ID!, $comment: String) {\n    returnTask(id: $id, comment: $comment) { id status assignee delegatedTo }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproverAddTaskComment($id: ID!, $body: String!) {\n    addTaskComment(id: $id, body: $body) { id author body createdAt }\n  }\n"): (typeof documents)["\n  mutation ApproverAddTaskComment($id: ID!, $body: String!) {\n    addTaskComment(id: $id, body: $body) { id author body createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproverDecideTask($id: ID!, $input: DecisionInput!) {\n    decideTask(id: $id, input: $input) {\n      task { id status decision decidedBy completedAt }\n      process { __typename id stage }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproverDecideTask($id: ID!, $input: DecisionInput!) {\n    decideTask(id: $id, input: $input) {\n      task { id status decision decidedBy completedAt }\n      process { __typename id stage }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;