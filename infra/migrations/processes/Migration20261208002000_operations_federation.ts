import { Migration } from '@mikro-orm/migrations';

export class Migration20261208002000_operations_federation extends Migration {

  override name = 'Migration20261208002000_operations_federation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "processes"."run_audit" add "federation_id" uuid null;`);
    this.addSql(`alter table "processes"."saved_run_view" add "federation_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "processes"."run_audit" drop column "federation_id";`);
    this.addSql(`alter table "processes"."saved_run_view" drop column "federation_id";`);
  }

}
