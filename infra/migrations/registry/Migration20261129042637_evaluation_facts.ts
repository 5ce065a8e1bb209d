import { Migration } from '@mikro-orm/migrations';

export class Migration20261129042637_evaluation_facts extends Migration {

  override name = 'Migration20261129042637_evaluation_facts';

  override up(): void | Promise<void> {
    this.addSql(`create table "registry"."list_entry" ("id" uuid not null, "organization_id" uuid not null, "list" text not null, "listed_on" date not null, "removed_on" date null, primary key ("id"));`);
    this.addSql(`create index "list_entry_organization_idx" on "registry"."list_entry" ("organization_id");`);

    this.addSql(`create table "registry"."credit_entry" ("id" uuid not null, "organization_id" uuid not null, "kind" text not null, "summary" text not null, "recorded_on" date not null, "source" text not null, "idempotency_key" text not null, primary key ("id"));`);
    this.addSql(`create index "credit_entry_organization_idx" on "registry"."credit_entry" ("organization_id");`);
    this.addSql(`alter table "registry"."credit_entry" add constraint "credit_entry_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "registry"."annual_inspection" ("id" uuid not null, "organization_id" uuid not null, "year" int not null, "result" text not null, primary key ("id"));`);
    this.addSql(`alter table "registry"."annual_inspection" add constraint "annual_inspection_organization_year_unique" unique ("organization_id", "year");`);

    this.addSql(`create table "registry"."administrative_penalty" ("id" uuid not null, "organization_id" uuid not null, "decided_on" date not null, "authority" text not null, "description" text not null, "served_until" date null, primary key ("id"));`);
    this.addSql(`create index "administrative_penalty_organization_idx" on "registry"."administrative_penalty" ("organization_id");`);

    this.addSql(`create table "registry"."reward_grant" ("id" uuid not null, "organization_id" uuid not null, "year" int not null, "amount_fen" bigint not null, "reason" text not null, "campaign" text not null, "idempotency_key" text not null, primary key ("id"));`);
    this.addSql(`create index "reward_grant_organization_idx" on "registry"."reward_grant" ("organization_id");`);
    this.addSql(`alter table "registry"."reward_grant" add constraint "reward_grant_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`alter table "registry"."organization" drop constraint "organization_kind_check";`);
    this.addSql(`alter table "registry"."organization" add "registered_on" date null;`);
    this.addSql(`alter table "registry"."organization" add constraint "organization_kind_check" check ("kind" in ('FEDERATION', 'INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER', 'ENTERPRISE', 'COLLEGE', 'BANK', 'BANK_BRANCH', 'COURT', 'PROCURATORATE', 'POLICE', 'GOVERNMENT_AGENCY', 'FOUNDATION', 'VILLAGE', 'MEDIATION_COMMITTEE', 'EVALUATION_COMMITTEE', 'REVIEW_COMMITTEE'));`);

    this.addSql(`alter table "registry"."honour" add "valid_until" date null, add "campaign" text null, add "idempotency_key" text null;`);
    this.addSql(`alter table "registry"."honour" add constraint "honour_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`alter table "registry"."certification" drop constraint "certification_kind_check";`);
    this.addSql(`alter table "registry"."certification" add "valid_until" date null;`);
    this.addSql(`alter table "registry"."certification" add constraint "certification_kind_check" check ("kind" in ('PROFESSIONAL_QUALIFICATION', 'PROFESSIONAL_TITLE', 'TRAINING_COMPLETION', 'EVALUATION_EXPERT'));`);

    this.addSql(`alter table "registry"."position" drop constraint "position_role_check";`);
    this.addSql(`alter table "registry"."position" add constraint "position_role_check" check ("role" in ('PRESIDENT', 'SECRETARY_GENERAL', 'FULL_TIME_STAFF', 'MEDIATOR', 'LEGAL_COUNSEL', 'FEDERATION_LEADER', 'COMMITTEE_MEMBER'));`);

    this.addSql(`alter table "registry"."rating" add "campaign" text null, add "idempotency_key" text null;`);
    this.addSql(`alter table "registry"."rating" add constraint "rating_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`alter table "registry"."list_entry" add constraint "list_entry_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."list_entry" add constraint "list_entry_list_check" check ("list" in ('ABNORMAL_ACTIVITY', 'SERIOUS_VIOLATION'));`);

    this.addSql(`alter table "registry"."credit_entry" add constraint "credit_entry_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."credit_entry" add constraint "credit_entry_kind_check" check ("kind" in ('RATING', 'HONOUR', 'CONTRACT', 'PERFORMANCE', 'PENALTY'));`);

    this.addSql(`alter table "registry"."annual_inspection" add constraint "annual_inspection_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."annual_inspection" add constraint "annual_inspection_result_check" check ("result" in ('PASS', 'BASIC_PASS', 'FAIL', 'MISSED'));`);

    this.addSql(`alter table "registry"."administrative_penalty" add constraint "administrative_penalty_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);

    this.addSql(`alter table "registry"."reward_grant" add constraint "reward_grant_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."list_entry" cascade;`);
    this.addSql(`drop table if exists "registry"."credit_entry" cascade;`);
    this.addSql(`drop table if exists "registry"."annual_inspection" cascade;`);
    this.addSql(`drop table if exists "registry"."administrative_penalty" cascade;`);
    this.addSql(`drop table if exists "registry"."reward_grant" cascade;`);

    this.addSql(`alter table "registry"."certification" drop constraint "certification_kind_check";`);
    this.addSql(`alter table "registry"."certification" drop column "valid_until";`);
    this.addSql(`alter table "registry"."certification" add constraint "certification_kind_check" check ("kind" in ('PROFESSIONAL_QUALIFICATION', 'PROFESSIONAL_TITLE', 'TRAINING_COMPLETION'));`);

    this.addSql(`alter table "registry"."honour" drop constraint "honour_idempotency_key_unique";`);
    this.addSql(`alter table "registry"."honour" drop column "valid_until", drop column "campaign", drop column "idempotency_key";`);

    this.addSql(`alter table "registry"."organization" drop constraint "organization_kind_check";`);
    this.addSql(`alter table "registry"."organization" drop column "registered_on";`);
    this.addSql(`alter table "registry"."organization" add constraint "organization_kind_check" check ("kind" in ('FEDERATION', 'INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER', 'ENTERPRISE', 'COLLEGE', 'BANK', 'BANK_BRANCH', 'COURT', 'PROCURATORATE', 'POLICE', 'GOVERNMENT_AGENCY', 'FOUNDATION', 'VILLAGE', 'MEDIATION_COMMITTEE'));`);

    this.addSql(`alter table "registry"."position" drop constraint "position_role_check";`);
    this.addSql(`alter table "registry"."position" add constraint "position_role_check" check ("role" in ('PRESIDENT', 'SECRETARY_GENERAL', 'FULL_TIME_STAFF', 'MEDIATOR', 'LEGAL_COUNSEL', 'FEDERATION_LEADER'));`);

    this.addSql(`alter table "registry"."rating" drop constraint "rating_idempotency_key_unique";`);
    this.addSql(`alter table "registry"."rating" drop column "campaign", drop column "idempotency_key";`);
  }

}
