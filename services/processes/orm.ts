import { TrainingCourse } from './entities/training-course.js';
import { TrainingEnrollment } from './entities/training-enrollment.js';
import { HumanTask } from './entities/human-task.js';
import { processesMigrations } from '../../infra/migrations/processes/index.js';
import { createOrm, type OrmSpec } from '../shared/orm.js';

export const processesOrmSpec: OrmSpec = {
  schema: 'processes',
  entities: [TrainingCourse, TrainingEnrollment, HumanTask],
  migrations: processesMigrations,
};

export const createProcessesOrm = (databaseUrl: string, options?: Parameters<typeof createOrm>[2]) =>
  createOrm(processesOrmSpec, databaseUrl, options);
