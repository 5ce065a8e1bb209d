import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { BatchActivities } from '../../../workflows/operations/batch.js';
import { HubError } from '../../common/errors.js';
import { endRun } from './run-operations.js';
import { candidateKey } from '../kit/access.js';
import { ACTIVE_STATUSES, HumanTask, TaskStatus } from '../kit/human-task.js';
import type { ProcessCatalog } from '../kit/process-catalog.js';

const MAX_TARGETS = 10_000;

/** The batch workflow's activities: list the runs, act on one run. */
export function createBatchActivities({
  orm,
  temporal,
  catalog,
}: {
  orm: MikroORM;
  temporal: Client;
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
          await orm.em.fork().transactional(async (em) => {
            for (const task of await em.find(HumanTask, { workflowId, status: { $in: ACTIVE_STATUSES } })) {
              Object.assign(task, {
                candidates,
                candidateKeys: candidates!.map(candidateKey),
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
