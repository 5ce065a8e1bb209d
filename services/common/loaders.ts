import DataLoader from 'dataloader';
import { ReferenceKind, type EntityName } from '@mikro-orm/core';
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

export interface PlainSelect<T> {
  /** `select <every column as its property> from <table>`, for a WHERE to follow. */
  sql: string;
  /** The table, quoted with its schema. */
  table: string;
  /** The select list for the table under `alias`, each column as `<prefix><property>` (to join several). */
  columns(alias: string, prefix?: string): string;
  /** The row PostgreSQL gave, as the entity's properties (timestamps as Date); with a prefix (even ''), a copy of those columns only. */
  map(row: Record<string, unknown>, prefix?: string): T;
}

const selects = new WeakMap<object, PlainSelect<any>>();

/**
 * Reading an entity's rows as plain objects (property names, values typed as the entity's), not
 * managed entities, with SQL written once per entity: for read-only GraphQL answers, where
 * building the query and hydrating entities cost more than PostgreSQL's work (a detail with 126
 * edges reads 127 organizations). Statements still go through MikroORM's connection, so they
 * are logged and counted. To-one relations come as the related row's id; scalars and to-one
 * relations only (no embeddables, no collections).
 */
export function plainSelect<T extends object>(em: EntityManager, entity: EntityName<T>): PlainSelect<T> {
  const meta = em.getMetadata().get(entity);
  const known = selects.get(meta);
  if (known) return known;
  const props = meta.props.filter(
    (p) => (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.persist !== false,
  );
  const names = props.map((p) => p.name);
  const dates = props.filter((p) => p.runtimeType === 'Date').map((p) => p.name);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const table = `${quote(meta.schema ?? em.config.get('schema') ?? 'public')}.${quote(meta.tableName)}`;
  const select: PlainSelect<T> = {
    sql: `select ${props.map((p) => `${quote(p.fieldNames[0]!)} as ${quote(p.name)}`).join(', ')} from ${table}`,
    table,
    columns: (alias, prefix = '') =>
      props.map((p) => `${quote(alias)}.${quote(p.fieldNames[0]!)} as ${quote(prefix + p.name)}`).join(', '),
    map(row, prefix) {
      const own = prefix === undefined ? row : Object.fromEntries(names.map((name) => [name, row[prefix + name]]));
      for (const name of dates) if (typeof own[name] === 'string') own[name] = new Date(own[name] as string);
      return own as T;
    },
  };
  selects.set(meta, select);
  return select;
}

/** Rows by id as plain objects (see plainSelect). */
export function rowsById<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const select = plainSelect(em, entity);
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(`${select.sql} where "id" in (?)`, [[...ids]]);
    const found = new Map(rows.map((row) => [row.id as string, select.map(row)]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * The rows whose `parent` column holds each key, in `orderBy` order. `parent` is a many-to-one
 * relation or a plain id column (a reference into another service's schema).
 */
export function childrenOf<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  parent: keyof T & string,
  orderBy: Order,
) {
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

/**
 * Loaders made once per request, on first use, by whoever owns them (a process's folder, the
 * runs view): kept beside the request's context in a WeakMap, so no shared list of every
 * loader has to name them.
 */
export function perRequest<C extends object, L>(make: (ctx: C) => L): (ctx: C) => L {
  const made = new WeakMap<C, L>();
  return (ctx) => {
    let loaders = made.get(ctx);
    if (!loaders) made.set(ctx, (loaders = make(ctx)));
    return loaders;
  };
}
