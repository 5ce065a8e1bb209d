import { Migration } from '@mikro-orm/migrations';

// The visibility test's two probes (rules.ts: in the Federation's jurisdiction; in anyone's)
// read only these indexes. Before, each probe fetched the heap row for valid_to, and the
// planner, costing those probes on every row a list's filter leaves, chose to narrow the rows
// first by any index at hand: the bench province's scoped list page went to the name's
// trigram index with a one-character pattern (100,112 index rows for 111 matches), 130 ms
// against 2 ms unscoped. Index-only probes cost half as much, and the list keeps its plan.

export class Migration20261208033000_jurisdiction_covering_indexes extends Migration {
  override name = 'Migration20261208033000_jurisdiction_covering_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "registry"."jurisdiction_organization_idx";`);
    this.addSql(
      `create index "jurisdiction_organization_idx" on "registry"."jurisdiction" ("organization_id", "federation_id") include ("valid_from", "valid_to");`,
    );
    this.addSql(
      `create index "jurisdiction_federation_idx" on "registry"."jurisdiction" ("federation_id", "organization_id") include ("valid_from", "valid_to");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "registry"."jurisdiction_federation_idx";`);
    this.addSql(`drop index "registry"."jurisdiction_organization_idx";`);
    this.addSql(
      `create index "jurisdiction_organization_idx" on "registry"."jurisdiction" ("organization_id", "federation_id");`,
    );
  }
}
