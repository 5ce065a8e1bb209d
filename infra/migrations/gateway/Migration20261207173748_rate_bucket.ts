import { Migration } from '@mikro-orm/migrations';

export class Migration20261207173748_rate_bucket extends Migration {

  override name = 'Migration20261207173748_rate_bucket';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "gateway";`);
    this.addSql(`create unlogged table "gateway"."rate_bucket" ("subject" text not null, "tokens" double precision not null, "updated_at" timestamptz not null, "allowed" boolean not null, primary key ("subject"));`);
    this.addSql(`create index "rate_bucket_updated_at_idx" on "gateway"."rate_bucket" ("updated_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "gateway"."rate_bucket" cascade;`);

    this.addSql(`drop schema if exists "gateway";`);
  }

}
