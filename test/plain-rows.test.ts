import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MikroORM, wrap } from '@mikro-orm/postgresql';
import { registryOrmSpec } from '../services/registry/orm.js';
import { createRegistryLoaders } from '../services/registry/loaders.js';
import { Organization } from '../services/registry/entities/organization.js';
import { Relationship } from '../services/registry/entities/relationship.js';
import { Direction } from '../services/registry/entities/kinds.js';

// The registry's read loaders give plain rows (services/common/loaders.ts plainSelect), not
// entities: each must hold exactly what the entity would, every column under its property name
// and type (dates as ISO strings, timestamps as Date, JSON attributes as objects).

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({
    clientUrl: inject('databaseUrl'),
    schema: registryOrmSpec.schema,
    entities: registryOrmSpec.entities,
  });
});
afterAll(() => orm?.close());

/** An entity as plain data, its to-one references as `{ id }`. */
const plain = (entity: object) => {
  const data = { ...(wrap(entity).toObject() as Record<string, unknown>) };
  for (const [key, value] of Object.entries(data))
    if (
      typeof value === 'string' &&
      key in entity &&
      typeof (entity as any)[key] === 'object' &&
      (entity as any)[key]?.id === value
    )
      data[key] = { id: value };
  return data;
};

describe('plain rows of the read loaders', () => {
  it('organizations by id hold what the entities hold', async () => {
    const entities = await orm.em
      .fork()
      .find(Organization, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 50 });
    expect(entities.length).toBeGreaterThan(10);
    const rows = await createRegistryLoaders(orm.em.fork()).organization.loadMany(entities.map((e) => e.id));
    expect(rows.map((r) => ({ ...(r as object) }))).toEqual(entities.map(plain));
    expect((rows[0] as Organization).createdAt).toBeInstanceOf(Date);
  });

  it('relationships hold what the entities hold, ends as { id }, attributes as objects', async () => {
    const em = orm.em.fork();
    const [withAttributes] = await em.find(Relationship, { attributes: { $ne: {} } }, { limit: 1 });
    expect(withAttributes).toBeDefined();
    const center = withAttributes.from.id;
    const entities = await em.find(
      Relationship,
      { $or: [{ from: center }, { to: center }] },
      { orderBy: { validFrom: 'asc', id: 'asc' } },
    );
    const rows = await createRegistryLoaders(orm.em.fork()).relationships.load({
      organizationId: center,
      direction: Direction.BOTH,
    });
    expect(rows.map((r) => ({ ...r }))).toEqual(entities.map(plain));
    expect(rows.some((r) => Object.keys(r.attributes).length > 0)).toBe(true);
    // Read with their ends joined: the same edges, and ends equal to the organizations by id.
    const loaders = createRegistryLoaders(orm.em.fork());
    const joined = await loaders.relationships.load({
      organizationId: center,
      direction: Direction.BOTH,
      withEnds: true,
    });
    expect(joined.map((r) => ({ ...r }))).toEqual(entities.map(plain));
    const ids = [...new Set(joined.flatMap((r) => [r.from.id, r.to.id]))];
    const byId = new Map(
      (await createRegistryLoaders(orm.em.fork()).organization.loadMany(ids)).map((o) => [(o as Organization).id, o]),
    );
    for (const edge of joined) {
      expect(loaders.endsOf(edge)).toEqual({ from: byId.get(edge.from.id), to: byId.get(edge.to.id) });
    }
  });
});
