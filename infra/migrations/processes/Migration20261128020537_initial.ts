import { Migration } from '@mikro-orm/migrations';

export class Migration20261128020537_initial extends Migration {

  override name = 'Migration20261128020537_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "processes";`);
    this.addSql(`create table "processes"."human_task" ("id" uuid not null, "kind" text not null, "title" text not null, "status" text not null, "organization_id" uuid not null, "workflow_id" text not null, "process_id" uuid not null, "decision" text null, "comment" text null, "decided_by" text null, "due_at" timestamptz not null, "created_at" timestamptz not null, "completed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "human_task_inbox_idx" on "processes"."human_task" ("organization_id", "status", "created_at");`);

    this.addSql(`create table "processes"."training_course" ("id" uuid not null, "title" text not null, "days" int not null, "capacity" int not null, "starts_on" date not null, primary key ("id"));`);

    this.addSql(`create table "processes"."training_enrollment" ("id" uuid not null, "workflow_id" text not null, "course_id" uuid not null, "person_name" text not null, "organization_id" uuid not null, "status" text not null, "requested_by" text not null, "requested_at" timestamptz not null, "closed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "training_enrollment_organization_idx" on "processes"."training_enrollment" ("organization_id");`);
    this.addSql(`create index "training_enrollment_course_status_idx" on "processes"."training_enrollment" ("course_id", "status");`);

    this.addSql(`alter table "processes"."human_task" add constraint "human_task_status_check" check ("status" in ('OPEN', 'DONE', 'EXPIRED'));`);
    this.addSql(`alter table "processes"."human_task" add constraint "human_task_decision_check" check ("decision" in ('APPROVE', 'REJECT'));`);

    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_course_id_foreign" foreign key ("course_id") references "processes"."training_course" ("id");`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_status_check" check ("status" in ('AWAITING_ENDORSEMENT', 'ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "processes"."training_enrollment" drop constraint "training_enrollment_course_id_foreign";`);

    this.addSql(`drop table if exists "processes"."human_task" cascade;`);
    this.addSql(`drop table if exists "processes"."training_course" cascade;`);
    this.addSql(`drop table if exists "processes"."training_enrollment" cascade;`);

    this.addSql(`drop schema if exists "processes";`);
  }

}
