import { Migration } from '@mikro-orm/migrations';

export class Migration20261128033603_honour_revoked_on extends Migration {

  override name = 'Migration20261128033603_honour_revoked_on';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registry"."honour" add "revoked_on" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registry"."honour" drop column "revoked_on";`);
  }

}
