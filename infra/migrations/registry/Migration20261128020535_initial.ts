import { Migration } from '@mikro-orm/migrations';

export class Migration20261128020535_initial extends Migration {

  override name = 'Migration20261128020535_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "registry";`);
    this.addSql(`create table "registry"."organization" ("id" uuid not null, "name" text not null, "short_name" text null, "english_name" text null, "kind" text not null, "region_code" char(6) not null, "home_region_code" char(6) null, "credit_code" char(18) null, "created_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "organization_name_idx" on "registry"."organization" ("name");`);
    this.addSql(`create index "organization_kind_idx" on "registry"."organization" ("kind");`);
    this.addSql(`alter table "registry"."organization" add constraint "organization_credit_code_unique" unique ("credit_code");`);

    this.addSql(`create table "registry"."relationship" ("id" uuid not null, "type" text not null, "from_id" uuid not null, "to_id" uuid not null, "valid_from" date not null, "valid_to" date null, "attributes" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "relationship_to_idx" on "registry"."relationship" ("to_id", "type");`);
    this.addSql(`create index "relationship_from_idx" on "registry"."relationship" ("from_id", "type");`);

    this.addSql(`alter table "registry"."organization" add constraint "organization_kind_check" check ("kind" in ('FEDERATION', 'INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER', 'ENTERPRISE', 'COLLEGE', 'BANK', 'BANK_BRANCH', 'COURT', 'PROCURATORATE', 'POLICE', 'GOVERNMENT_AGENCY', 'FOUNDATION', 'VILLAGE'));`);

    this.addSql(`alter table "registry"."relationship" add constraint "relationship_from_id_foreign" foreign key ("from_id") references "registry"."organization" ("id") on delete cascade;`);
    this.addSql(`alter table "registry"."relationship" add constraint "relationship_to_id_foreign" foreign key ("to_id") references "registry"."organization" ("id") on delete cascade;`);
    this.addSql(`alter table "registry"."relationship" add constraint "relationship_type_check" check ("type" in ('SUPERVISES', 'MEMBER_OF', 'BANK_PAIRING', 'COLLEGE_PARTNERSHIP', 'ASSISTANCE_PAIRING', 'BRANCH_OF', 'FOUNDED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registry"."relationship" drop constraint "relationship_from_id_foreign";`);
    this.addSql(`alter table "registry"."relationship" drop constraint "relationship_to_id_foreign";`);

    this.addSql(`drop table if exists "registry"."organization" cascade;`);
    this.addSql(`drop table if exists "registry"."relationship" cascade;`);

    this.addSql(`drop schema if exists "registry";`);
  }

}
