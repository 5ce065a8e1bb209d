import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { createOrm, type OrmSpec } from '../common/orm.js';

// The gateway's one table: a token bucket per token subject, shared by every gateway replica
// (limits/shared-rate.ts reads and writes it with one SQL statement per request; this entity is
// only what migrations and the schema-agreement test compare against). The table is UNLOGGED
// (the migration says so): a crash of PostgreSQL empties it, which refills every bucket, and in
// exchange a request's write is not flushed to the write-ahead log.

@Entity({ tableName: 'rate_bucket' })
@Index({ name: 'rate_bucket_updated_at_idx', properties: ['updatedAt'] })
export class RateBucket {
  /** The token's subject. */
  @PrimaryKey({ type: 'text' }) subject!: string;
  /** Requests left in the bucket (fractional: it refills continuously). */
  @Property({ type: 'double' }) tokens!: number;
  @Property({ type: 'timestamptz' }) updatedAt!: Date;
  /** Whether the last request taken from this bucket was allowed (what the upsert returns). */
  @Property({ type: 'boolean' }) allowed!: boolean;
}

/** The gateway's schema; infra/db adds the migration list (services never import infra). */
export const gatewayOrmSpec: OrmSpec = { schema: 'gateway', entities: [RateBucket] };

export const createGatewayOrm = (databaseUrl: string, options?: Parameters<typeof createOrm>[2]) =>
  createOrm(gatewayOrmSpec, databaseUrl, options);
