import { Migration } from '@mikro-orm/migrations';

export class Migration20261129061444_procurement extends Migration {

  override name = 'Migration20261129061444_procurement';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."procurement" ("id" uuid not null, "workflow_id" text not null, "agency_id" uuid not null, "agency_name" text not null, "category_code" text not null, "category_name" text not null, "title" text not null, "description" text not null, "budget_fen" bigint not null, "method" text not null, "weights" jsonb not null, "eligibility" jsonb not null, "committee" jsonb not null, "notice_days" int not null, "year" int not null, "round" int not null, "closes_at" timestamptz not null, "stage" text not null, "awarded_bid_id" uuid null, "provider_id" uuid null, "recusals" jsonb not null, "objections" jsonb not null, "contract" jsonb null, "performance" jsonb null, "cancel_reason" text null, "close_reason" text null, "published_by" text not null, "published_at" timestamptz not null, "updated_at" timestamptz not null, "revision" int not null default 0, primary key ("id"));`);
    this.addSql(`alter table "processes"."procurement" add constraint "procurement_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "procurement_provider_idx" on "processes"."procurement" ("provider_id");`);
    this.addSql(`create index "procurement_stage_idx" on "processes"."procurement" ("stage");`);
    this.addSql(`create index "procurement_agency_idx" on "processes"."procurement" ("agency_id", "published_at");`);

    this.addSql(`create table "processes"."procurement_bid" ("id" uuid not null, "procurement_id" uuid not null, "round" int not null, "organization_id" uuid not null, "price_fen" bigint not null, "proposal" text not null, "status" text not null, "version" int not null, "reasons" jsonb not null, "technical_scores" jsonb not null, "price_score" double precision null, "total" double precision null, "rank" int null, "submitted_by" text not null, "submitted_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "procurement_bid_organization_idx" on "processes"."procurement_bid" ("organization_id");`);
    this.addSql(`alter table "processes"."procurement_bid" add constraint "procurement_bid_once_idx" unique ("procurement_id", "round", "organization_id");`);

    this.addSql(`create table "processes"."procurement_payment" ("id" uuid not null, "procurement_id" uuid not null, "milestone_no" int not null, "provider_id" uuid not null, "amount_fen" bigint not null, "paid_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "procurement_payment_provider_idx" on "processes"."procurement_payment" ("provider_id");`);
    this.addSql(`alter table "processes"."procurement_payment" add constraint "procurement_payment_once_idx" unique ("procurement_id", "milestone_no");`);

    this.addSql(`alter table "processes"."task_notification" drop constraint "task_notification_kind_check";`);
    this.addSql(`alter table "processes"."task_notification" add "process_id" uuid null, add "notice_key" text null;`);
    this.addSql(`alter table "processes"."task_notification" alter column "task_id" drop not null;`);
    this.addSql(`alter table "processes"."task_notification" add constraint "task_notification_notice_once_idx" unique ("process_id", "notice_key");`);
    this.addSql(`alter table "processes"."task_notification" add constraint "task_notification_kind_check" check ("kind" in ('REMINDER', 'ESCALATION', 'NOTICE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."procurement" cascade;`);
    this.addSql(`drop table if exists "processes"."procurement_bid" cascade;`);
    this.addSql(`drop table if exists "processes"."procurement_payment" cascade;`);

    this.addSql(`alter table "processes"."task_notification" drop constraint "task_notification_notice_once_idx";`);
    this.addSql(`alter table "processes"."task_notification" drop constraint "task_notification_kind_check";`);
    this.addSql(`alter table "processes"."task_notification" drop column "process_id", drop column "notice_key";`);
    this.addSql(`alter table "processes"."task_notification" alter column "task_id" set not null;`);
    this.addSql(`alter table "processes"."task_notification" add constraint "task_notification_kind_check" check ("kind" in ('REMINDER', 'ESCALATION'));`);
  }

}
