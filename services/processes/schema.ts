import { buildSubgraph, type ReferenceResolvers } from '../common/subgraph.js';
import { InboxResolver, visibleTaskOrNull } from './tasks/inbox.js';
import { TaskActionsResolver } from './tasks/actions.js';
import { DecideResolver } from './tasks/decide.js';
import { OrganizationTasksResolver } from './tasks/organization-tasks.js';
import { ProcessRunResolver, WorkflowRunResolver } from './runs/resolvers.js';
import { RunViewResolver } from './runs/views.js';
import { RunOperationsResolver } from './operations/run-operations.js';
import { TaskOperationsResolver } from './operations/task-operations.js';
import { BatchOperationsResolver } from './operations/batch-operations.js';
import { ScheduleOperationsResolver } from './operations/schedule-operations.js';
import { CatalogResolver } from './catalog-resolver.js';
import { NotificationReadsResolver } from './tasks/notification-reads.js';
import { NotificationOutboxResolver } from './operations/notification-outbox.js';
import { SubjectNamesResolver } from './runs/subject-names.js';
import { OrganizationRef } from './kit/organization-ref.js';
import { fillCatalogEnums } from './kit/catalog-enums.js';
import type { ProcessCatalog } from './kit/process-catalog.js';
import type { ProcessesContext } from './kit/context.js';

/** The task kit's, the runs view's and the operations' resolvers: every hub has them. */
const KIT_RESOLVERS = [
  InboxResolver,
  TaskActionsResolver,
  DecideResolver,
  OrganizationTasksResolver,
  WorkflowRunResolver,
  ProcessRunResolver,
  RunViewResolver,
  RunOperationsResolver,
  TaskOperationsResolver,
  BatchOperationsResolver,
  ScheduleOperationsResolver,
  CatalogResolver,
  NotificationReadsResolver,
  NotificationOutboxResolver,
  SubjectNamesResolver,
];

/** The processes subgraph: the approvers' tasks, the catalog's processes, the admins' runs. */
export function buildProcessesSchema(catalog: ProcessCatalog) {
  fillCatalogEnums(catalog);
  const [first, ...rest] = [...KIT_RESOLVERS, ...catalog.processes.flatMap((p) => p.resolvers)];
  return buildSubgraph(
    {
      resolvers: [first, ...rest],
      // Organization is only extended here; without this, buildSchema would drop it.
      orphanedTypes: [OrganizationRef, ...catalog.processes.flatMap((p) => p.orphanedTypes ?? [])],
    },
    {
      Organization: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // Another subgraph (or the gateway) may hold a task's id; it resolves for those who may see it.
      HumanTask: {
        __resolveReference: (ref: { id: string }, ctx: ProcessesContext) => visibleTaskOrNull(ref.id, ctx),
      },
      ...(Object.assign({}, ...catalog.processes.map((p) => p.references ?? {})) as ReferenceResolvers),
    },
  );
}
