import { Migration } from '@mikro-orm/migrations';

export class Migration20261128033040_covering_relationship_indexes extends Migration {

  override name = 'Migration20261128033040_covering_relationship_indexes';

  override up(): void | Promise<void> {
    // The (end, type) indexes become covering (same names, so the schema diff cannot see it).
    this.addSql(`drop index "registry"."relationship_from_idx";`);
    this.addSql(`create index "relationship_from_idx" on "registry"."relationship" ("from_id", "type") include ("to_id", "valid_from", "valid_to", "id");`);
    this.addSql(`drop index "registry"."relationship_to_idx";`);
    this.addSql(`create index "relationship_to_idx" on "registry"."relationship" ("to_id", "type") include ("from_id", "valid_from", "valid_to", "id");`);
    this.addSql(`create index "relationship_type_idx" on "registry"."relationship" ("type", "valid_from") include ("to_id", "valid_to");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "registry"."relationship_type_idx";`);
    this.addSql(`drop index "registry"."relationship_from_idx";`);
    this.addSql(`create index "relationship_from_idx" on "registry"."relationship" ("from_id", "type");`);
    this.addSql(`drop index "registry"."relationship_to_idx";`);
    this.addSql(`create index "relationship_to_idx" on "registry"."relationship" ("to_id", "type");`);
  }

}
