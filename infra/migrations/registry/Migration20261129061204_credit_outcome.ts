import { Migration } from '@mikro-orm/migrations';

export class Migration20261129061204_credit_outcome extends Migration {

  override name = 'Migration20261129061204_credit_outcome';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registry"."credit_entry" add "outcome" text null;`);
    this.addSql(`alter table "registry"."credit_entry" add constraint "credit_entry_outcome_check" check ("outcome" in ('EXCELLENT', 'GOOD', 'PASS', 'FAIL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registry"."credit_entry" drop constraint "credit_entry_outcome_check";`);
    this.addSql(`alter table "registry"."credit_entry" drop column "outcome";`);
  }

}
