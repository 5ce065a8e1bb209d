// Writes a migration for the difference between a service's entities and its migrations:
//   npm run migration:create -- registry|processes|gateway [name]
// Run against a scratch database that holds exactly the committed migrations.
import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { MIGRATING_ORMS } from './orms.js';
import { config } from '../../services/common/config.js';
import { parseCli, usageError } from '../../services/common/cli.js';

const { positionals } = parseCli({
  usage: 'npm run migration:create -- registry|processes|gateway [name]',
  about:
    "Writes a migration for the difference between a service's entities and its migrations (run it against a scratch\ndatabase, DATABASE_URL, that holds exactly the committed migrations); add the file to the folder's index.ts.",
  positionals: { min: 1, max: 2 },
});
const [service, name] = positionals;
const factories = MIGRATING_ORMS;
const factory = factories[service as keyof typeof factories];
if (!factory) usageError(`the first argument names the service, registry, processes or gateway; got "${service}"`);
const orm = await factory(config().databaseUrl);
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, name);
  console.log(
    result.fileName
      ? `wrote ${result.fileName}; add it to infra/migrations/${service}/index.ts`
      : 'entities and migrations agree; nothing to write',
  );
} finally {
  await orm.close();
}
