import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207173748_rate_bucket } from './Migration20261207173748_rate_bucket.js';

// Every migration of the gateway schema, oldest first. npm run migration:create adds files here.
// The rate bucket's table is UNLOGGED (edited after generation): see services/gateway/rate-bucket.ts.
export const gatewayMigrations: MigrationObject[] = [
  { name: 'Migration20261207173748_rate_bucket', class: Migration20261207173748_rate_bucket },
];
