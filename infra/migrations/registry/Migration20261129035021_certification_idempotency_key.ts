import { Migration } from '@mikro-orm/migrations';

export class Migration20261129035021_certification_idempotency_key extends Migration {

  override name = 'Migration20261129035021_certification_idempotency_key';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registry"."certification" add "idempotency_key" text null;`);
    this.addSql(`alter table "registry"."certification" add constraint "certification_idempotency_key_unique" unique ("idempotency_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registry"."certification" drop constraint "certification_idempotency_key_unique";`);
    this.addSql(`alter table "registry"."certification" drop column "idempotency_key";`);
  }

}
