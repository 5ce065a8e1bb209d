import { ReferenceKind, type EntityName, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { snapshot, type Versioned } from '../audit.js';
import { conflict } from '../../common/errors.js';

// A batch of imported rows written set-based: one INSERT … SELECT FROM jsonb_to_recordset for the
// new rows of a table, one UPDATE … FROM jsonb_to_recordset per set of corrected columns, and
// one INSERT for all their audit entries, instead of the ORM's statement (and flush) a row. What
// is written is what the ORM wrote: the same columns and version, the same audit entries
// (before and after as snapshot() makes them, updates first, then creations, each in file
// order), and the tables' triggers, which fire a row at a time either way, write the same
// change-feed rows. The caller's transaction holds it all, with the batch's idempotency key.

export interface Correction<T> {
  /** The record as read in this transaction; left as it is (the ORM must not flush it). */
  entity: T;
  /** The fields to change, by property name. */
  wanted: Partial<T>;
}

interface Column {
  prop: string;
  name: string;
  type: string;
  reference: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function columnOf(prop: EntityProperty): Column {
  return {
    prop: String(prop.name),
    name: prop.fieldNames[0],
    type: prop.columnTypes[0],
    reference: prop.kind === ReferenceKind.MANY_TO_ONE,
  };
}

function valueOf(entity: object, column: Column): unknown {
  const value = (entity as Record<string, unknown>)[column.prop];
  if (column.reference) return (value as { id?: string } | null | undefined)?.id ?? null;
  return value ?? null;
}

const recordset = (columns: Column[]) =>
  `jsonb_to_recordset(?::jsonb) as x(${columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ')})`;

/** Writes `creates` (new, unmanaged entities) and `corrections` of one table, and their audit entries. */
export async function writeBatch<T extends Versioned>(
  tx: EntityManager,
  entityName: EntityName<T>,
  {
    creates,
    corrections,
    actor,
    reason,
  }: { creates: T[]; corrections: Correction<T>[]; actor: string; reason: string | null },
): Promise<void> {
  const meta = tx.getMetadata(entityName);
  const table = `${quote(meta.schema ?? 'registry')}.${quote(meta.tableName)}`;
  const props = new Map<string, EntityProperty>(meta.props.map((p) => [p.name, p as EntityProperty]));
  const audits: { action: string; entity_id: string; before: unknown; after: unknown }[] = [];

  // Corrections, grouped by the columns they set; each only from the version read (else CONFLICT).
  const groups = new Map<string, Correction<T>[]>();
  for (const correction of corrections) {
    const key = Object.keys(correction.wanted).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), correction]);
  }
  for (const [key, group] of groups) {
    const columns = key.split(',').map((name) => columnOf(props.get(name)!));
    const keys = [columnOf(props.get('id')!), columnOf(props.get('version')!)];
    const rows = group.map(({ entity, wanted }) => {
      const row: Record<string, unknown> = { id: entity.id, version: entity.version };
      for (const column of columns) row[column.name] = valueOf(wanted, column);
      return row;
    });
    const updated = await tx.execute<{ id: string }[]>(
      `update ${table} as t set ${columns.map((c) => `${quote(c.name)} = x.${quote(c.name)}`).join(', ')}, "version" = t."version" + 1
       from ${recordset([...keys, ...columns])} where t."id" = x."id" and t."version" = x."version" returning t."id"`,
      [JSON.stringify(rows)],
    );
    if (updated.length !== rows.length)
      throw conflict(`导入期间有 ${rows.length - updated.length} 条记录被他人修改；请重试本批（将按最新记录重新比较）`);
  }
  for (const { entity, wanted } of corrections) {
    // The record as the ORM would have left it: the wanted fields, the next version.
    const after = Object.assign(Object.create(Object.getPrototypeOf(entity) as object) as T, entity, wanted, {
      version: entity.version + 1,
    });
    audits.push({ action: 'UPDATE', entity_id: entity.id, before: snapshot(tx, entity), after: snapshot(tx, after) });
  }

  if (creates.length) {
    const columns = meta.props
      .filter((p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE)
      .filter((p) => p.persist !== false && p.fieldNames?.length === 1)
      .map((p) => columnOf(p as EntityProperty))
      .filter((c) => creates.some((entity) => (entity as Record<string, unknown>)[c.prop] !== undefined));
    const rows = creates.map((entity) => Object.fromEntries(columns.map((c) => [c.name, valueOf(entity, c)])));
    const names = columns.map((c) => quote(c.name)).join(', ');
    // ON CONFLICT: a row another writer created since this batch read is not overwritten; the
    // batch is refused (rolled back) and its retry reads that row and corrects it instead.
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into ${table} (${names}) select ${names} from ${recordset(columns)} on conflict do nothing returning "id"`,
      [JSON.stringify(rows)],
    );
    if (inserted.length !== rows.length)
      throw conflict(`导入期间有 ${rows.length - inserted.length} 条记录已被他人登记；请重试本批`);
    for (const entity of creates)
      audits.push({ action: 'CREATE', entity_id: entity.id, before: null, after: snapshot(tx, entity) });
  }

  if (audits.length)
    await tx.execute(
      `insert into "registry"."audit_entry" ("actor", "at", "action", "reason", "entity_type", "entity_id", "before", "after")
       select ?, ?::timestamptz, x."action", ?, ?, x."entity_id", x."before", x."after"
       from jsonb_to_recordset(?::jsonb) as x("action" text, "entity_id" uuid, "before" jsonb, "after" jsonb)`,
      [actor, new Date().toISOString(), reason, meta.className, JSON.stringify(audits)],
    );
}
