import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from './entities/organization.js';
import { Relationship } from './entities/relationship.js';
import { Direction, type RelationshipType } from './entities/kinds.js';

// Per-request batching: a list of N organizations costs one query per field, not N.

export interface RelationshipKey {
  organizationId: string;
  type?: RelationshipType | null;
  direction: Direction;
}

export function createRegistryLoaders(em: EntityManager) {
  const organization = new DataLoader<string, Organization | null>(async (ids) => {
    const rows = await em.find(Organization, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // Keys that share (type, direction) go out together as one query.
  const relationships = new DataLoader<RelationshipKey, Relationship[], string>(
    async (keys) => {
      const groups = new Map<string, RelationshipKey[]>();
      for (const key of keys) {
        const group = `${key.type ?? '*'}|${key.direction}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const found = new Map<string, Relationship[]>();
      for (const group of groups.values()) {
        const { type, direction } = group[0]!;
        const ids = group.map((k) => k.organizationId);
        const ends = [];
        if (direction !== Direction.INCOMING) ends.push({ from: { $in: ids } });
        if (direction !== Direction.OUTGOING) ends.push({ to: { $in: ids } });
        const rows = await em.find(
          Relationship,
          { $or: ends, ...(type ? { type } : {}) },
          { orderBy: { validFrom: 'asc', id: 'asc' } },
        );
        for (const key of group) {
          const mine = rows.filter(
            (r) =>
              (direction !== Direction.INCOMING && r.from.id === key.organizationId) ||
              (direction !== Direction.OUTGOING && r.to.id === key.organizationId),
          );
          found.set(cacheKey(key), mine);
        }
      }
      return keys.map((k) => found.get(cacheKey(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );

  return { organization, relationships };
}

function cacheKey(key: RelationshipKey): string {
  return `${key.organizationId}|${key.type ?? '*'}|${key.direction}`;
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
