import { Migration } from '@mikro-orm/migrations';

export class Migration20261207210020_registry_import extends Migration {

  override name = 'Migration20261207210020_registry_import';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."registry_import" ("id" uuid not null, "workflow_id" text not null, "stage" text not null, "kind" text not null, "file_id" uuid not null, "file_name" text not null, "sha256" text not null, "uploaded_by" text not null, "created_at" timestamptz not null, "preview" jsonb null, "errors" jsonb null, "valid_rows" jsonb null, "decision" text null, "reviewed_by" text null, "rejection_reason" text null, "applied" jsonb null, "changes" jsonb null, "applied_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "processes"."registry_import" add constraint "registry_import_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "registry_import_uploaded_by_idx" on "processes"."registry_import" ("uploaded_by", "created_at");`);

    this.addSql(`create table "processes"."registry_import_file" ("id" uuid not null, "kind" text not null, "file_name" text not null, "format" text not null, "sha256" text not null, "size" int not null, "rows" int not null, "content" bytea not null, "uploaded_by" text not null, "uploaded_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`alter table "processes"."human_task" add "excluded_subjects" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."registry_import" cascade;`);
    this.addSql(`drop table if exists "processes"."registry_import_file" cascade;`);

    this.addSql(`alter table "processes"."human_task" drop column "excluded_subjects";`);
  }

}
