import { TrainingCourse } from './training/course.js';
import { TrainingEnrollment } from './training/enrollment.js';
import { TrainingAttendance } from './training/attendance.js';
import { HumanTask } from './tasks/human-task.js';
import { TaskComment } from './tasks/comment.js';
import { TaskNotification } from './tasks/notification.js';
import { EvaluationCampaign } from './evaluation/campaign.js';
import { EvaluationApplication } from './evaluation/application.js';
import { EvaluationIneligible } from './evaluation/ineligible.js';
import { Procurement } from './procurement/procurement.js';
import { ProcurementBid } from './procurement/bid.js';
import { ProcurementPayment } from './procurement/payment.js';
import { RunAudit } from './operations/run-audit.js';
import { SavedRunView } from './runs/saved-view.js';
import { createOrm, type OrmSpec } from '../common/orm.js';

/** The processes service's tables; infra/db adds the migration list (services never import infra). */
export const processesOrmSpec: OrmSpec = {
  schema: 'processes',
  entities: [
    TrainingCourse,
    TrainingEnrollment,
    TrainingAttendance,
    HumanTask,
    TaskComment,
    TaskNotification,
    EvaluationCampaign,
    EvaluationApplication,
    EvaluationIneligible,
    Procurement,
    ProcurementBid,
    ProcurementPayment,
    RunAudit,
    SavedRunView,
  ],
};

export const createProcessesOrm = (databaseUrl: string, options?: Parameters<typeof createOrm>[2]) =>
  createOrm(processesOrmSpec, databaseUrl, options);
