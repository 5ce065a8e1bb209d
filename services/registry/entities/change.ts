import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

// The change feed's two tables (docs/integrators-change-feed.md). Nothing in the services
// writes them: triggers of the registry's tables do (the migration "change_feed"), in the
// writing transaction, so no write path can forget. Read by services/registry/changes/feed.ts.

/** One row of a registry table inserted, updated or deleted, as its trigger recorded it. */
@Entity({ tableName: 'change' })
@Index({ name: 'change_txid_idx', properties: ['txid', 'id'] })
export class RegistryChange {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true }) id!: string;
  /** The writing transaction (pg_current_xact_id(), epoch-extended, never reused); the default as PostgreSQL prints it. */
  @Property({ type: new BigIntType('string'), defaultRaw: '((pg_current_xact_id())::text)::bigint' })
  txid!: string;
  @Property({ type: 'text' }) entityType!: string;
  @Property({ type: 'uuid' }) entityId!: string;
  /** CREATE, UPDATE or DELETE. */
  @Property({ type: 'text' }) operation!: string;
  @Property({ type: 'integer', nullable: true }) version?: number | null;
  @Property({ type: 'text[]' }) changedFields!: string[];
  /** The row after the change (column names); null for DELETE. */
  @Property({ type: 'jsonb', nullable: true }) after?: Record<string, unknown> | null;
  /** The columns that place the record in time (validFrom/validTo, year, listedOn …), after the change. */
  @Property({ type: 'jsonb', nullable: true }) asOf?: Record<string, unknown> | null;
  /** hub.actor of the transaction (the token's subject, "seed"), else the database user. */
  @Property({ type: 'text' }) actor!: string;
}

/**
 * The commit order: one row per writing transaction, its `seq` taken at commit time (a
 * deferred trigger) under a lock held until the commit is visible, so a smaller seq can
 * never become visible after a larger one: a cursor over seq never skips a change.
 */
@Entity({ tableName: 'change_commit' })
export class ChangeCommit {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true }) seq!: string;
  @Property({ type: new BigIntType('string'), unique: 'change_commit_txid_unique' }) txid!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' }) committedAt!: Date;
}
