import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TrainingCourse } from './entities/training-course.js';
import { TrainingEnrollment } from './entities/training-enrollment.js';
import { HumanTask } from './entities/human-task.js';

/** Per-request batching for the processes subgraph. */
export function createProcessesLoaders(em: EntityManager) {
  const course = new DataLoader<string, TrainingCourse | null>(async (ids) => {
    const rows = await em.find(TrainingCourse, { id: { $in: [...ids] } });
    return ids.map((id) => rows.find((c) => c.id === id) ?? null);
  });
  const enrollmentsByOrganization = new DataLoader<string, TrainingEnrollment[]>(async (orgIds) => {
    const rows = await em.find(TrainingEnrollment, { organizationId: { $in: [...orgIds] } }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
    return orgIds.map((id) => rows.filter((e) => e.organizationId === id));
  });
  const tasksByProcess = new DataLoader<string, HumanTask[]>(async (processIds) => {
    const rows = await em.find(HumanTask, { processId: { $in: [...processIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return processIds.map((id) => rows.filter((t) => t.processId === id));
  });
  const enrollment = new DataLoader<string, TrainingEnrollment | null>(async (ids) => {
    const rows = await em.find(TrainingEnrollment, { id: { $in: [...ids] } });
    return ids.map((id) => rows.find((e) => e.id === id) ?? null);
  });
  return { course, enrollment, enrollmentsByOrganization, tasksByProcess };
}

export type ProcessesLoaders = ReturnType<typeof createProcessesLoaders>;
