import type { EntityManager, EntityName } from '@mikro-orm/core';
import { isIsoDate } from './dates.js';
import { badText } from './edge-guard.js';
import { badInput } from './errors.js';
import { UUID_PATTERN } from './ids.js';

// The hub's one cursor decoder. A cursor is MikroORM's form, base64url of the JSON array of the
// sort key's values (findByCursor, findPlainPage, pageOf and the traversals give out the same);
// the runs' list keeps its own object form (runs/paging.ts) but reads it through readCursor too.
// Every value is checked against its column's type here, before any SQL is built: a cursor of
// ["x","y"] for (created_at, id) went to MikroORM as an invalid Date, and a NUL inside a text
// value broke PostgreSQL's protocol ("invalid message format"), both INTERNAL_SERVER_ERROR.

/** What a sort key's column holds, as far as a cursor's value has to fit it. */
export type KeyType = 'uuid' | 'text' | 'date' | 'timestamp' | 'integer' | 'bigint' | 'number' | 'boolean';
export interface KeyColumn {
  type: KeyType;
  /** A null in the cursor is taken only for a column that may hold null. */
  nullable?: boolean;
}

type CursorField = 'after' | 'before';

const INT4 = 2 ** 31;
// What MikroORM writes for a Date (toJSON): 2026-11-29T08:00:00.000Z, offsets accepted too.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether `value` fits a column of `type` (null aside). */
export function fitsKey(type: KeyType, value: unknown): boolean {
  switch (type) {
    case 'uuid':
      return typeof value === 'string' && UUID_PATTERN.test(value);
    case 'text':
      return typeof value === 'string' && value.length <= 10_000 && badText(value) === undefined;
    case 'date':
      return isIsoDate(value);
    case 'timestamp': {
      const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
      return !!match && isIsoDate(match[1]) && Number.isFinite(Date.parse(value as string));
    }
    case 'integer':
      return Number.isInteger(value) && (value as number) >= -INT4 && (value as number) < INT4;
    case 'bigint':
      return (typeof value === 'string' && /^-?\d{1,18}$/.test(value)) || Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

const notOurs = (cursor: string, field: CursorField) =>
  badInput(`"${cursor.slice(0, 200)}" is not a cursor this list gave out`, field);

/** The JSON inside a cursor (base64url), or BAD_USER_INPUT naming `field`. */
export function readCursor(cursor: string, field: CursorField): unknown {
  // Our cursors are short; base64url only (a NUL or any other character is not one of ours).
  if (!/^[A-Za-z0-9_-]{1,4000}={0,2}$/.test(cursor)) throw notOurs(cursor, field);
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurs(cursor, field);
  }
}

/**
 * The sort key's values in a cursor a list gave out: one value per column of `key`, each of its
 * column's type; anything else is BAD_USER_INPUT naming `field`.
 */
export function decodeCursor(cursor: string, key: readonly (KeyType | KeyColumn)[], field: CursorField): unknown[] {
  const values = readCursor(cursor, field);
  if (!Array.isArray(values) || values.length !== key.length) throw notOurs(cursor, field);
  key.forEach((part, i) => {
    const { type, nullable } = typeof part === 'string' ? { type: part, nullable: false } : part;
    const value: unknown = values[i];
    if (value === null ? !nullable : !fitsKey(type, value)) throw notOurs(cursor, field);
  });
  return values;
}

// PostgreSQL column types as MikroORM's metadata names them.
const COLUMN_TYPES: Record<string, KeyType> = {
  uuid: 'uuid',
  text: 'text',
  varchar: 'text',
  // character(n): region codes, credit codes
  char: 'text',
  character: 'text',
  bpchar: 'text',
  'character varying': 'text',
  date: 'date',
  timestamptz: 'timestamp',
  timestamp: 'timestamp',
  'timestamp with time zone': 'timestamp',
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  smallint: 'integer',
  bigint: 'bigint',
  bigserial: 'bigint',
  int8: 'bigint',
  real: 'number',
  'double precision': 'number',
  numeric: 'number',
  boolean: 'boolean',
  bool: 'boolean',
};

/** The sort key's columns of an entity, from its ORM metadata (an order by an unknown type is a bug, not input). */
export function keyColumns(em: EntityManager, entity: EntityName<object>, keys: readonly string[]): KeyColumn[] {
  const meta = em.getMetadata().get(entity);
  return keys.map((key) => {
    const property = meta.properties[key as never] as { columnTypes?: string[]; nullable?: boolean } | undefined;
    const column = property?.columnTypes?.[0]?.toLowerCase().replace(/\(.*\)$/, '');
    const type = column ? COLUMN_TYPES[column] : undefined;
    if (!type) throw new Error(`${meta.className}.${key}: no cursor type for its column (${column ?? 'none'})`);
    return { type, nullable: property?.nullable ?? false };
  });
}
