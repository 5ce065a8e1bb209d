import { Migration } from '@mikro-orm/migrations';

// The change feed (docs/integrators-change-feed.md), written by hand: the ORM's schema diff
// knows no triggers. Every registry table records each inserted, updated or deleted row into
// registry.change in the writing transaction (so no write path can forget), and the first
// such row of a transaction queues a deferred trigger that, at commit, takes the next
// registry.change_commit.seq under an advisory lock held until the commit is visible: the
// commit order, which a cursor can follow without ever skipping a change. Existing rows are
// recorded once as CREATE, so a consumer starting from the beginning reads the whole registry.

/** Each tracked table, its GraphQL type and the columns that place its rows in time, in foreign-key order. */
export const TRACKED: [table: string, type: string, asOf: string[]][] = [
  ['organization', 'Organization', ['registered_on', 'ended_on']],
  ['person', 'Person', []],
  ['relationship', 'Relationship', ['valid_from', 'valid_to']],
  ['position', 'Position', ['valid_from', 'valid_to']],
  ['certification', 'Certification', ['issued_on', 'valid_until']],
  ['rating', 'Rating', ['awarded_on', 'revoked_on']],
  ['honour', 'Honour', ['year', 'valid_until', 'revoked_on']],
  ['annual_inspection', 'AnnualInspection', ['year']],
  ['administrative_penalty', 'AdministrativePenalty', ['decided_on', 'served_until', 'revoked_on']],
  ['list_entry', 'ListEntry', ['listed_on', 'removed_on']],
  ['credit_entry', 'CreditEntry', ['recorded_on']],
  ['reward_grant', 'RewardGrant', ['year']],
  ['platform_activity', 'PlatformActivity', ['held_on']],
  ['liaison_visit', 'LiaisonVisit', ['visited_on']],
  ['deliberation_session', 'DeliberationSession', ['held_on']],
  ['deliberation_issue', 'DeliberationIssue', ['resolved_on']],
  ['joint_meeting', 'JointMeeting', ['held_on']],
  ['loan', 'Loan', ['signed_on']],
  ['mediation_case', 'MediationCase', ['opened_on', 'closed_on']],
  ['charity_record', 'CharityRecord', ['year']],
  ['investment_project', 'InvestmentProject', ['signed_on']],
  ['reward_fund_allocation', 'RewardFundAllocation', ['year']],
  ['service_category', 'ServiceCategory', []],
];

/** Many-to-many tables: a change of one is a change of its owner's list field. */
const COLLECTIONS: [table: string, ownerTable: string, ownerType: string, ownerColumn: string, field: string][] = [
  ['platform_activity_organizer', 'platform_activity', 'PlatformActivity', 'activity_id', 'organizers'],
  ['platform_activity_participant', 'platform_activity', 'PlatformActivity', 'activity_id', 'participants'],
  ['joint_meeting_participant', 'joint_meeting', 'JointMeeting', 'meeting_id', 'participants'],
];

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export class Migration20261207180000_change_feed_triggers extends Migration {
  override name = 'Migration20261207180000_change_feed_triggers';

  override up(): void | Promise<void> {
    // Who: the transaction's hub.actor (set_config(..., true) by the registry's write paths).
    this.addSql(`create function "registry"."change_actor"() returns text language sql stable as $$
      select coalesce(nullif(current_setting('hub.actor', true), ''), 'database:' || session_user) $$;`);

    // One row's change. TG_ARGV: the GraphQL type, then the as-of columns.
    this.addSql(`create function "registry"."record_change"() returns trigger language plpgsql as $$
      declare
        old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'idempotency_key' end;
        new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'idempotency_key' end;
        current_row jsonb := coalesce(new_row, old_row);
        fields text[];
        dates jsonb;
      begin
        if tg_op = 'UPDATE' then
          select coalesce(array_agg(n.key order by n.key), '{}') into fields
            from jsonb_each(new_row) n where n.value is distinct from old_row -> n.key;
          if cardinality(fields) = 0 then return null; end if;
        elsif tg_op = 'INSERT' then
          select coalesce(array_agg(k order by k), '{}') into fields from jsonb_object_keys(new_row) k where k <> 'id';
        else
          fields := '{}';
        end if;
        select jsonb_object_agg(c, current_row -> c) into dates from unnest(tg_argv[1:]) c;
        insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
        values (tg_argv[0], (current_row ->> 'id')::uuid,
          case tg_op when 'INSERT' then 'CREATE' when 'UPDATE' then 'UPDATE' else 'DELETE' end,
          (current_row ->> 'version')::int, fields, new_row, dates, "registry"."change_actor"());
        return null;
      end $$;`);

    // A many-to-many row: the owner's whole list after the change. TG_ARGV: owner type, owner
    // table, owner column, the other column, the owner's field.
    this.addSql(`create function "registry"."record_collection_change"() returns trigger language plpgsql as $$
      declare
        owner_id uuid := (to_jsonb(coalesce(new, old)) ->> tg_argv[2])::uuid;
        members jsonb;
        owner_exists boolean;
      begin
        execute format('select exists (select 1 from registry.%I where id = $1)', tg_argv[1]) using owner_id into owner_exists;
        if not owner_exists then return null; end if;
        execute format('select coalesce(jsonb_agg(%I order by %I), ''[]'') from registry.%I where %I = $1',
          tg_argv[3], tg_argv[3], tg_table_name, tg_argv[2]) using owner_id into members;
        insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
        values (tg_argv[0], owner_id, 'UPDATE', null, array[tg_argv[4]], jsonb_build_object(tg_argv[4], members), null, "registry"."change_actor"());
        return null;
      end $$;`);

    // At commit: the transaction's place in the commit order. The advisory lock (two-int form,
    // a space of its own) is held until the commit is visible, so seqs become visible in order.
    this.addSql(`create function "registry"."stamp_commit"() returns trigger language plpgsql as $$
      begin
        if current_setting('hub.change_stamped', true) = pg_current_xact_id()::text then return null; end if;
        perform pg_advisory_xact_lock(2026, 1207);
        insert into "registry"."change_commit" ("txid") values (pg_current_xact_id()::text::bigint)
          on conflict ("txid") do nothing;
        perform set_config('hub.change_stamped', pg_current_xact_id()::text, true);
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "change_commit_stamp" after insert on "registry"."change"
      deferrable initially deferred for each row execute function "registry"."stamp_commit"();`);

    for (const [table, type, asOf] of TRACKED) {
      this.addSql(`create trigger "${table}_change" after insert or update or delete on "registry"."${table}"
        for each row execute function "registry"."record_change"(${quoted([type, ...asOf])});`);
    }
    for (const [table, ownerTable, ownerType, ownerColumn, field] of COLLECTIONS) {
      const other = 'organization_id';
      this.addSql(`create trigger "${table}_change" after insert or delete on "registry"."${table}"
        for each row execute function "registry"."record_collection_change"(${quoted([ownerType, ownerTable, ownerColumn, other, field])});`);
    }

    // What exists already, once, as CREATE (and each owner's lists), in foreign-key order.
    for (const [table, type, asOf] of TRACKED) {
      const dates = asOf.length ? `jsonb_build_object(${asOf.map((c) => `'${c}', r -> '${c}'`).join(', ')})` : 'null';
      this.addSql(`insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
        select '${type}', t.id, 'CREATE', (r ->> 'version')::int,
          array(select k from jsonb_object_keys(r) k where k <> 'id' order by k), r, ${dates}, 'migration'
        from "registry"."${table}" t, lateral (select to_jsonb(t) - 'idempotency_key' as r) x order by t.id;`);
    }
    for (const [table, , ownerType, ownerColumn, field] of COLLECTIONS) {
      this.addSql(`insert into "registry"."change" ("entity_type", "entity_id", "operation", "version", "changed_fields", "after", "as_of", "actor")
        select '${ownerType}', "${ownerColumn}", 'UPDATE', null, array['${field}'],
          jsonb_build_object('${field}', jsonb_agg("organization_id" order by "organization_id")), null, 'migration'
        from "registry"."${table}" group by "${ownerColumn}" order by "${ownerColumn}";`);
    }
  }

  override down(): void | Promise<void> {
    for (const [table] of [...TRACKED, ...COLLECTIONS]) this.addSql(`drop trigger if exists "${table}_change" on "registry"."${table}";`);
    this.addSql(`drop trigger if exists "change_commit_stamp" on "registry"."change";`);
    this.addSql(`drop function if exists "registry"."stamp_commit"();`);
    this.addSql(`drop function if exists "registry"."record_collection_change"();`);
    this.addSql(`drop function if exists "registry"."record_change"();`);
    this.addSql(`drop function if exists "registry"."change_actor"();`);
    this.addSql(`delete from "registry"."change"; delete from "registry"."change_commit";`);
  }
}
