import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128020535_initial } from './Migration20261128020535_initial.js';
import { Migration20261128022452_platform_records_people_ratings } from './Migration20261128022452_platform_records_people_ratings.js';
import { Migration20261128033040_covering_relationship_indexes } from './Migration20261128033040_covering_relationship_indexes.js';
import { Migration20261128033603_honour_revoked_on } from './Migration20261128033603_honour_revoked_on.js';
import { Migration20261129035021_certification_idempotency_key } from './Migration20261129035021_certification_idempotency_key.js';
import { Migration20261129042637_evaluation_facts } from './Migration20261129042637_evaluation_facts.js';
import { Migration20261129052738_procurement_facts } from './Migration20261129052738_procurement_facts.js';
import { Migration20261129061204_credit_outcome } from './Migration20261129061204_credit_outcome.js';
import { Migration20261207173805_facts_keeping_and_change_feed } from './Migration20261207173805_facts_keeping_and_change_feed.js';
import { Migration20261207180000_change_feed_triggers } from './Migration20261207180000_change_feed_triggers.js';
import { Migration20261207205635_jurisdiction } from './Migration20261207205635_jurisdiction.js';
import { Migration20261207210000_pinyin_order } from './Migration20261207210000_pinyin_order.js';
import { Migration20261207210013_import_batch } from './Migration20261207210013_import_batch.js';
import { Migration20261208000514_integrator_clients } from './Migration20261208000514_integrator_clients.js';
import { Migration20261208013000_jurisdiction_intervals } from './Migration20261208013000_jurisdiction_intervals.js';
import { Migration20261208031500_change_feed_statement_triggers } from './Migration20261208031500_change_feed_statement_triggers.js';
import { Migration20261208033000_jurisdiction_covering_indexes } from './Migration20261208033000_jurisdiction_covering_indexes.js';

// Every migration of the registry schema, oldest first. npm run migration:create adds files here.
export const registryMigrations: MigrationObject[] = [
  { name: 'Migration20261128020535_initial', class: Migration20261128020535_initial },
  { name: 'Migration20261128022452_platform_records_people_ratings', class: Migration20261128022452_platform_records_people_ratings },
  { name: 'Migration20261128033040_covering_relationship_indexes', class: Migration20261128033040_covering_relationship_indexes },
  { name: 'Migration20261128033603_honour_revoked_on', class: Migration20261128033603_honour_revoked_on },
  { name: 'Migration20261129035021_certification_idempotency_key', class: Migration20261129035021_certification_idempotency_key },
  { name: 'Migration20261129042637_evaluation_facts', class: Migration20261129042637_evaluation_facts },
  { name: 'Migration20261129052738_procurement_facts', class: Migration20261129052738_procurement_facts },
  { name: 'Migration20261129061204_credit_outcome', class: Migration20261129061204_credit_outcome },
  { name: 'Migration20261207173805_facts_keeping_and_change_feed', class: Migration20261207173805_facts_keeping_and_change_feed },
  { name: 'Migration20261207180000_change_feed_triggers', class: Migration20261207180000_change_feed_triggers },
  { name: 'Migration20261207205635_jurisdiction', class: Migration20261207205635_jurisdiction },
  { name: 'Migration20261207210000_pinyin_order', class: Migration20261207210000_pinyin_order },
  { name: 'Migration20261207210013_import_batch', class: Migration20261207210013_import_batch },
  { name: 'Migration20261208000514_integrator_clients', class: Migration20261208000514_integrator_clients },
  { name: 'Migration20261208013000_jurisdiction_intervals', class: Migration20261208013000_jurisdiction_intervals },
  { name: 'Migration20261208031500_change_feed_statement_triggers', class: Migration20261208031500_change_feed_statement_triggers },
  {
    name: 'Migration20261208033000_jurisdiction_covering_indexes',
    class: Migration20261208033000_jurisdiction_covering_indexes,
  },
];
