import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128020537_initial } from './Migration20261128020537_initial.js';
import { Migration20261129035032_task_kit } from './Migration20261129035032_task_kit.js';
import { Migration20261129043008_evaluation } from './Migration20261129043008_evaluation.js';
import { Migration20261129061444_procurement } from './Migration20261129061444_procurement.js';
import { Migration20261129064434_run_operations } from './Migration20261129064434_run_operations.js';
import { Migration20261129065004_admin_end_states } from './Migration20261129065004_admin_end_states.js';
import { Migration20261207210020_registry_import } from './Migration20261207210020_registry_import.js';
import { Migration20261208001000_evaluation_candidacy } from './Migration20261208001000_evaluation_candidacy.js';
import { Migration20261208001500_notification_delivery } from './Migration20261208001500_notification_delivery.js';
import { Migration20261208002000_operations_federation } from './Migration20261208002000_operations_federation.js';

// Every migration of the processes schema, oldest first. npm run migration:create adds files here.
export const processesMigrations: MigrationObject[] = [
  { name: 'Migration20261128020537_initial', class: Migration20261128020537_initial },
  { name: 'Migration20261129035032_task_kit', class: Migration20261129035032_task_kit },
  { name: 'Migration20261129043008_evaluation', class: Migration20261129043008_evaluation },
  { name: 'Migration20261129061444_procurement', class: Migration20261129061444_procurement },
  { name: 'Migration20261129064434_run_operations', class: Migration20261129064434_run_operations },
  { name: 'Migration20261129065004_admin_end_states', class: Migration20261129065004_admin_end_states },
  { name: 'Migration20261207210020_registry_import', class: Migration20261207210020_registry_import },
  { name: 'Migration20261208001000_evaluation_candidacy', class: Migration20261208001000_evaluation_candidacy },
  { name: 'Migration20261208001500_notification_delivery', class: Migration20261208001500_notification_delivery },
  { name: 'Migration20261208002000_operations_federation', class: Migration20261208002000_operations_federation },
];
