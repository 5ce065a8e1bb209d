import { raw, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import { encodeCursor, pageWindow, type ConnectionShape, type PageArgs } from '../../common/connection.js';
import { decodeCursor, keyColumns, readCursor } from '../../common/cursor.js';
import { badInput } from '../../common/errors.js';
import type { ResolvedOrder } from './order.js';

// A page of a list in an order the client chose (query/order.ts): keyset cursors as everywhere
// (the sort key's values, so a page costs the same wherever it starts), with the order's
// signature in front, written as SQL so that a key may be an expression (a name under the
// pinyin collation) and may hold nulls (they come last in both directions).

type CursorField = 'after' | 'before';
const TOTAL = '__totalCount';

interface Key {
  sql: string;
  descending: boolean;
  nullable: boolean;
}

/** The sort key's values in a cursor of this order; another order's cursor is refused by name. */
export function readOrderedCursor(
  cursor: string,
  order: ResolvedOrder,
  types: ReturnType<typeof keyColumns>,
  field: CursorField,
) {
  const values = readCursor(cursor, field);
  const tag: unknown = Array.isArray(values) ? (values as unknown[])[0] : undefined;
  if (tag !== order.signature) {
    const other =
      typeof tag === 'string' && /^[A-Z_]+:(ASC|DESC)/.test(tag) ? `按 ${tag} 排序` : '不带 orderBy（默认顺序）';
    throw badInput(
      `${field} 的游标是${other}时取得的，本次按 ${order.signature} 排序：换了排序请从第一页重新开始`,
      field,
    );
  }
  return decodeCursor(encodeCursor((values as unknown[]).slice(1)), types, field);
}

/**
 * Rows after (or before) `values` in the list's order, as one SQL condition:
 * (k0 beyond v0) or (k0 = v0 and k1 beyond v1) ... with nulls after every value.
 */
function beyond(keys: Key[], values: unknown[], side: CursorField): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const equal = (key: Key, value: unknown) => {
    if (value === null) return `${key.sql} is null`;
    params.push(value);
    return `${key.sql} = ?`;
  };
  const past = (key: Key, value: unknown) => {
    const later = side === 'after';
    if (value === null) return later ? 'false' : key.nullable ? `${key.sql} is not null` : 'false';
    params.push(value);
    const op = later !== key.descending ? '>' : '<';
    return later && key.nullable ? `(${key.sql} ${op} ? or ${key.sql} is null)` : `${key.sql} ${op} ?`;
  };
  const branches = keys.map((key, i) =>
    [...keys.slice(0, i).map((k, j) => equal(k, values[j])), past(key, values[i])].join(' and '),
  );
  return { sql: `(${branches.map((b) => `(${b})`).join(' or ')})`, params };
}

/**
 * One page of `entity` in `order`, as entities (for lists whose fields read relations) or plain
 * rows (property names, as findPlainPage gives them). Without a cursor the page's statement
 * counts every match itself (plain rows); otherwise one more statement counts.
 */
export async function findOrderedPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  order: ResolvedOrder,
  args: PageArgs,
  shape: 'entities' | 'plain' = 'entities',
): Promise<ConnectionShape<T>> {
  const window = pageWindow(args);
  const meta = em.getMetadata().get(entity as EntityName<object>);
  const properties = order.keys.map((k) => k.property);
  const types = keyColumns(em, entity as EntityName<object>, properties);
  const keys: Key[] = order.keys.map((k, i) => {
    const column = (meta.properties[k.property as never] as { fieldNames: string[] }).fieldNames[0];
    const sql = `o0."${column}"${k.pinyin ? ' collate "registry"."pinyin"' : ''}`;
    return { sql, descending: k.descending, nullable: types[i].nullable ?? false };
  });
  const after = window.after != null ? readOrderedCursor(window.after, order, types, 'after') : undefined;
  const before = window.before != null ? readOrderedCursor(window.before, order, types, 'before') : undefined;
  const backward = window.last != null;
  const size = window.last ?? window.first!;
  const bounds = [
    ...(after ? [beyond(keys, after, 'after')] : []),
    ...(before ? [beyond(keys, before, 'before')] : []),
  ].map(({ sql, params }) => ({ [raw(sql, params)]: [] }));
  // Backward pages are read from their far end in the reverse order, then turned round.
  // Only nullable keys name where nulls go: a plain direction on the others lets a b-tree
  // (the pinyin index, the primary key) serve DESC as well as ASC.
  const orderBy = keys.map((key) => {
    const direction = key.descending !== backward ? 'desc' : 'asc';
    return { [raw(key.sql)]: key.nullable ? `${direction} nulls ${backward ? 'first' : 'last'}` : direction };
  });
  const counted = shape === 'plain' && bounds.length === 0;
  const condition = (bounds.length ? { $and: [where, ...bounds] } : where) as never;
  const page = em
    .createQueryBuilder(entity, 'o0')
    .select((counted ? ['*', raw(`count(*) over () as "${TOTAL}"`)] : '*') as never)
    .where(condition)
    .orderBy(orderBy as never)
    .limit(size + 1); // one more tells whether there is a further page
  const count = () =>
    em
      .createQueryBuilder(entity, 'o0')
      .where(where as never)
      .getCount();
  const [rows, total] = await Promise.all([
    shape === 'plain'
      ? page.execute<(T & { [TOTAL]?: number | string })[]>('all')
      : (page.getResultList() as Promise<(T & { [TOTAL]?: number | string })[]>),
    counted ? undefined : count(),
  ]);
  const totalCount = total ?? Number(rows[0]?.[TOTAL] ?? 0);
  if (counted) for (const row of rows) delete row[TOTAL];
  const more = rows.length > size;
  if (more) rows.pop();
  if (backward) rows.reverse();
  const edges = rows.map((node) => ({
    node,
    cursor: encodeCursor([
      order.signature,
      ...properties.map((p) => cursorValue((node as Record<string, unknown>)[p])),
    ]),
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backward ? before !== undefined : more,
      hasPreviousPage: backward ? more : after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A key's value as a cursor holds it (an entity's relation by its id, a Date as ISO text). */
const cursorValue = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));
