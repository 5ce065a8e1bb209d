import { Migration } from '@mikro-orm/migrations';

export class Migration20261207173805_facts_keeping_and_change_feed extends Migration {

  override name = 'Migration20261207173805_facts_keeping_and_change_feed';

  override up(): void | Promise<void> {
    this.addSql(`create table "registry"."change_commit" ("seq" bigserial primary key, "txid" bigint not null, "committed_at" timestamptz not null default clock_timestamp());`);
    this.addSql(`alter table "registry"."change_commit" add constraint "change_commit_txid_unique" unique ("txid");`);

    this.addSql(`create table "registry"."change" ("id" bigserial primary key, "txid" bigint not null default pg_current_xact_id()::text::bigint, "entity_type" text not null, "entity_id" uuid not null, "operation" text not null, "version" int null, "changed_fields" text[] not null, "after" jsonb null, "as_of" jsonb null, "actor" text not null);`);
    this.addSql(`create index "change_txid_idx" on "registry"."change" ("txid", "id");`);

    this.addSql(`alter table "registry"."audit_entry" add "reason" text null;`);

    this.addSql(`alter table "registry"."list_entry" add "reason" text null, add "removal_reason" text null, add "version" int not null default 1;`);

    this.addSql(`alter table "registry"."credit_entry" add "version" int not null default 1;`);

    this.addSql(`alter table "registry"."annual_inspection" add "version" int not null default 1;`);

    this.addSql(`alter table "registry"."administrative_penalty" add "kind" text not null default 'OTHER', add "document_number" text null, add "revoked_on" date null, add "version" int not null default 1;`);
    this.addSql(`alter table "registry"."administrative_penalty" add constraint "administrative_penalty_document_unique" unique ("authority", "document_number");`);
    this.addSql(`alter table "registry"."administrative_penalty" add constraint "administrative_penalty_kind_check" check ("kind" in ('WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'REPLACE_LEADERS', 'DEREGISTRATION', 'OTHER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."change_commit" cascade;`);
    this.addSql(`drop table if exists "registry"."change" cascade;`);

    this.addSql(`alter table "registry"."administrative_penalty" drop constraint "administrative_penalty_document_unique";`);
    this.addSql(`alter table "registry"."administrative_penalty" drop constraint "administrative_penalty_kind_check";`);
    this.addSql(`alter table "registry"."administrative_penalty" drop column "kind", drop column "document_number", drop column "revoked_on", drop column "version";`);

    this.addSql(`alter table "registry"."annual_inspection" drop column "version";`);

    this.addSql(`alter table "registry"."audit_entry" drop column "reason";`);

    this.addSql(`alter table "registry"."credit_entry" drop column "version";`);

    this.addSql(`alter table "registry"."list_entry" drop column "reason", drop column "removal_reason", drop column "version";`);
  }

}
