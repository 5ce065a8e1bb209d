import { buildSubgraph } from '../shared/subgraph.js';
import { OrganizationTrainingResolver, TrainingResolver } from './resolvers/training.js';
import { TaskResolver } from './resolvers/tasks.js';
import { WorkflowRunResolver } from './resolvers/workflow-runs.js';
import { OrganizationRef } from './entities/organization-ref.js';

/** The processes subgraph: training enrollments, the approvers' tasks, the admins' runs. */
export function buildProcessesSchema() {
  return buildSubgraph(
    {
      resolvers: [TrainingResolver, OrganizationTrainingResolver, TaskResolver, WorkflowRunResolver],
      // Organization is only extended here; without this, buildSchema would drop it.
      orphanedTypes: [OrganizationRef],
    },
    { Organization: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  );
}
