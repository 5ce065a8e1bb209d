import { Migration } from '@mikro-orm/migrations';

export class Migration20261207210013_import_batch extends Migration {

  override name = 'Migration20261207210013_import_batch';

  override up(): void | Promise<void> {
    this.addSql(`create table "registry"."import_batch" ("key" text not null, "actor" text not null, "outcomes" jsonb not null, "applied_at" timestamptz not null, primary key ("key"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."import_batch" cascade;`);
  }

}
