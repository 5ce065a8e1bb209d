import { Field, InputType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from '../../common/errors.js';

// `orderBy: [{ field, direction }]` on the registry's lists: each list names the fields it can
// be ordered by (an enum per type, so the schema documents them), the id always ends the order
// (a unique tie-breaker: the order is total, pages never repeat or skip a row), and a cursor
// carries the order it was cut in, so one from another order is refused rather than misread.

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'ASC: smallest (or first in pinyin) first; DESC: the reverse. Empty values come last either way.',
});

/** How a list's order field is read: its entity property, and whether it sorts by pinyin. */
export interface OrderColumn {
  property: string;
  /** Chinese text: compared under the registry.pinyin collation (migration ..._pinyin_order). */
  pinyin?: boolean;
}

/** One list's orderable fields (enum value → column). */
export type OrderFields<F extends string> = Record<F, OrderColumn>;

export interface OrderTerm<F extends string = string> {
  field: F;
  direction: OrderDirection;
}

/** At most this many terms in one orderBy (the id is added after them). */
export const MAX_ORDER_TERMS = 3;

/** A resolved order: the terms given, then the id ascending. */
export interface ResolvedOrder {
  keys: { property: string; pinyin: boolean; descending: boolean }[];
  /** Written into every cursor of this order, e.g. NAME:ASC,id */
  signature: string;
}

/**
 * Makes the `<Type>OrderField` enum and `<Type>Order` input for a list; `description` names the
 * fields for the schema's readers.
 */
export function orderInput<F extends string>(type: string, fields: Record<string, F>, description: string) {
  registerEnumType(fields, { name: `${type}OrderField`, description });
  @InputType(`${type}Order`, { description: `One term of ${type} ordering; the id always breaks ties` })
  class Order implements OrderTerm<F> {
    @Field(() => fields) field!: F;
    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction!: OrderDirection;
  }
  return Order as ClassType<OrderTerm<F>>;
}

/** The order asked for, checked before any SQL: known fields, each once, at most MAX_ORDER_TERMS. */
export function resolveOrder<F extends string>(fields: OrderFields<F>, terms: readonly OrderTerm<F>[]): ResolvedOrder {
  if (terms.length > MAX_ORDER_TERMS)
    throw badInput(`orderBy 最多 ${MAX_ORDER_TERMS} 项（收到 ${terms.length} 项）；id 总是最后的排序依据`, 'orderBy');
  const seen = new Set<string>();
  const keys = terms.map(({ field, direction }) => {
    const column = fields[field];
    if (!column) throw badInput(`不能按 ${String(field)} 排序`, 'orderBy');
    if (seen.has(field)) throw badInput(`orderBy 中 ${field} 出现了两次`, 'orderBy');
    seen.add(field);
    return { property: column.property, pinyin: column.pinyin ?? false, descending: direction === OrderDirection.DESC };
  });
  keys.push({ property: 'id', pinyin: false, descending: false });
  const signature = [...terms.map((t) => `${t.field}:${t.direction}`), 'id'].join(',');
  return { keys, signature };
}

/** The description of every list's orderBy argument. */
export const ORDER_BY_DESCRIPTION =
  "Order of the list (default: the list's own, as its description says); the id breaks ties. A cursor is valid only in the order it came from";
