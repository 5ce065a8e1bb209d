import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { BatchActivities } from '../../../workflows/operations/batch.js';
import { HubError } from '../../common/errors.js';
import { endRun } from './run-operations.js';
import { candidateKeysOn } from '../tasks/candidate-keys.js';
import type { RegistryClient } from '../registry/client.js';
import { todayInChina } from '../../common/dates.js';
import { ACTIVE_STATUSES, HumanTask, TaskStatus } from '../kit/human-task.js';
import type { ProcessCatalog } from '../kit/process-catalog.js';

const MAX_TARGETS = 10_000;

/** The batch workflow's activities: list the runs, act on one run. */
export function createBatchActivities({
  orm,
  temporal,
  registry,
  catalog,
}: {
  orm: MikroORM;
  temporal: Client;
  registry: Pick<RegistryClient, 'supervisingFederations'>;
  catalog: ProcessCatalog;
}) {
  return {
    async listBatchTargets({ query }) {
      const ids: string[] = [];
      for await (const run of temporal.workflow.list({ query, pageSize: 1000 })) {
        ids.push(run.workflowId);
        if (ids.length >= MAX_TARGETS) break;
      }
      return ids;
    },

    async applyBatchAction({ action, workflowId, reason, candidates }) {
      try {
        if (action === 'REASSIGN') {
          // The keys of each task's organisation (a Federation's officers: its supervisors today), read before the transaction.
          const open = await orm.em.fork().find(HumanTask, { workflowId, status: { $in: ACTIVE_STATUSES } });
          const keys = new Map<string, string[]>();
          for (const organizationId of new Set(open.map((task) => task.organizationId)))
            keys.set(organizationId, await candidateKeysOn(registry, candidates!, organizationId, todayInChina()));
          await orm.em.fork().transactional(async (em) => {
            const ids = open.map((task) => task.id);
            for (const task of await em.find(HumanTask, { id: { $in: ids }, status: { $in: ACTIVE_STATUSES } })) {
              Object.assign(task, {
                candidates,
                candidateKeys: keys.get(task.organizationId),
                assignee: null,
                delegatedTo: null,
                status: TaskStatus.OPEN,
              });
            }
          });
          return;
        }
        await endRun(
          { temporal, em: orm.em.fork(), catalog },
          workflowId,
          action === 'CANCEL' ? 'CANCELLED' : 'TERMINATED',
          reason,
        );
      } catch (error) {
        // The run said no (it has ended, it is gone): that run failed; retrying cannot help.
        if (error instanceof HubError) throw ApplicationFailure.nonRetryable(error.message, 'RunRefused');
        throw error;
      }
    },
  } satisfies BatchActivities;
}
