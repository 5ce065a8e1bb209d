import { Migration } from '@mikro-orm/migrations';

export class Migration20261128022452_platform_records_people_ratings extends Migration {

  override name = 'Migration20261128022452_platform_records_people_ratings';

  override up(): void | Promise<void> {
    // Trigram matching for name search; trusted extension, so the hub's own role may create it.
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create table "registry"."audit_entry" ("id" bigserial primary key, "actor" text not null, "at" timestamptz not null, "action" text not null, "entity_type" text not null, "entity_id" uuid not null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_entry_entity_idx" on "registry"."audit_entry" ("entity_type", "entity_id");`);

    this.addSql(`create table "registry"."joint_meeting" ("id" uuid not null, "kind" text not null, "title" text not null, "held_on" date not null, primary key ("id"));`);

    this.addSql(`create table "registry"."mediation_case" ("id" uuid not null, "committee_id" uuid not null, "subject" text not null, "opened_on" date not null, "closed_on" date null, "outcome" text null, primary key ("id"));`);
    this.addSql(`create index "mediation_case_committee_idx" on "registry"."mediation_case" ("committee_id");`);

    this.addSql(`create table "registry"."loan" ("id" uuid not null, "product" text not null, "enterprise_id" uuid not null, "bank_id" uuid not null, "amount_fen" bigint not null, "signed_on" date not null, primary key ("id"));`);

    this.addSql(`create table "registry"."joint_meeting_participant" ("meeting_id" uuid not null, "organization_id" uuid not null, primary key ("meeting_id", "organization_id"));`);

    this.addSql(`create table "registry"."investment_project" ("id" uuid not null, "name" text not null, "introduced_by_id" uuid not null, "amount_fen" bigint not null, "signed_on" date not null, primary key ("id"));`);

    this.addSql(`create table "registry"."honour" ("id" uuid not null, "organization_id" uuid not null, "title" text not null default '四好商会', "level" text not null, "year" int not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "honour_organization_idx" on "registry"."honour" ("organization_id");`);
    this.addSql(`create index "honour_level_year_idx" on "registry"."honour" ("level", "year");`);

    this.addSql(`create table "registry"."deliberation_session" ("id" uuid not null, "kind" text not null, "title" text not null, "held_on" date not null, "organization_id" uuid null, primary key ("id"));`);

    this.addSql(`create table "registry"."deliberation_issue" ("id" uuid not null, "session_id" uuid not null, "description" text not null, "resolved_on" date null, primary key ("id"));`);
    this.addSql(`create index "deliberation_issue_session_idx" on "registry"."deliberation_issue" ("session_id");`);

    this.addSql(`create table "registry"."charity_record" ("id" uuid not null, "organization_id" uuid not null, "kind" text not null, "title" text not null, "year" int not null, "amount_fen" bigint not null default '0', "beneficiaries" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "charity_record_organization_idx" on "registry"."charity_record" ("organization_id");`);

    this.addSql(`create table "registry"."person" ("id" uuid not null, "name" text not null, "english_name" text null, "created_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "person_name_idx" on "registry"."person" ("name");`);

    this.addSql(`create table "registry"."liaison_visit" ("id" uuid not null, "leader_id" uuid not null, "organization_id" uuid not null, "visited_on" date not null, "notes" text null, primary key ("id"));`);
    this.addSql(`create index "liaison_visit_organization_idx" on "registry"."liaison_visit" ("organization_id");`);
    this.addSql(`create index "liaison_visit_date_idx" on "registry"."liaison_visit" ("visited_on");`);

    this.addSql(`create table "registry"."certification" ("id" uuid not null, "person_id" uuid not null, "kind" text not null, "name" text not null, "issuer" text null, "issued_on" date not null, primary key ("id"));`);
    this.addSql(`create index "certification_person_idx" on "registry"."certification" ("person_id");`);

    this.addSql(`create table "registry"."platform_activity" ("id" uuid not null, "platform" text not null, "kind" text not null, "title" text not null, "held_on" date not null, "participant_count" int null, "outcome" text null, primary key ("id"));`);
    this.addSql(`create index "platform_activity_kind_idx" on "registry"."platform_activity" ("platform", "kind", "held_on");`);

    this.addSql(`create table "registry"."platform_activity_participant" ("activity_id" uuid not null, "organization_id" uuid not null, primary key ("activity_id", "organization_id"));`);

    this.addSql(`create table "registry"."platform_activity_organizer" ("activity_id" uuid not null, "organization_id" uuid not null, primary key ("activity_id", "organization_id"));`);

    this.addSql(`create table "registry"."position" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "role" text not null, "valid_from" date not null, "valid_to" date null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "position_person_idx" on "registry"."position" ("person_id");`);
    this.addSql(`create index "position_organization_idx" on "registry"."position" ("organization_id", "role");`);

    this.addSql(`create table "registry"."rating" ("id" uuid not null, "organization_id" uuid not null, "grade" text not null, "awarded_on" date not null, "awarded_by" text null, "revoked_on" date null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "rating_organization_idx" on "registry"."rating" ("organization_id", "awarded_on");`);

    this.addSql(`create table "registry"."reward_fund_allocation" ("id" uuid not null, "year" int not null, "kind" text not null, "amount_fen" bigint not null, "note" text not null, primary key ("id"));`);

    this.addSql(`alter table "registry"."organization" drop constraint "organization_kind_check";`);
    this.addSql(`alter table "registry"."organization" add "ended_on" date null;`);
    this.addSql(`create index "organization_name_trgm_idx" on "registry"."organization" using gin ("name" public.gin_trgm_ops);`);
    this.addSql(`alter table "registry"."organization" add constraint "organization_kind_check" check ("kind" in ('FEDERATION', 'INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER', 'ENTERPRISE', 'COLLEGE', 'BANK', 'BANK_BRANCH', 'COURT', 'PROCURATORATE', 'POLICE', 'GOVERNMENT_AGENCY', 'FOUNDATION', 'VILLAGE', 'MEDIATION_COMMITTEE'));`);

    this.addSql(`alter table "registry"."relationship" drop constraint "relationship_type_check";`);
    this.addSql(`alter table "registry"."relationship" add "version" int not null default 1;`);
    this.addSql(`alter table "registry"."relationship" add constraint "relationship_type_check" check ("type" in ('SUPERVISES', 'MEMBER_OF', 'BANK_PAIRING', 'COLLEGE_PARTNERSHIP', 'ASSISTANCE_PAIRING', 'BRANCH_OF', 'FOUNDED', 'LIAISON', 'HOME_REGION'));`);

    this.addSql(`alter table "registry"."mediation_case" add constraint "mediation_case_committee_id_foreign" foreign key ("committee_id") references "registry"."organization" ("id");`);

    this.addSql(`alter table "registry"."loan" add constraint "loan_enterprise_id_foreign" foreign key ("enterprise_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."loan" add constraint "loan_bank_id_foreign" foreign key ("bank_id") references "registry"."organization" ("id");`);

    this.addSql(`alter table "registry"."joint_meeting_participant" add constraint "joint_meeting_participant_meeting_id_foreign" foreign key ("meeting_id") references "registry"."joint_meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "registry"."joint_meeting_participant" add constraint "joint_meeting_participant_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "registry"."investment_project" add constraint "investment_project_introduced_by_id_foreign" foreign key ("introduced_by_id") references "registry"."organization" ("id");`);

    this.addSql(`alter table "registry"."honour" add constraint "honour_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."honour" add constraint "honour_level_check" check ("level" in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL'));`);

    this.addSql(`alter table "registry"."deliberation_session" add constraint "deliberation_session_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id") on delete set null;`);

    this.addSql(`alter table "registry"."deliberation_issue" add constraint "deliberation_issue_session_id_foreign" foreign key ("session_id") references "registry"."deliberation_session" ("id");`);

    this.addSql(`alter table "registry"."charity_record" add constraint "charity_record_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);

    this.addSql(`alter table "registry"."liaison_visit" add constraint "liaison_visit_leader_id_foreign" foreign key ("leader_id") references "registry"."person" ("id");`);
    this.addSql(`alter table "registry"."liaison_visit" add constraint "liaison_visit_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);

    this.addSql(`alter table "registry"."certification" add constraint "certification_person_id_foreign" foreign key ("person_id") references "registry"."person" ("id");`);
    this.addSql(`alter table "registry"."certification" add constraint "certification_kind_check" check ("kind" in ('PROFESSIONAL_QUALIFICATION', 'PROFESSIONAL_TITLE', 'TRAINING_COMPLETION'));`);

    this.addSql(`alter table "registry"."platform_activity" add constraint "platform_activity_platform_check" check ("platform" in ('INDUSTRY_EDUCATION', 'LEGAL_SERVICES', 'FINANCIAL_SERVICES', 'TALENT_SERVICES', 'INVESTMENT'));`);

    this.addSql(`alter table "registry"."platform_activity_participant" add constraint "platform_activity_participant_activity_id_foreign" foreign key ("activity_id") references "registry"."platform_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "registry"."platform_activity_participant" add constraint "platform_activity_participant_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "registry"."platform_activity_organizer" add constraint "platform_activity_organizer_activity_id_foreign" foreign key ("activity_id") references "registry"."platform_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "registry"."platform_activity_organizer" add constraint "platform_activity_organizer_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "registry"."position" add constraint "position_person_id_foreign" foreign key ("person_id") references "registry"."person" ("id");`);
    this.addSql(`alter table "registry"."position" add constraint "position_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."position" add constraint "position_role_check" check ("role" in ('PRESIDENT', 'SECRETARY_GENERAL', 'FULL_TIME_STAFF', 'MEDIATOR', 'LEGAL_COUNSEL', 'FEDERATION_LEADER'));`);

    this.addSql(`alter table "registry"."rating" add constraint "rating_organization_id_foreign" foreign key ("organization_id") references "registry"."organization" ("id");`);
    this.addSql(`alter table "registry"."rating" add constraint "rating_grade_check" check ("grade" in ('A1', 'A2', 'A3', 'A4', 'A5'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registry"."joint_meeting_participant" drop constraint "joint_meeting_participant_meeting_id_foreign";`);
    this.addSql(`alter table "registry"."deliberation_issue" drop constraint "deliberation_issue_session_id_foreign";`);
    this.addSql(`alter table "registry"."liaison_visit" drop constraint "liaison_visit_leader_id_foreign";`);
    this.addSql(`alter table "registry"."certification" drop constraint "certification_person_id_foreign";`);
    this.addSql(`alter table "registry"."position" drop constraint "position_person_id_foreign";`);
    this.addSql(`alter table "registry"."platform_activity_participant" drop constraint "platform_activity_participant_activity_id_foreign";`);
    this.addSql(`alter table "registry"."platform_activity_organizer" drop constraint "platform_activity_organizer_activity_id_foreign";`);

    this.addSql(`drop table if exists "registry"."audit_entry" cascade;`);
    this.addSql(`drop table if exists "registry"."joint_meeting" cascade;`);
    this.addSql(`drop table if exists "registry"."mediation_case" cascade;`);
    this.addSql(`drop table if exists "registry"."loan" cascade;`);
    this.addSql(`drop table if exists "registry"."joint_meeting_participant" cascade;`);
    this.addSql(`drop table if exists "registry"."investment_project" cascade;`);
    this.addSql(`drop table if exists "registry"."honour" cascade;`);
    this.addSql(`drop table if exists "registry"."deliberation_session" cascade;`);
    this.addSql(`drop table if exists "registry"."deliberation_issue" cascade;`);
    this.addSql(`drop table if exists "registry"."charity_record" cascade;`);
    this.addSql(`drop table if exists "registry"."person" cascade;`);
    this.addSql(`drop table if exists "registry"."liaison_visit" cascade;`);
    this.addSql(`drop table if exists "registry"."certification" cascade;`);
    this.addSql(`drop table if exists "registry"."platform_activity" cascade;`);
    this.addSql(`drop table if exists "registry"."platform_activity_participant" cascade;`);
    this.addSql(`drop table if exists "registry"."platform_activity_organizer" cascade;`);
    this.addSql(`drop table if exists "registry"."position" cascade;`);
    this.addSql(`drop table if exists "registry"."rating" cascade;`);
    this.addSql(`drop table if exists "registry"."reward_fund_allocation" cascade;`);

    this.addSql(`drop index "registry"."organization_name_trgm_idx";`);
    this.addSql(`alter table "registry"."organization" drop constraint "organization_kind_check";`);
    this.addSql(`alter table "registry"."organization" drop column "ended_on";`);
    this.addSql(`alter table "registry"."organization" add constraint "organization_kind_check" check ("kind" in ('FEDERATION', 'INDUSTRY_ASSOCIATION', 'OUT_OF_TOWN_CHAMBER', 'GRASSROOTS_CHAMBER', 'ENTERPRISE', 'COLLEGE', 'BANK', 'BANK_BRANCH', 'COURT', 'PROCURATORATE', 'POLICE', 'GOVERNMENT_AGENCY', 'FOUNDATION', 'VILLAGE'));`);

    this.addSql(`alter table "registry"."relationship" drop constraint "relationship_type_check";`);
    this.addSql(`alter table "registry"."relationship" drop column "version";`);
    this.addSql(`alter table "registry"."relationship" add constraint "relationship_type_check" check ("type" in ('SUPERVISES', 'MEMBER_OF', 'BANK_PAIRING', 'COLLEGE_PARTNERSHIP', 'ASSISTANCE_PAIRING', 'BRANCH_OF', 'FOUNDED'));`);
  }

}
