import { Migration } from '@mikro-orm/migrations';

export class Migration20261208001000_evaluation_candidacy extends Migration {

  override name = 'Migration20261208001000_evaluation_candidacy';

  override up(): void | Promise<void> {
    this.addSql(`create table "processes"."evaluation_candidacy" ("id" uuid not null, "workflow_id" text not null, "campaign_id" text not null, "application_id" uuid not null, "organization_id" uuid not null, "organization_name" text not null, "year" int not null, "rank" int not null, "of" int not null, "total" int not null, "grade" text not null, "reasons" jsonb not null, "status" text not null, "upper_federation_id" uuid null, "upper_federation_name" text null, "decided_by" text null, "reason" text null, "decided_at" timestamptz null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "processes"."evaluation_candidacy" add constraint "evaluation_candidacy_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "evaluation_candidacy_campaign_idx" on "processes"."evaluation_candidacy" ("campaign_id", "rank");`);
    this.addSql(`create index "evaluation_candidacy_application_idx" on "processes"."evaluation_candidacy" ("application_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "processes"."evaluation_candidacy" cascade;`);
  }

}
