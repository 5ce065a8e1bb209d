import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128020535_initial } from './Migration20261128020535_initial.js';

// Every migration of the registry schema, oldest first. npm run migration:create adds files here.
export const registryMigrations: MigrationObject[] = [
  { name: 'Migration20261128020535_initial', class: Migration20261128020535_initial },
];
