import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Constructor, MigrationObject } from '@mikro-orm/core';

/** Every schema a hub service owns; each ORM ignores the others' when it compares schemas. */
export const SERVICE_SCHEMAS = ['registry', 'processes', 'gateway'] as const;

export interface OrmSpec {
  /** The PostgreSQL schema the service owns. */
  schema: (typeof SERVICE_SCHEMAS)[number];
  entities: Constructor<object>[];
  /**
   * Committed migrations, listed explicitly so tsx, vitest and bundlers all find them. Only
   * infra/db hands them over (services never import infra); a service's own ORM has none.
   */
  migrations?: MigrationObject[];
}

/**
 * One ORM per owning service, each confined to its own PostgreSQL schema with its own
 * migration table there. The schema is only ever changed by migrations, never synced.
 */
export function createOrm(spec: OrmSpec, databaseUrl: string, options: { debug?: boolean; poolMax?: number } = {}) {
  const folder = `infra/migrations/${spec.schema}`;
  return MikroORM.init({
    clientUrl: databaseUrl,
    schema: spec.schema,
    entities: spec.entities,
    extensions: [Migrator],
    debug: options.debug ?? false,
    migrations: {
      schema: spec.schema,
      tableName: 'mikro_orm_migrations',
      migrationsList: spec.migrations ?? [],
      path: folder,
      pathTs: folder,
      snapshot: true,
      snapshotOnMigrate: false,
      snapshotName: '.snapshot',
      emit: 'ts',
    },
    schemaGenerator: {
      ignoreSchema: ['public', ...SERVICE_SCHEMAS.filter((schema) => schema !== spec.schema)],
      // The migrator's own bookkeeping table is not an entity.
      skipTables: ['mikro_orm_migrations'],
      // The registry's change-feed triggers and their functions are written by hand in its
      // migrations (one shared function for every table); no entity declares them, so the
      // diff must neither drop nor alter them.
      ignoreTriggers: true,
      ignoreRoutines: true,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    // The hub's statements are short and planned often: PostgreSQL's JIT, on by default, compiled
    // some of them (scoped feed pages, statistics on large tables) for 18-45 ms each, far more
    // than the statements themselves take (docs/benchmarks.md, docs/jurisdiction.md).
    driverOptions: { options: '-c jit=off' },
  });
}
