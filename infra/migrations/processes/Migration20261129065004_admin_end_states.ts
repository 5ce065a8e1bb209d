import { Migration } from '@mikro-orm/migrations';

export class Migration20261129065004_admin_end_states extends Migration {

  override name = 'Migration20261129065004_admin_end_states';

  override up(): void | Promise<void> {
    this.addSql(`alter table "processes"."training_enrollment" drop constraint "training_enrollment_status_check";`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_status_check" check ("status" in ('AWAITING_ENDORSEMENT', 'AWAITING_CONFIRMATION', 'ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED', 'CANCELLED', 'TERMINATED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "processes"."training_enrollment" drop constraint "training_enrollment_status_check";`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_status_check" check ("status" in ('AWAITING_ENDORSEMENT', 'AWAITING_CONFIRMATION', 'ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'));`);
  }

}
