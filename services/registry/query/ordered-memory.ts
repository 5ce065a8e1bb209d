import { encodeCursor, pageWindow, type ConnectionShape, type PageArgs } from '../../common/connection.js';
import type { KeyColumn } from '../../common/cursor.js';
import type { ResolvedOrder } from './order.js';
import { readOrderedCursor } from './ordered-page.js';

// The same ordered page over rows a loader already fetched in one batch (an organization's
// edges): sorted here as PostgreSQL sorts them in ordered-page.ts (pinyin through ICU's own
// collator, empty values last both ways, the id last), with the same tagged cursors.

const pinyin = new Intl.Collator('zh-u-co-pinyin');

type Value = string | number | null;

function compareValues(a: Value, b: Value, key: ResolvedOrder['keys'][number]): number {
  if (a === b) return 0;
  if (a === null) return 1; // empty last, whatever the direction
  if (b === null) return -1;
  const order = key.pinyin ? pinyin.compare(String(a), String(b)) : a < b ? -1 : 1;
  return key.descending ? -order : order;
}

const compareKeys = (a: Value[], b: Value[], order: ResolvedOrder) => {
  for (let i = 0; i < order.keys.length; i++) {
    const c = compareValues(a[i], b[i], order.keys[i]);
    if (c !== 0) return c;
  }
  return 0;
};

/** One page of `items` in `order`; `keyOf` reads an item's value of a key's property. */
export function orderedPageOf<T>(
  items: readonly T[],
  order: ResolvedOrder,
  types: readonly KeyColumn[],
  keyOf: (item: T, property: string) => Value,
  args: PageArgs,
): ConnectionShape<T> {
  const window = pageWindow(args);
  const key = (item: T) => order.keys.map((k) => keyOf(item, k.property));
  const after = window.after != null ? (readOrderedCursor(window.after, order, [...types], 'after') as Value[]) : null;
  const before =
    window.before != null ? (readOrderedCursor(window.before, order, [...types], 'before') as Value[]) : null;
  const sorted = [...items].sort((a, b) => compareKeys(key(a), key(b), order));
  const inRange = sorted.filter(
    (item) =>
      (!after || compareKeys(key(item), after, order) > 0) && (!before || compareKeys(key(item), before, order) < 0),
  );
  const size = window.last ?? window.first!;
  const page = window.last != null ? inRange.slice(Math.max(0, inRange.length - size)) : inRange.slice(0, size);
  const more = inRange.length > size;
  const edges = page.map((node) => ({ node, cursor: encodeCursor([order.signature, ...key(node)]) }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: window.last != null ? before !== null : more,
      hasPreviousPage: window.last != null ? more : after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
