import type { Constructor } from '@mikro-orm/core';
import { HumanTask } from './kit/human-task.js';
import { TaskComment } from './kit/comment.js';
import { TaskNotification } from './kit/notification.js';
import { RunAudit } from './kit/run-audit.js';
import { SavedRunView } from './runs/saved-view.js';
import { NotificationRead } from './kit/delivery/read-mark.js';
import { NotificationPreference } from './kit/delivery/preference.js';
import { NotificationChannel } from './kit/delivery/channel.js';
import { NotificationDelivery } from './kit/delivery/delivery.js';
import type { ProcessCatalog } from './kit/process-catalog.js';
import { createOrm, type OrmSpec } from '../common/orm.js';

/** The task kit's and the runs view's own tables, whatever processes the catalog holds. */
const KIT_ENTITIES = [
  HumanTask,
  TaskComment,
  TaskNotification,
  RunAudit,
  SavedRunView,
  NotificationRead,
  NotificationPreference,
  NotificationChannel,
  NotificationDelivery,
];

/** The processes service's tables: the kit's and each catalogued process's; infra/db adds the migration list. */
export function processesOrmSpec(catalog: ProcessCatalog): OrmSpec {
  return {
    schema: 'processes',
    entities: [...KIT_ENTITIES, ...catalog.processes.flatMap((p) => p.entities as Constructor<object>[])],
  };
}

export const createProcessesOrm = (
  catalog: ProcessCatalog,
  databaseUrl: string,
  options?: Parameters<typeof createOrm>[2],
) => createOrm(processesOrmSpec(catalog), databaseUrl, options);
