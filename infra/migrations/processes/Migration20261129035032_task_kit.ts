import { Migration } from '@mikro-orm/migrations';

export class Migration20261129035032_task_kit extends Migration {

  override name = 'Migration20261129035032_task_kit';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."task_comment" ("id" uuid not null, "task_id" uuid not null, "author" text not null, "body" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "task_comment_task_idx" on "processes"."task_comment" ("task_id", "created_at");`);

    this.addSql(`create table "processes"."task_notification" ("id" uuid not null, "task_id" uuid not null, "kind" text not null, "message" text not null, "audience" text[] not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "task_notification_audience_idx" on "processes"."task_notification" using gin ("audience");`);
    this.addSql(`alter table "processes"."task_notification" add constraint "task_notification_once_idx" unique ("task_id", "kind");`);

    this.addSql(`create table "processes"."training_attendance" ("enrollment_id" uuid not null, "day" int not null, "attended" boolean not null, "recorded_by" text not null, "recorded_at" timestamptz not null, primary key ("enrollment_id", "day"));`);

    this.addSql(`alter table "processes"."human_task" drop constraint "human_task_decision_check";`);
    this.addSql(`alter table "processes"."human_task" drop constraint "human_task_status_check";`);
    this.addSql(`alter table "processes"."human_task" add "process_type" text not null default 'TRAINING_ENROLLMENT', add "summary" text not null default '', add "candidates" jsonb null, add "candidate_keys" text[] not null default '{}', add "assignee" text null, add "delegated_to" text null, add "delegates" text[] not null default '{}', add "form" jsonb null, add "decision_values" jsonb null, add "priority" int not null default 0, add "follow_up_at" timestamptz null, add "escalated" boolean not null default false;`);
    // Tasks of the first version were for the approvers of their organization.
    this.addSql(`update "processes"."human_task" set "candidate_keys" = array['role:APPROVER@org:' || "organization_id"], "candidates" = jsonb_build_array(jsonb_build_object('role', 'APPROVER', 'organizationId', "organization_id")) where "candidate_keys" = '{}';`);
    this.addSql(`create index "human_task_workflow_idx" on "processes"."human_task" ("workflow_id");`);
    this.addSql(`create index "human_task_candidate_keys_idx" on "processes"."human_task" using gin ("candidate_keys");`);
    this.addSql(`alter table "processes"."human_task" add constraint "human_task_status_check" check ("status" in ('OPEN', 'CLAIMED', 'DONE', 'EXPIRED', 'CANCELLED'));`);

    this.addSql(`alter table "processes"."training_course" add "completion_days" int null;`);

    this.addSql(`alter table "processes"."training_enrollment" drop constraint "training_enrollment_status_check";`);
    this.addSql(`alter table "processes"."training_enrollment" add "person_id" uuid null, add "waitlisted_at" timestamptz null, add "promoted_from" uuid null, add "certificate_id" uuid null;`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_person_course_unique" unique ("course_id", "person_id");`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_status_check" check ("status" in ('AWAITING_ENDORSEMENT', 'AWAITING_CONFIRMATION', 'ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED'));`);

    this.addSql(`alter table "processes"."task_notification" add constraint "task_notification_kind_check" check ("kind" in ('REMINDER', 'ESCALATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."task_comment" cascade;`);
    this.addSql(`drop table if exists "processes"."task_notification" cascade;`);
    this.addSql(`drop table if exists "processes"."training_attendance" cascade;`);

    this.addSql(`drop index "processes"."human_task_workflow_idx";`);
    this.addSql(`drop index "processes"."human_task_candidate_keys_idx";`);
    this.addSql(`alter table "processes"."human_task" drop constraint "human_task_status_check";`);
    this.addSql(`alter table "processes"."human_task" drop column "process_type", drop column "summary", drop column "candidates", drop column "candidate_keys", drop column "assignee", drop column "delegated_to", drop column "delegates", drop column "form", drop column "decision_values", drop column "priority", drop column "follow_up_at", drop column "escalated";`);
    this.addSql(`alter table "processes"."human_task" add constraint "human_task_decision_check" check ("decision" in ('APPROVE', 'REJECT'));`);
    this.addSql(`alter table "processes"."human_task" add constraint "human_task_status_check" check ("status" in ('OPEN', 'DONE', 'EXPIRED'));`);

    this.addSql(`alter table "processes"."training_course" drop column "completion_days";`);

    this.addSql(`alter table "processes"."training_enrollment" drop constraint "training_enrollment_person_course_unique";`);
    this.addSql(`alter table "processes"."training_enrollment" drop constraint "training_enrollment_status_check";`);
    this.addSql(`alter table "processes"."training_enrollment" drop column "person_id", drop column "waitlisted_at", drop column "promoted_from", drop column "certificate_id";`);
    this.addSql(`alter table "processes"."training_enrollment" add constraint "training_enrollment_status_check" check ("status" in ('AWAITING_ENDORSEMENT', 'ENROLLED', 'WAITLISTED', 'REJECTED', 'EXPIRED'));`);
  }

}
