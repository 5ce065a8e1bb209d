import type { EntityManager } from '@mikro-orm/postgresql';
import { TrainingCourse } from './entities/training-course.js';
import { TrainingEnrollment } from './entities/training-enrollment.js';
import { HumanTask } from './entities/human-task.js';
import { byId, childrenOf } from '../shared/loaders.js';

/** Per-request batching for the processes subgraph. */
export function createProcessesLoaders(em: EntityManager) {
  return {
    course: byId(em, TrainingCourse),
    enrollment: byId(em, TrainingEnrollment),
    enrollmentsByOrganization: childrenOf(em, TrainingEnrollment, 'organizationId', { requestedAt: 'asc', id: 'asc' }),
    tasksByProcess: childrenOf(em, HumanTask, 'processId', { createdAt: 'asc', id: 'asc' }),
  };
}

export type ProcessesLoaders = ReturnType<typeof createProcessesLoaders>;
