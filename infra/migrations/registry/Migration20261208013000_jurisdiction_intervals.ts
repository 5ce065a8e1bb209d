import { Migration } from '@mikro-orm/migrations';

// The closure table kept one row per (Federation, organisation, first day of a path): a
// chamber reached along many paths (an enterprise in nine chambers, each under a county, a city,
// the province) had a row for each start day, some 900,000 for the bench's province. Now the
// overlapping and touching spans of a pair are merged into one row each (valid_to inclusive), so
// a pair usually has one row; what the table says on any day is unchanged
// (test/jurisdiction-closure.test.ts checks both).

const reachSql = `
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
          where (e.valid_to is null or e.valid_to >= r.valid_from) and (r.valid_to is null or e.valid_from <= r.valid_to))`;

// Islands: a span starts a new one unless an earlier span of the pair reaches the day before it.
const mergedSelect = `,
        ordered as (
          select *, max(coalesce(valid_to, 'infinity'::date)) over (partition by federation_id, organization_id
            order by valid_from rows between unbounded preceding and 1 preceding) as reached_until
          from reach),
        islands as (
          select *, count(*) filter (where reached_until is null or reached_until + 1 < valid_from)
            over (partition by federation_id, organization_id order by valid_from rows unbounded preceding) as island
          from ordered)
        select federation_id, organization_id, min(valid_from), case when bool_or(valid_to is null) then null else max(valid_to) end
        from islands group by federation_id, organization_id, island`;

const groupedSelect = `
        select federation_id, organization_id, valid_from, case when bool_or(valid_to is null) then null else max(valid_to) end
        from reach group by federation_id, organization_id, valid_from`;

const refreshFunction = (select: string) => `create or replace function "registry"."jurisdiction_refresh"(nodes uuid[]) returns void language plpgsql as $$
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
        ${reachSql}${select};
      end $$;`;

export class Migration20261208013000_jurisdiction_intervals extends Migration {
  override name = 'Migration20261208013000_jurisdiction_intervals';

  override up(): void | Promise<void> {
    this.addSql(refreshFunction(mergedSelect));
    this.addSql(`select registry.jurisdiction_refresh(array(select id from registry.organization where kind = 'FEDERATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(refreshFunction(groupedSelect));
    this.addSql(`select registry.jurisdiction_refresh(array(select id from registry.organization where kind = 'FEDERATION'));`);
  }
}
