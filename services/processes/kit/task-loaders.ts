import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_STATUSES, HumanTask } from './human-task.js';
import { TaskComment } from './comment.js';
import { NotificationRead } from './delivery/read-mark.js';
import { visibleTo } from './access.js';
import { byId, childrenOf } from '../../common/loaders.js';
import type { Identity } from '../../common/identity.js';

/** The task kit's per-request batching; task lists only hold what the caller may see. */
export function createTaskLoaders(em: EntityManager, identity: Identity) {
  const visible = visibleTo(identity);
  return {
    task: byId(em, HumanTask),
    commentsByTask: childrenOf(em, TaskComment, 'taskId', { createdAt: 'asc', id: 'asc' }),
    /** Whether the caller has read each notification (their marks, services/processes/tasks/notification-reads.ts). */
    notificationRead: new DataLoader<string, boolean>(async (ids) => {
      const marks = await em.find(NotificationRead, { subject: identity.subject, notificationId: { $in: [...ids] } });
      const read = new Set(marks.map((mark) => mark.notificationId));
      return ids.map((id) => read.has(id));
    }),
    visibleTasksByProcess: new DataLoader<string, HumanTask[]>(async (ids) => {
      const rows = await em.find(
        HumanTask,
        { $and: [{ processId: { $in: [...ids] } }, visible] },
        {
          orderBy: { createdAt: 'asc', id: 'asc' },
        },
      );
      return ids.map((id) => rows.filter((row) => row.processId === id));
    }),
    openTasksByOrganization: new DataLoader<string, HumanTask[]>(async (ids) => {
      const rows = await em.find(
        HumanTask,
        { $and: [{ organizationId: { $in: [...ids] }, status: { $in: ACTIVE_STATUSES } }, visible] },
        { orderBy: { dueAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.organizationId === id));
    }),
  };
}

export type TaskLoaders = ReturnType<typeof createTaskLoaders>;
