import { Migration } from '@mikro-orm/migrations';

export class Migration20261208000514_integrator_clients extends Migration {

  override name = 'Migration20261208000514_integrator_clients';

  override up(): void | Promise<void> {
    // Integrator accounts (services/registry/entities/integrator-client.ts); no change-feed trigger:
    // they are the hub's own settings, not registry data.
    this.addSql(`create table "registry"."integrator_client" ("id" uuid not null, "client_id" text not null, "name" text not null, "enabled" boolean not null default true, "operations" jsonb not null, "requests_per_minute" int null, "requests_per_day" int null, "federation_id" uuid null, "secret_version" int not null default 1, "created_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "registry"."integrator_client" add constraint "integrator_client_client_id_unique" unique ("client_id");`);

    this.addSql(`create table "registry"."integrator_secret" ("client_row_id" uuid not null, "hash" text not null, primary key ("client_row_id"));`);

    this.addSql(`create table "registry"."integrator_usage" ("client_id" text not null, "day" date not null, "operation" text not null, "requests" bigint not null, "errors" bigint not null, "rows" bigint not null, primary key ("client_id", "day", "operation"));`);

  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."integrator_client" cascade;`);
    this.addSql(`drop table if exists "registry"."integrator_secret" cascade;`);
    this.addSql(`drop table if exists "registry"."integrator_usage" cascade;`);

  }

}
