import { Migration } from '@mikro-orm/migrations';
import { TRACKED } from './Migration20261207180000_change_feed_triggers.js';

// The change feed written a statement at a time: each tracked table's row trigger (a plpgsql
// call and three queries a row) becomes three statement triggers whose transition tables give
// one INSERT … SELECT into registry.change per statement. What a row writes is unchanged (the
// same entity, operation, version, changed fields, after, as-of dates and actor, an UPDATE that
// changes nothing writing nothing), and the commit stamp (change_commit_stamp) is untouched, so
// the feed's commit order and its never-skip cursor are as they were. The row-by-row work was
// the cost: 2,000 organisations inserted took 57 ms without the trigger and 320-550 ms with it
// (bench:import, docs/benchmarks.md); an INSERT's changed fields and a table's as-of columns are
// the same for every row of a statement, so they are computed once.

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const EVENTS = ['insert', 'update', 'delete'] as const;

export class Migration20261208031500_change_feed_statement_triggers extends Migration {
  override name = 'Migration20261208031500_change_feed_statement_triggers';

  override up(): void | Promise<void> {
    // A statement's changes. TG_ARGV: the GraphQL type, then the as-of columns. `new_rows` /
    // `old_rows` are the statement's transition tables; rows keep the order the statement wrote them.
    this.addSql(`create function "registry"."record_changes"() returns trigger language plpgsql as $$
      declare
        as_of_columns text[] := tg_argv[1:];
        sample jsonb;
        columns text[];
        not_as_of text[];
      begin
        if tg_op = 'DELETE' then
          select to_jsonb(o) - 'idempotency_key' into sample from old_rows o limit 1;
        else
          select to_jsonb(n) - 'idempotency_key' into sample from new_rows n limit 1;
        end if;
        if sample is null then return null; end if;
        -- The table's columns: every row of the statement has the same.
        select coalesce(array_agg(k order by k), '{}') into columns from jsonb_object_keys(sample) k where k <> 'id';
        select coalesce(array_agg(k), '{}') into not_as_of from jsonb_object_keys(sample) k where k <> all(as_of_columns);
        if tg_op = 'INSERT' then
          insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
          select tg_argv[0], (r ->> 'id')::uuid, 'CREATE', (r ->> 'version')::int, columns, r,
            case when cardinality(as_of_columns) > 0 then r - not_as_of end, "registry"."change_actor"()
          from (select to_jsonb(n) - 'idempotency_key' as r from new_rows n) x;
        elsif tg_op = 'DELETE' then
          insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
          select tg_argv[0], (r ->> 'id')::uuid, 'DELETE', (r ->> 'version')::int, '{}', null,
            case when cardinality(as_of_columns) > 0 then r - not_as_of end, "registry"."change_actor"()
          from (select to_jsonb(o) - 'idempotency_key' as r from old_rows o) x;
        else
          insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
          select tg_argv[0], (n.r ->> 'id')::uuid, 'UPDATE', (n.r ->> 'version')::int, f.fields, n.r,
            case when cardinality(as_of_columns) > 0 then n.r - not_as_of end, "registry"."change_actor"()
          from (select row_number() over () as place, to_jsonb(n) - 'idempotency_key' as r from new_rows n) n
          join (select to_jsonb(o) - 'idempotency_key' as r from old_rows o) o on o.r -> 'id' = n.r -> 'id'
          cross join lateral (select array(select e.key from jsonb_each(n.r) e
            where e.value is distinct from o.r -> e.key order by e.key) as fields) f
          where cardinality(f.fields) > 0
          order by n.place;
        end if;
        return null;
      end $$;`);
    for (const [table, type, asOf] of TRACKED) {
      this.addSql(`drop trigger "${table}_change" on "registry"."${table}";`);
      for (const event of EVENTS) {
        const transition = event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
        this.addSql(`create trigger "${table}_change_${event}" after ${event} on "registry"."${table}"
          referencing ${transition} for each statement execute function "registry"."record_changes"(${quoted([type, ...asOf])});`);
      }
    }
  }

  override down(): void | Promise<void> {
    for (const [table, type, asOf] of TRACKED) {
      for (const event of EVENTS) this.addSql(`drop trigger "${table}_change_${event}" on "registry"."${table}";`);
      this.addSql(`create trigger "${table}_change" after insert or update or delete on "registry"."${table}"
        for each row execute function "registry"."record_change"(${quoted([type, ...asOf])});`);
    }
    this.addSql(`drop function "registry"."record_changes"();`);
  }
}
