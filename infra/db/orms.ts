import { registryOrmSpec } from '../../services/registry/orm.js';
import { processesOrmSpec } from '../../services/processes/orm.js';
import { CATALOG } from '../../services/processes/catalog.js';
import { registryMigrations } from '../migrations/registry/index.js';
import { processesMigrations } from '../migrations/processes/index.js';
import { gatewayOrmSpec } from '../../services/gateway/rate-bucket.js';
import { gatewayMigrations } from '../migrations/gateway/index.js';
import { createOrm } from '../../services/common/orm.js';

// The services' ORMs with their committed migrations: what migrate, migration:create and the
// schema-agreement test use. Infra hands the lists over, so services never import infra.
export const MIGRATING_ORMS = {
  registry: (databaseUrl: string) => createOrm({ ...registryOrmSpec, migrations: registryMigrations }, databaseUrl),
  processes: (databaseUrl: string) =>
    createOrm({ ...processesOrmSpec(CATALOG), migrations: processesMigrations }, databaseUrl),
  gateway: (databaseUrl: string) => createOrm({ ...gatewayOrmSpec, migrations: gatewayMigrations }, databaseUrl),
} as const;
