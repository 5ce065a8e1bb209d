import { getNamedType, getNullableType, isIntrospectionType, isLeafType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// What a query may cost, estimated from the document and its variables before execution:
// roughly the number of objects it can make the subgraphs load. A list multiplies the cost of
// what is selected inside it by how many items it can return, so one page of 100
// organizations with three levels of relationships under it adds up to far more than its
// 317 characters suggest (issue 7), while every query of the README stays far below the limit.

/** A page without first/last: services/common/connection.ts's DEFAULT_PAGE_SIZE (not imported:
 * that module loads type-graphql, which the gateway process does not). */
export const DEFAULT_PAGE_SIZE = 20;
/** Items a paged list can return: its `first`/`last`, else the page default, at most the cap. */
export const PAGE_CAP = 100;
/** Items assumed for a list without paging (an organization's relationships, a task's comments). */
export const UNPAGED_LIST_SIZE = 10;
/** `statistics` runs four aggregate statements over whole tables whatever is selected. */
export const STATISTICS_COST = 100;
/** A traversal's recursive SQL grows with each hop (1-3): this much per hop squared. */
export const TRAVERSAL_COST_PER_HOP = 25;
/** `path` searches up to maxDepth (default 6) hops from both ends. */
export const PATH_COST_PER_HOP = 10;

function pageSize(args: Record<string, unknown>): number {
  const asked = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  return typeof asked === 'number' && asked >= 1 ? Math.min(asked, PAGE_CAP) : PAGE_CAP;
}

function hops(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && value >= 1 ? Math.min(value, max) : fallback;
}

/** The hub's estimator for graphql-query-complexity's getComplexity. */
export const hubCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is answered by the gateway from its own schema and loads nothing from the
  // subgraphs; counted as lists it cost ~15,000 and the console's GraphQL IDE got no docs.
  if (field.name.startsWith('__') || isIntrospectionType(type)) return 0;
  if (field.name === 'statistics') return STATISTICS_COST;
  if (field.name === 'neighbors') {
    const depth = hops(args.depth, 1, 3);
    return TRAVERSAL_COST_PER_HOP * depth * depth + pageSize(args) * childComplexity;
  }
  if (field.name === 'path') return PATH_COST_PER_HOP * hops(args.maxDepth, 6, 12) + childComplexity;
  if (isLeafType(getNamedType(field.type))) return 0;
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) return 1 + pageSize(args) * childComplexity;
  // A connection's `edges` are already counted by its page size.
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') return 1 + UNPAGED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};
