import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../common/connection.js';
import { requireIsoDate } from '../../common/dates.js';
import { badInput } from '../../common/errors.js';

/** A page of dated records, optionally within a date range (both ends included). */
@ArgsType()
export class DatedPageArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only records on or after this ISO date' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Only records on or before this ISO date' })
  to?: string;
}

/** The range as a MikroORM condition on the record's date column; undefined when open both ends. */
export function dateRange({ from, to }: { from?: string; to?: string }): { $gte?: string; $lte?: string } | undefined {
  if (from != null) requireIsoDate(from, 'from');
  if (to != null) requireIsoDate(to, 'to');
  if (from != null && to != null && from > to) throw badInput(`from (${from}) is after to (${to})`, 'from');
  if (from == null && to == null) return undefined;
  return { ...(from != null ? { $gte: from } : {}), ...(to != null ? { $lte: to } : {}) };
}

/** Drops the conditions that were not asked for, so `{ kind: undefined }` does not mean `kind is null`. */
export function given<T extends object>(conditions: T): Partial<T> {
  return Object.fromEntries(Object.entries(conditions).filter(([, value]) => value !== undefined)) as Partial<T>;
}
