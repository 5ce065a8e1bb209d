import DataLoader from 'dataloader';
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

// Generic per-request loaders: one query per batch of keys, whatever the list's length.

type Order = Record<string, 'asc' | 'desc'>;

/** Rows by id. */
export function byId<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * Rows by id as plain objects (property names, values typed as the entity's), not managed
 * entities: for read-only GraphQL answers, where hydrating an entity and registering it in the
 * identity map cost more than the query (a detail with 126 edges loads 127 organizations).
 * To-one relations come as the related row's id; use it only for entities without them, or
 * map them (see the registry's relationship loader).
 */
export function rowsById<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = (await em.createQueryBuilder(entity).select('*').where({ id: { $in: [...ids] } } as never).execute('all')) as T[];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * The rows whose `parent` column holds each key, in `orderBy` order. `parent` is a many-to-one
 * relation or a plain id column (a reference into another service's schema).
 */
export function childrenOf<T extends object>(em: EntityManager, entity: EntityName<T>, parent: keyof T & string, orderBy: Order) {
  const keyOf = (row: T): string => {
    const value = row[parent] as unknown;
    return typeof value === 'string' ? value : (value as { id: string }).id;
  };
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = (await em.find(entity, { [parent]: { $in: [...ids] } } as never, { orderBy } as never)) as T[];
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return ids.map((id) => groups.get(id)!);
  });
}
