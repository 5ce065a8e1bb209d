import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import type { MikroORM } from '@mikro-orm/postgresql';
import { createRegistryOrm } from '../../services/registry/orm.js';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { organizationViolations } from '../../services/registry/rules/organization.js';
import { TrainingCourse } from '../../services/processes/training/course.js';
import { SEED_COMMITTEES, SEED_ORGANIZATIONS } from './registry-data.js';
import { SEED_TABLES, type SeedTable } from './tables.js';
import { seedId } from './ids.js';
import { actAs } from '../../services/registry/changes/actor.js';

// Inserts what is missing and leaves what exists: running the seed twice changes nothing.

export const SEED_COURSE = {
  id: seedId('course:secretariat-2026'),
  title: '商协会专职人员素质提升培训班',
  days: 4,
  capacity: 50,
  startsOn: '2026-12-07',
};

/** Refuses data that breaks a registry rule, before anything is written. */
function checkSeedData(): void {
  for (const org of [...SEED_ORGANIZATIONS, ...SEED_COMMITTEES]) {
    const problem = organizationViolations(org)[0];
    if (problem) throw new Error(`seed organization ${org.key}: ${problem.message}`);
  }
  for (const table of SEED_TABLES) {
    const ids = new Set(table.rows.map((row) => row.id));
    if (ids.size !== table.rows.length)
      throw new Error(`seed table ${String(table.entity)}: two rows share a natural key`);
  }
}

/** One transaction per table: read which ids exist, insert the others in batches. */
async function insertMissing(orm: MikroORM, table: SeedTable): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    await actAs(em, 'seed'); // the change feed's "by whom" of every seeded row
    const found = await em.find(
      table.entity,
      { id: { $in: table.rows.map((row) => row.id) } },
      { fields: ['id'] as never },
    );
    const existing = new Set(found.map((row: { id: string }) => row.id));
    const missing = table.rows.filter((row) => !existing.has(row.id));
    for (const row of missing) em.create(table.entity, row);
    return missing.length;
  });
}

export async function seed(databaseUrl: string): Promise<{ inserted: number }> {
  checkSeedData();
  const started = Date.now();
  let inserted = 0;
  const registry = await createRegistryOrm(databaseUrl);
  try {
    for (const table of SEED_TABLES) inserted += await insertMissing(registry, table);
  } finally {
    await registry.close();
  }
  const processes = await createProcessesOrm(databaseUrl);
  try {
    const em = processes.em.fork();
    if (!(await em.findOne(TrainingCourse, SEED_COURSE.id))) {
      em.create(TrainingCourse, SEED_COURSE);
      await em.flush();
      inserted++;
    }
  } finally {
    await processes.close();
  }
  const took = `${Date.now() - started} ms`;
  console.log(
    `[seed] ${inserted ? `inserted ${inserted} records in ${took}` : `already seeded; nothing to do (${took})`}`,
  );
  return { inserted };
}

/** The seeded organization's id, for docs and tests. */
export const seedOrganizationId = (key: string) => seedId(`org:${key}`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { config } = await import('../../services/common/config.js');
  await seed(config().databaseUrl);
}
