import { buildSubgraph } from '../common/subgraph.js';
import { OrganizationTrainingResolver, TaskEnrollmentResolver, TrainingResolver } from './training/resolvers.js';
import { InboxResolver, visibleTaskOrNull } from './tasks/inbox.js';
import { TaskActionsResolver } from './tasks/actions.js';
import { DecideResolver } from './tasks/decide.js';
import { OrganizationTasksResolver } from './tasks/organization-tasks.js';
import { ProcessRunResolver, WorkflowRunResolver } from './runs/resolvers.js';
import { RunViewResolver } from './runs/views.js';
import {
  EvaluationApplicationResolver,
  EvaluationCampaignResolver,
  OrganizationEvaluationResolver,
} from './evaluation/resolvers.js';
import { EvaluationScheduleResolver } from './evaluation/schedule-resolvers.js';
import {
  OrganizationContractsResolver,
  ProcurementBidResolver,
  ProcurementContractResolver,
  ProcurementResolver,
} from './procurement/resolvers.js';
import { RunOperationsResolver } from './operations/run-operations.js';
import { TaskOperationsResolver } from './operations/task-operations.js';
import { BatchOperationsResolver } from './operations/batch-operations.js';
import { ScheduleOperationsResolver } from './operations/schedule-operations.js';
import { OrganizationRef } from './entities/organization-ref.js';
import type { ProcessesContext } from './context.js';

/** The processes subgraph: the approvers' tasks, the processes (training ...), the admins' runs. */
export function buildProcessesSchema() {
  return buildSubgraph(
    {
      resolvers: [
        InboxResolver,
        TaskActionsResolver,
        DecideResolver,
        OrganizationTasksResolver,
        TrainingResolver,
        OrganizationTrainingResolver,
        TaskEnrollmentResolver,
        EvaluationCampaignResolver,
        EvaluationApplicationResolver,
        OrganizationEvaluationResolver,
        EvaluationScheduleResolver,
        ProcurementResolver,
        ProcurementBidResolver,
        ProcurementContractResolver,
        OrganizationContractsResolver,
        WorkflowRunResolver,
        ProcessRunResolver,
        RunViewResolver,
        RunOperationsResolver,
        TaskOperationsResolver,
        BatchOperationsResolver,
        ScheduleOperationsResolver,
      ],
      // Organization is only extended here; without this, buildSchema would drop it.
      orphanedTypes: [OrganizationRef],
    },
    {
      Organization: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // Another subgraph (or the gateway) may hold a task's id; it resolves for those who may see it.
      HumanTask: { __resolveReference: (ref: { id: string }, ctx: ProcessesContext) => visibleTaskOrNull(ref.id, ctx) },
    },
  );
}
