import { Migration } from '@mikro-orm/migrations';

export class Migration20261129052738_procurement_facts extends Migration {

  override name = 'Migration20261129052738_procurement_facts';

  override up(): void | Promise<void> {
    this.addSql(`create table "registry"."service_category" ("id" uuid not null, "code" text not null, "name" text not null, "description" text not null, primary key ("id"));`);
    this.addSql(`alter table "registry"."service_category" add constraint "service_category_code_unique" unique ("code");`);

    this.addSql(`alter table "registry"."position" drop constraint "position_role_check";`);
    this.addSql(`alter table "registry"."position" add constraint "position_role_check" check ("role" in ('PRESIDENT', 'SECRETARY_GENERAL', 'FULL_TIME_STAFF', 'MEDIATOR', 'LEGAL_COUNSEL', 'FEDERATION_LEADER', 'COMMITTEE_MEMBER', 'AGENCY_HEAD', 'AGENCY_OFFICER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."service_category" cascade;`);

    this.addSql(`alter table "registry"."position" drop constraint "position_role_check";`);
    this.addSql(`alter table "registry"."position" add constraint "position_role_check" check ("role" in ('PRESIDENT', 'SECRETARY_GENERAL', 'FULL_TIME_STAFF', 'MEDIATOR', 'LEGAL_COUNSEL', 'FEDERATION_LEADER', 'COMMITTEE_MEMBER'));`);
  }

}
