import 'reflect-metadata'; // type-graphql's decorators need it before any of them runs
import { createRegistryOrm } from '../../services/registry/orm.js';
import { createProcessesOrm } from '../../services/processes/orm.js';
import { Organization } from '../../services/registry/entities/organization.js';
import { Relationship } from '../../services/registry/entities/relationship.js';
import { organizationViolations } from '../../services/registry/organization-rules.js';
import { TrainingCourse } from '../../services/processes/entities/training-course.js';
import { SEED_EDGES, SEED_ORGANIZATIONS } from './registry-data.js';
import { seedId } from './ids.js';

// Inserts what is missing and leaves what exists: running the seed twice changes nothing.

export const SEED_COURSE = {
  id: seedId('course:secretariat-2026'),
  title: '商协会专职人员素质提升培训班',
  days: 4,
  capacity: 50,
  startsOn: '2026-12-07',
};

export async function seed(databaseUrl: string): Promise<{ inserted: number }> {
  let inserted = 0;
  const registry = await createRegistryOrm(databaseUrl);
  try {
    await registry.em.fork().transactional(async (em) => {
      for (const org of SEED_ORGANIZATIONS) {
        const problem = organizationViolations(org)[0];
        if (problem) throw new Error(`seed organization ${org.key}: ${problem.message}`);
        const id = seedId(`org:${org.key}`);
        if (await em.findOne(Organization, id)) continue;
        const { key: _key, ...fields } = org;
        em.create(Organization, { id, ...fields });
        inserted++;
      }
      await em.flush();
      for (const edge of SEED_EDGES) {
        const id = seedId(`edge:${edge.type}:${edge.from}:${edge.to}`);
        if (await em.findOne(Relationship, id)) continue;
        em.create(Relationship, {
          id,
          type: edge.type,
          from: em.getReference(Organization, seedId(`org:${edge.from}`)),
          to: em.getReference(Organization, seedId(`org:${edge.to}`)),
          validFrom: edge.validFrom,
          attributes: edge.attributes ?? {},
        });
        inserted++;
      }
    });
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
  console.log(`[seed] ${inserted ? `inserted ${inserted} records` : 'already seeded; nothing to do'}`);
  return { inserted };
}

/** The seeded organization's id, for docs and tests. */
export const seedOrganizationId = (key: string) => seedId(`org:${key}`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { config } = await import('../../services/shared/config.js');
  await seed(config().databaseUrl);
}
