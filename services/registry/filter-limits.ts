import { HubError } from '../common/errors.js';

// A boolean filter is a tree the client writes; its size decides the SQL's. Both are bounded and
// checked on the input itself, before any SQL is built (a refusal names the limit and its maximum).

/** and/or/not nested at most this deep (a filter without them has depth 1). */
export const MAX_FILTER_DEPTH = 5;
/** At most this many conditions in one filter: every nested filter's, each list item and each nested filter one. */
export const MAX_FILTER_CONDITIONS = 100;

const COMBINATORS = new Set(['and', 'or', 'not']);

const tooBig = (message: string, limit: string, max: number) =>
  new HubError('BAD_USER_INPUT', message, { field: 'filter', limit, max });

/** Refuses a filter deeper than MAX_FILTER_DEPTH or with more than MAX_FILTER_CONDITIONS conditions. */
export function checkFilterSize(filter: object | null | undefined): void {
  let conditions = 0;
  const walk = (node: object, depth: number) => {
    if (depth > MAX_FILTER_DEPTH)
      throw tooBig(
        `filter 的 and/or/not 嵌套超过 ${MAX_FILTER_DEPTH} 层（上限 MAX_FILTER_DEPTH = ${MAX_FILTER_DEPTH}）；请拆成几次查询`,
        'MAX_FILTER_DEPTH',
        MAX_FILTER_DEPTH,
      );
    for (const [key, value] of Object.entries(node)) {
      if (value == null) continue;
      if (COMBINATORS.has(key)) {
        // Each nested filter counts as a condition too, so a thousand empty ones are refused.
        for (const child of Array.isArray(value) ? value : [value]) {
          conditions += 1;
          walk(child as object, depth + 1);
        }
      } else if (key !== 'asOf') {
        conditions += Array.isArray(value) ? Math.max(1, value.length) : 1;
      }
      if (conditions > MAX_FILTER_CONDITIONS)
        throw tooBig(
          `filter 的条件超过 ${MAX_FILTER_CONDITIONS} 个（上限 MAX_FILTER_CONDITIONS = ${MAX_FILTER_CONDITIONS}，列表的每一项算一个）；请拆成几次查询`,
          'MAX_FILTER_CONDITIONS',
          MAX_FILTER_CONDITIONS,
        );
    }
  };
  if (filter) walk(filter, 1);
}
