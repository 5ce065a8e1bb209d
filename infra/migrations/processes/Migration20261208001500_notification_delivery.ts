import { Migration } from '@mikro-orm/migrations';

export class Migration20261208001500_notification_delivery extends Migration {

  override name = 'Migration20261208001500_notification_delivery';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."notification_read" ("subject" text not null, "notification_id" uuid not null, "read_at" timestamptz not null, primary key ("subject", "notification_id"));`);

    this.addSql(`create table "processes"."notification_preference" ("subject" text not null, "email" text null, "ding_talk" boolean not null default false, "audience_keys" text[] not null, "federation_id" uuid null, "updated_at" timestamptz not null, primary key ("subject"));`);
    this.addSql(`create index "notification_preference_keys_idx" on "processes"."notification_preference" using gin ("audience_keys");`);

    this.addSql(`create table "processes"."notification_channel" ("federation_id" uuid not null, "smtp_host" text null, "smtp_port" int null, "smtp_secure" boolean not null default false, "smtp_user" text null, "smtp_password" text null, "sender_address" text null, "sender_name" text null, "ding_talk_webhook" text null, "ding_talk_secret" text null, "updated_by" text not null, "updated_at" timestamptz not null, primary key ("federation_id"));`);

    this.addSql(`create table "processes"."notification_delivery" ("id" uuid not null, "notification_id" uuid not null, "federation_id" uuid not null, "channel" text not null, "recipient" text not null, "address" text null, "message" text not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "sent_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "processes"."notification_delivery" add constraint "notification_delivery_once_idx" unique ("notification_id", "channel", "recipient");`);
    this.addSql(`create index "notification_delivery_due_idx" on "processes"."notification_delivery" ("status", "next_attempt_at");`);
    this.addSql(`create index "notification_delivery_federation_idx" on "processes"."notification_delivery" ("federation_id", "created_at");`);
    this.addSql(`alter table "processes"."notification_delivery" add constraint "notification_delivery_channel_check" check ("channel" in ('EMAIL', 'DINGTALK'));`);
    this.addSql(`alter table "processes"."notification_delivery" add constraint "notification_delivery_status_check" check ("status" in ('PENDING', 'RETRYING', 'FAILED', 'SENT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."notification_read" cascade;`);
    this.addSql(`drop table if exists "processes"."notification_preference" cascade;`);
    this.addSql(`drop table if exists "processes"."notification_channel" cascade;`);
    this.addSql(`drop table if exists "processes"."notification_delivery" cascade;`);
  }

}
