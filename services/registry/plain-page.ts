import { raw, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import { encodeCursor, pageWindow, type ConnectionShape, type PageArgs } from '../common/connection.js';
import { decodeCursor, keyColumns } from '../common/cursor.js';

// The same page as findPage (common/connection.ts: keyset cursors, MikroORM's cursor format and
// hasNextPage/hasPreviousPage rules), with its nodes as plain rows from the QueryBuilder instead
// of entities from em.findByCursor: an organization list page cost the registry 2.7 ms of CPU
// that way and 1.3 ms this way (bench city, busy machine); a first page is one statement.

type Order = Record<string, 'asc' | 'desc'>;

/** The window count's column, taken off the rows again. */
const TOTAL = '__totalCount';

/** Rows strictly after (or before) `values` in `orderBy` order: (k0 > v0) or (k0 = v0 and k1 > v1) ... */
function beyond(orderBy: Order, values: unknown[], side: 'after' | 'before'): FilterQuery<object> {
  const keys = Object.keys(orderBy);
  return {
    $or: keys.map((key, i) => {
      const equal = Object.fromEntries(keys.slice(0, i).map((k, j) => [k, values[j]]));
      const forward = (orderBy[key] === 'asc') === (side === 'after');
      return { ...equal, [key]: { [forward ? '$gt' : '$lt']: values[i] } };
    }),
  };
}

/**
 * One page of a table as plain rows (property names; see services/common/loaders.ts), for
 * read-only answers. `orderBy` ends in a unique column and its values must not be null.
 */
export async function findPlainPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: Order,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const window = pageWindow(args);
  const keys = Object.keys(orderBy);
  const key = keyColumns(em, entity as EntityName<object>, keys);
  const after = window.after != null ? decodeCursor(window.after, key, 'after') : undefined;
  const before = window.before != null ? decodeCursor(window.before, key, 'before') : undefined;
  const backward = window.last != null;
  const size = window.last ?? window.first!;
  const bounds = [
    ...(after ? [beyond(orderBy, after, 'after')] : []),
    ...(before ? [beyond(orderBy, before, 'before')] : []),
  ];
  // Backward pages are read in reverse order from their far end, then turned round.
  const order = backward ? Object.fromEntries(keys.map((k) => [k, orderBy[k] === 'asc' ? 'desc' : 'asc'])) : orderBy;
  // Without a cursor the page's own statement counts every match (the window is taken before
  // LIMIT), as hand-written SQL would: PostgreSQL finds the matches once instead of twice.
  const counted = bounds.length === 0;
  const page = em
    .createQueryBuilder(entity, 'o0')
    .select((counted ? ['*', raw(`count(*) over () as "${TOTAL}"`)] : '*') as never)
    .where((bounds.length ? { $and: [where, ...bounds] } : where) as never)
    .orderBy(order as never)
    .limit(size + 1); // one more tells whether there is a further page
  const count = () =>
    em
      .createQueryBuilder(entity, 'o0')
      .where(where as never)
      .getCount();
  const [rows, total] = await Promise.all([
    page.execute<(T & { [TOTAL]?: number | string })[]>('all'),
    counted ? undefined : count(),
  ]);
  const totalCount = total ?? Number(rows[0]?.[TOTAL] ?? 0);
  if (counted) for (const row of rows) delete row[TOTAL];
  const more = rows.length > size;
  if (more) rows.pop();
  if (backward) rows.reverse();
  const edges = rows.map((node) => ({
    node,
    cursor: encodeCursor(keys.map((k) => (node as Record<string, unknown>)[k])),
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
