import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { findPage, type ConnectionShape, type PageArgs } from '../../common/connection.js';
import { resolveOrder, type OrderFields, type OrderTerm } from './order.js';
import { findOrderedPage } from './ordered-page.js';
import { findPlainPage } from '../plain-page.js';

/**
 * A registry list's page: in its default order (and cursors) when no orderBy is given, else in
 * the order asked for. The one call each list resolver makes.
 */
export function listPage<T extends object, F extends string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  defaultOrder: Record<string, 'asc' | 'desc'>,
  order: { fields: OrderFields<F>; terms?: readonly OrderTerm<F>[] | null },
  page: PageArgs,
): Promise<ConnectionShape<T>> {
  if (!order.terms?.length) return findPage(em, entity, where, defaultOrder, page);
  return findOrderedPage(em, entity, where, resolveOrder(order.fields, order.terms), page);
}

/** The same as plain rows (property names), for the organization list (see plain-page.ts). */
export function plainListPage<T extends object, F extends string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  defaultOrder: Record<string, 'asc' | 'desc'>,
  order: { fields: OrderFields<F>; terms?: readonly OrderTerm<F>[] | null },
  page: PageArgs,
): Promise<ConnectionShape<T>> {
  if (!order.terms?.length) return findPlainPage(em, entity, where, defaultOrder, page);
  return findOrderedPage(em, entity, where, resolveOrder(order.fields, order.terms), page, 'plain');
}
