import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';

// Reading the change feed: changes in commit order (registry.change_commit.seq, assigned at
// commit under a lock, see the migration change_feed_triggers), then in the order the
// transaction wrote them. A cursor is the (seq, id) of the last change read; a change with a
// smaller seq can never become visible after one with a larger seq, so none is ever skipped.

/** The GraphQL types of the tables whose triggers record changes (the migration's list). */
export const TRACKED_TYPES = [
  'Organization',
  'Person',
  'Relationship',
  'Position',
  'Certification',
  'Rating',
  'Honour',
  'AnnualInspection',
  'AdministrativePenalty',
  'ListEntry',
  'CreditEntry',
  'RewardGrant',
  'PlatformActivity',
  'LiaisonVisit',
  'DeliberationSession',
  'DeliberationIssue',
  'JointMeeting',
  'Loan',
  'MediationCase',
  'CharityRecord',
  'InvestmentProject',
  'RewardFundAllocation',
  'ServiceCategory',
] as const;

export interface FeedPosition {
  seq: string;
  id: string;
}

export interface FeedChange {
  position: FeedPosition;
  entityType: string;
  entityId: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  version: number | null;
  changedFields: string[];
  values: Record<string, unknown> | null;
  asOf: Record<string, unknown> | null;
  actor: string;
  committedAt: Date;
}

const CURSOR = /^(\d{1,19}):(\d{1,19})$/;

export const encodeCursor = ({ seq, id }: FeedPosition): string => Buffer.from(`${seq}:${id}`).toString('base64url');

/** The position a cursor names, or BAD_USER_INPUT on `after` for anything the feed did not give out. */
export function decodeCursor(cursor: string): FeedPosition {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor({ seq: match[1], id: match[2] }) !== cursor)
    throw badInput(`"${cursor}" is not a cursor of registryChanges; pass an endCursor it gave`, 'after');
  return { seq: match[1], id: match[2] };
}

// The registry has a few hundred column names: each is converted once (a page of 1000 changes
// has some 30,000 keys, and converting them each time was a sixth of the registry's work).
const fieldNames = new Map<string, string>();

/** A column name as the GraphQL field reads: organization_id → organizationId. */
export function fieldName(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (fieldNames.size < 10_000) fieldNames.set(column, name);
  }
  return name;
}

function fieldsOf(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (row == null) return null;
  const fields: Record<string, unknown> = {};
  for (const key in row) fields[fieldName(key)] = row[key];
  return fields;
}

const SELECT = `select k.seq, c.id, c.entity_type, c.entity_id, c.operation, c.version,
  c.changed_fields, c.after, c.as_of, c.actor, k.committed_at
  from registry.change_commit k join registry.change c on c.txid = k.txid`;

/**
 * Up to `first` changes after `after` (from the beginning when null), of `types` when given.
 * Two index walks: the rest of the cursor's own commit, then the commits after it.
 */
export async function readChanges(
  em: EntityManager,
  after: FeedPosition | null,
  first: number,
  types: readonly string[] | null,
  visible?: { sql: string; params: unknown[] },
): Promise<FeedChange[]> {
  const from = after ?? { seq: '0', id: '0' };
  // The caller's jurisdiction filters inside both walks, so the page's last change (the cursor) is
  // the last visible one read and a visible change after it is never passed over.
  const typed = (types ? ' and c.entity_type in (?)' : '') + (visible ? ` and ${visible.sql}` : '');
  const typeParams = [...(types ? [types] : []), ...(visible?.params ?? [])];
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `(${SELECT} where k.seq = ? and c.id > ?${typed} order by c.id limit ?)
     union all
     (${SELECT} where k.seq > ?${typed} order by k.seq, c.id limit ?)
     order by 1, 2 limit ?`,
    // seq and id are bigints (pg hands them over as strings); PostgreSQL types the parameters from the columns.
    [from.seq, from.id, ...typeParams, first, from.seq, ...typeParams, first, first],
  );
  return rows.map((row) => ({
    position: { seq: String(row.seq), id: String(row.id) },
    entityType: row.entity_type as string,
    entityId: row.entity_id as string,
    operation: row.operation as FeedChange['operation'],
    version: (row.version as number | null) ?? null,
    changedFields: (row.changed_fields as string[]).map(fieldName),
    values: fieldsOf(row.after as Record<string, unknown> | null),
    asOf: fieldsOf(row.as_of as Record<string, unknown> | null),
    actor: row.actor as string,
    committedAt: new Date(row.committed_at as string),
  }));
}
