import { Organization } from './entities/organization.js';
import { Relationship } from './entities/relationship.js';
import { registryMigrations } from '../../infra/migrations/registry/index.js';
import { createOrm, type OrmSpec } from '../shared/orm.js';

export const registryOrmSpec: OrmSpec = {
  schema: 'registry',
  entities: [Organization, Relationship],
  migrations: registryMigrations,
};

export const createRegistryOrm = (databaseUrl: string, options?: Parameters<typeof createOrm>[2]) =>
  createOrm(registryOrmSpec, databaseUrl, options);
