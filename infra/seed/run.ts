import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import type { MikroORM } from '@mikro-orm/postgresql';
import { createRegistryOrm } from '../../services/registry/orm.js';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { CATALOG } from '../../services/processes/catalog.js';
import { organizationViolations } from '../../services/registry/rules/organization.js';
import { TrainingCourse } from '../../services/processes/training/course.js';
import { SEED_COMMITTEES, SEED_ORGANIZATIONS } from './registry-data.js';
import { seedTables, type SeedTable } from './tables.js';
import { courseStart } from './data/current.js';
import { config } from '../../services/common/config.js';
import { todayInChina } from '../../services/common/dates.js';
import { seedId } from './ids.js';
import { isEntryPoint } from '../../services/common/entry.js';
import { parseCli } from '../../services/common/cli.js';
import { actAs } from '../../services/registry/changes/actor.js';

// Inserts what is missing and leaves what exists: running the seed twice changes nothing.
// What walk-throughs and Schedules need now is placed relative to `today` (data/current.ts).

const COURSE_TITLE = '商协会专职人员素质提升培训班';

/** The walk-through's course (4 days, 50 seats), starting thirty days after `today`. */
export function seedCourse(today: string) {
  const startsOn = courseStart(today);
  return { id: seedId(`course:secretariat:${startsOn}`), title: COURSE_TITLE, days: 4, capacity: 50, startsOn };
}

/** The seed's "today": HUB_SEED_TODAY when set, else today in China. */
export const seedToday = (): string => config().seedToday ?? todayInChina();

/** Refuses data that breaks a registry rule, before anything is written. */
function checkSeedData(tables: SeedTable[]): void {
  for (const org of [...SEED_ORGANIZATIONS, ...SEED_COMMITTEES]) {
    const problem = organizationViolations(org)[0];
    if (problem) throw new Error(`seed organization ${org.key}: ${problem.message}`);
  }
  for (const table of tables) {
    const ids = new Set(table.rows.map((row) => row.id));
    if (ids.size !== table.rows.length)
      throw new Error(`seed table ${(table.entity as { name: string }).name}: two rows share a natural key`);
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

export async function seed(databaseUrl: string, today: string = seedToday()): Promise<{ inserted: number }> {
  const tables = seedTables(today);
  checkSeedData(tables);
  const started = Date.now();
  let inserted = 0;
  const registry = await createRegistryOrm(databaseUrl);
  try {
    for (const table of tables) inserted += await insertMissing(registry, table);
  } finally {
    await registry.close();
  }
  const processes = await createProcessesOrm(CATALOG, databaseUrl);
  try {
    // A course open for applications: added when the last one has started (a long-lived hub).
    const em = processes.em.fork();
    if (!(await em.findOne(TrainingCourse, { title: COURSE_TITLE, startsOn: { $gt: today } }))) {
      em.create(TrainingCourse, seedCourse(today));
      await em.flush();
      inserted++;
    }
  } finally {
    await processes.close();
  }
  const took = `${Date.now() - started} ms`;
  console.log(
    `[seed] ${inserted ? `inserted ${inserted} records in ${took}` : `already seeded; nothing to do (${took})`} (today ${today})`,
  );
  return { inserted };
}

/** The seeded organization's id, for docs and tests. */
export const seedOrganizationId = (key: string) => seedId(`org:${key}`);

if (isEntryPoint(import.meta.url)) {
  parseCli({
    usage: 'npm run seed',
    about: "Inserts the seed's records (the report's facts) that DATABASE_URL lacks; a second run changes nothing.",
  });
  await seed(config().databaseUrl);
}
