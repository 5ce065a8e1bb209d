import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import {
  Cursor,
  type EntityManager,
  type EntityName,
  type FilterQuery,
  type FindByCursorOptions,
} from '@mikro-orm/core';
import { badInput } from './errors.js';
import { decodeCursor, keyColumns, type KeyColumn, type KeyType } from './cursor.js';

// Relay-style connections shared by every list the hub serves.

// Both subgraphs serve connections, so PageInfo is a shared value type.
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Makes `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match, over all pages' }) totalCount!: number;
  }
  return ConnectionType;
}

/** The largest page; past it, take an export (docs/exports.md). */
export const MAX_PAGE_SIZE = 100;
const pageLimit = (argument: string) =>
  `${argument} 是每页条数，须在 1 到 ${MAX_PAGE_SIZE} 之间（上限 ${MAX_PAGE_SIZE}）；更多的行请翻页（after/before）或用导出 /export/（docs/exports.md）`;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size counted forward, 1 to 100 (default 20 when neither first nor last is given)',
  })
  @Min(1, { message: pageLimit('first') })
  @Max(MAX_PAGE_SIZE, { message: pageLimit('first') })
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Page size counted backward from `before` (or from the end), 1 to 100',
  })
  @Min(1, { message: pageLimit('last') })
  @Max(MAX_PAGE_SIZE, { message: pageLimit('last') })
  last?: number;

  @Field(() => String, { nullable: true, description: 'startCursor of the following page' })
  before?: string;
}

export const DEFAULT_PAGE_SIZE = 20;

/** What findByCursor takes: forward (first/after) or backward (last/before), never both sizes. */
export function pageWindow(args: PageArgs): { first?: number; last?: number; after?: string; before?: string } {
  if (args.first != null && args.last != null) {
    throw badInput('Give first (to page forward) or last (to page backward), not both', 'last');
  }
  const cursors = { after: args.after ?? undefined, before: args.before ?? undefined };
  return args.last != null ? { ...cursors, last: args.last } : { ...cursors, first: args.first ?? DEFAULT_PAGE_SIZE };
}

// Cursors are MikroORM's (base64url of the JSON array of the sort key's values), made by its own
// Cursor.encode: pages cut by findByCursor, in memory (pageOf) and by hand-written SQL (the
// traversals) take each other's cursors. They are read by the one decoder, cursor.ts.

/** The cursor for a row whose sort key has these values (ending in the id). */
export const encodeCursor = (values: unknown[]): string => Cursor.encode(values);

/** Pages come from MikroORM's keyset cursors (em.findByCursor); this shapes one for GraphQL. */
export function fromCursor<T extends object>(cursor: Cursor<T, never, never, never, true>): ConnectionShape<T> {
  const edges = cursor.items.map((node) => ({ node: node, cursor: cursor.from(node) }));
  return {
    edges,
    totalCount: cursor.totalCount,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  };
}

/**
 * One page of a table: one SQL statement for the items plus one count. `orderBy` must end in a
 * unique column (id) so the order is total and cursors are stable.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'>,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const window = pageWindow(args);
  // Every value checked against its column before MikroORM builds any SQL from it.
  const key = keyColumns(em, entity as EntityName<object>, Object.keys(orderBy));
  if (window.after != null) decodeCursor(window.after, key, 'after');
  if (window.before != null) decodeCursor(window.before, key, 'before');
  const options = { where, orderBy, ...window, includeCount: true } as FindByCursorOptions<T>;
  const cursor = await em.findByCursor(entity, options as never);
  return fromCursor(cursor);
}

type SortValue = string | number | null;

function compareKeys(a: SortValue[], b: unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i] as SortValue];
    if (x === y) continue;
    if (x === null) return 1; // nulls last, as PostgreSQL sorts them ascending
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The same page over items already in memory and sorted ascending by `sortKey` (ending in the
 * id): for lists a loader fetched in one batch for many parents, where a query per parent
 * would cost a statement per row. Cursors have the same form as findByCursor's.
 */
export function pageOf<T>(
  items: readonly T[],
  sortKey: (item: T) => SortValue[],
  keyTypes: readonly (KeyType | KeyColumn)[],
  args: PageArgs,
  direction: 'asc' | 'desc' = 'asc',
): ConnectionShape<T> {
  // `items` come sorted by sortKey in `direction` (every key part the same way).
  const compare = (a: SortValue[], b: unknown[]) => (direction === 'asc' ? compareKeys(a, b) : -compareKeys(a, b));
  const window = pageWindow(args);
  const after = window.after != null ? decodeCursor(window.after, keyTypes, 'after') : undefined;
  const before = window.before != null ? decodeCursor(window.before, keyTypes, 'before') : undefined;
  const inRange = items.filter(
    (item) => (!after || compare(sortKey(item), after) > 0) && (!before || compare(sortKey(item), before) < 0),
  );
  const size = window.last ?? window.first!;
  const page = window.last != null ? inRange.slice(Math.max(0, inRange.length - size)) : inRange.slice(0, size);
  const more = inRange.length > size;
  const edges = page.map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: window.last != null ? before !== undefined : more,
      hasPreviousPage: window.last != null ? more : after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
