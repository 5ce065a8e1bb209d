import { Migration } from '@mikro-orm/migrations';

// Jurisdiction (docs/jurisdiction.md): what each Federation supervises, transitively, with the
// days it holds, kept as a closure table by triggers (written by hand: the ORM's schema diff
// knows no functions or triggers). A Federation's reach follows SUPERVISES and FOUNDED (a
// chamber's foundation or mediation committee) from → to, and MEMBER_OF to → from; a path
// holds on the days all of its edges hold (valid_to inclusive).
// An edge written, changed or removed recomputes the Federations above its upper end, once per
// statement (a seed's or a generator's batch is one refresh), under a lock that serialises
// such refreshes: each then reads what the one before committed.

export class Migration20261207205635_jurisdiction extends Migration {

  override name = 'Migration20261207205635_jurisdiction';

  override up(): void | Promise<void> {
    this.addSql(`create table "registry"."jurisdiction" ("federation_id" uuid not null, "organization_id" uuid not null, "valid_from" date not null, "valid_to" date null, primary key ("federation_id", "organization_id", "valid_from"));`);
    this.addSql(`create index "jurisdiction_organization_idx" on "registry"."jurisdiction" ("organization_id", "federation_id");`);

    // Recomputes the jurisdiction of every Federation that reaches one of the nodes, on any day (and of the nodes themselves).
    this.addSql(`create function "registry"."jurisdiction_refresh"(nodes uuid[]) returns void language plpgsql as $$
      declare
        federations uuid[];
      begin
        if coalesce(cardinality(nodes), 0) = 0 then return; end if;
        perform pg_advisory_xact_lock(hashtext('registry.jurisdiction'));
        select coalesce(array_agg(distinct f), '{}') into federations from (
          select unnest(nodes) as f
          union select j.federation_id from registry.jurisdiction j where j.organization_id = any(nodes)) reached;
        delete from registry.jurisdiction where federation_id = any(federations);
        insert into registry.jurisdiction (federation_id, organization_id, valid_from, valid_to)
        with recursive edge (parent, child, valid_from, valid_to) as (
          select e.from_id, e.to_id, e.valid_from, e.valid_to from registry.relationship e where e.type in ('SUPERVISES', 'FOUNDED')
          union all
          select e.to_id, e.from_id, e.valid_from, e.valid_to from registry.relationship e where e.type = 'MEMBER_OF'),
        reach (federation_id, organization_id, valid_from, valid_to) as (
          select o.id, o.id, '-infinity'::date, null::date from registry.organization o
          where o.id = any(federations) and o.kind = 'FEDERATION'
          union
          -- least() skips nulls: an open end is no end
          select r.federation_id, e.child, greatest(r.valid_from, e.valid_from), least(r.valid_to, e.valid_to)
          from reach r join edge e on e.parent = r.organization_id
          where (e.valid_to is null or e.valid_to >= r.valid_from) and (r.valid_to is null or e.valid_from <= r.valid_to))
        select federation_id, organization_id, valid_from, case when bool_or(valid_to is null) then null else max(valid_to) end
        from reach group by federation_id, organization_id, valid_from;
      end $$;`);

    // Edges: the upper end of each supervision or membership edge inserted, updated (before and after) or deleted.
    this.addSql(`create function "registry"."jurisdiction_edges_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform registry.jurisdiction_refresh(array(select case when type = 'MEMBER_OF' then to_id else from_id end
            from new_rows where type in ('SUPERVISES', 'FOUNDED', 'MEMBER_OF')));
        elsif tg_op = 'DELETE' then
          perform registry.jurisdiction_refresh(array(select case when type = 'MEMBER_OF' then to_id else from_id end
            from old_rows where type in ('SUPERVISES', 'FOUNDED', 'MEMBER_OF')));
        else
          perform registry.jurisdiction_refresh(array(
            select case when n.type = 'MEMBER_OF' then n.to_id else n.from_id end from new_rows n
            where n.type in ('SUPERVISES', 'FOUNDED', 'MEMBER_OF')
            union select case when o.type = 'MEMBER_OF' then o.to_id else o.from_id end from old_rows o
            where o.type in ('SUPERVISES', 'FOUNDED', 'MEMBER_OF')));
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "jurisdiction_edges_inserted" after insert on "registry"."relationship" referencing new table as new_rows for each statement execute function "registry"."jurisdiction_edges_changed"();`);
    this.addSql(`create trigger "jurisdiction_edges_updated" after update on "registry"."relationship" referencing old table as old_rows new table as new_rows for each statement execute function "registry"."jurisdiction_edges_changed"();`);
    this.addSql(`create trigger "jurisdiction_edges_deleted" after delete on "registry"."relationship" referencing old table as old_rows for each statement execute function "registry"."jurisdiction_edges_changed"();`);

    // Organizations: a Federation added, removed or made (or unmade) one by its kind.
    this.addSql(`create function "registry"."jurisdiction_federations_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform registry.jurisdiction_refresh(array(select id from new_rows where kind = 'FEDERATION'));
        elsif tg_op = 'DELETE' then
          perform registry.jurisdiction_refresh(array(select id from old_rows where kind = 'FEDERATION'));
        else
          perform registry.jurisdiction_refresh(array(select n.id from new_rows n join old_rows o on o.id = n.id
            where n.kind is distinct from o.kind and 'FEDERATION' in (n.kind, o.kind)));
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "jurisdiction_federations_inserted" after insert on "registry"."organization" referencing new table as new_rows for each statement execute function "registry"."jurisdiction_federations_changed"();`);
    this.addSql(`create trigger "jurisdiction_federations_updated" after update on "registry"."organization" referencing old table as old_rows new table as new_rows for each statement execute function "registry"."jurisdiction_federations_changed"();`);
    this.addSql(`create trigger "jurisdiction_federations_deleted" after delete on "registry"."organization" referencing old table as old_rows for each statement execute function "registry"."jurisdiction_federations_changed"();`);

    // What exists already.
    this.addSql(`select registry.jurisdiction_refresh(array(select id from registry.organization where kind = 'FEDERATION'));`);
  }

  override down(): void | Promise<void> {
    for (const name of ['inserted', 'updated', 'deleted']) {
      this.addSql(`drop trigger "jurisdiction_edges_${name}" on "registry"."relationship";`);
      this.addSql(`drop trigger "jurisdiction_federations_${name}" on "registry"."organization";`);
    }
    this.addSql(`drop function "registry"."jurisdiction_edges_changed"();`);
    this.addSql(`drop function "registry"."jurisdiction_federations_changed"();`);
    this.addSql(`drop function "registry"."jurisdiction_refresh"(uuid[]);`);
    this.addSql(`drop table if exists "registry"."jurisdiction" cascade;`);
  }

}
