import { Migration } from '@mikro-orm/migrations';

export class Migration20261129064434_run_operations extends Migration {

  override name = 'Migration20261129064434_run_operations';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."run_audit" ("id" uuid not null, "actor" text not null, "at" timestamptz not null, "action" text not null, "target" text not null, "reason" text not null, "details" jsonb null, "outcome" text not null default 'REQUESTED', "error" text null, primary key ("id"));`);
    this.addSql(`create index "run_audit_target_idx" on "processes"."run_audit" ("target", "at");`);

    this.addSql(`create table "processes"."saved_run_view" ("id" uuid not null, "name" text not null, "owner" text not null, "shared" boolean not null default false, "filter" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "saved_run_view_shared_idx" on "processes"."saved_run_view" ("shared");`);
    this.addSql(`alter table "processes"."saved_run_view" add constraint "saved_run_view_owner_name_idx" unique ("owner", "name");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."run_audit" cascade;`);
    this.addSql(`drop table if exists "processes"."saved_run_view" cascade;`);
  }

}
