import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128020537_initial } from './Migration20261128020537_initial.js';

// Every migration of the processes schema, oldest first. npm run migration:create adds files here.
export const processesMigrations: MigrationObject[] = [
  { name: 'Migration20261128020537_initial', class: Migration20261128020537_initial },
];
