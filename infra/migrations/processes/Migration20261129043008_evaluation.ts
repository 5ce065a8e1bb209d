import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043008_evaluation extends Migration {

  override name = 'Migration20261129043008_evaluation';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."evaluation_application" ("id" uuid not null, "campaign_id" text not null, "workflow_id" text not null, "organization_id" uuid not null, "organization_name" text not null, "status" text not null, "self_scores" jsonb null, "reviewers" jsonb not null, "recused" jsonb not null, "reviews" jsonb not null, "total" int null, "proposed_grade" text null, "grade" text null, "objections" jsonb not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "processes"."evaluation_application" add constraint "evaluation_application_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "evaluation_application_organization_idx" on "processes"."evaluation_application" ("organization_id");`);
    this.addSql(`create index "evaluation_application_campaign_idx" on "processes"."evaluation_application" ("campaign_id", "status");`);

    this.addSql(`create table "processes"."evaluation_campaign" ("id" text not null, "year" int not null, "track" text not null, "stage" text not null, "workflow_id" text not null, "params" jsonb not null, "started_by" text not null, "started_at" timestamptz not null, "eligible_count" int not null default 0, "ineligible_count" int not null default 0, primary key ("id"));`);

    this.addSql(`create table "processes"."evaluation_ineligible" ("campaign_id" text not null, "organization_id" uuid not null, "organization_name" text not null, "kind" text not null, "reasons" text[] not null, primary key ("campaign_id", "organization_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."evaluation_application" cascade;`);
    this.addSql(`drop table if exists "processes"."evaluation_campaign" cascade;`);
    this.addSql(`drop table if exists "processes"."evaluation_ineligible" cascade;`);
  }

}
