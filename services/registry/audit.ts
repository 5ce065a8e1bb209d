import { OptimisticLockError, ReferenceKind, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry } from './entities/audit-entry.js';
import { conflict, notFound } from '../common/errors.js';
import { actAs } from './changes/actor.js';

// Every change an admin or officer makes to the registry goes through here: one transaction
// holds the change, its audit entry (who, when, why, before, after) and, by the tables'
// triggers, its change-feed rows, so all are written or none is; an update starts from the
// version the client read, so a concurrent edit is refused, never overwritten.

export type AuditAction = 'CREATE' | 'UPDATE' | 'END';
export type Snapshot = Record<string, unknown>;

/** An audited row: a uuid id and an optimistic-lock version. */
export interface Versioned {
  id: string;
  version: number;
}

/** The record as the audit keeps it: its columns, a many-to-one as the other row's id (`organizationId`). */
export function snapshot(em: EntityManager, entity: object): Snapshot {
  const meta = em.getMetadata(entity.constructor as EntityName<object>);
  const values: Snapshot = {};
  for (const prop of meta.props) {
    const value = (entity as Record<string, unknown>)[prop.name];
    if (prop.kind === ReferenceKind.SCALAR) values[prop.name] = value instanceof Date ? value.toISOString() : value;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE)
      values[`${String(prop.name)}Id`] = (value as { id?: string } | null)?.id ?? null;
  }
  return values;
}

const entityType = (em: EntityManager, entity: object) =>
  em.getMetadata(entity.constructor as EntityName<object>).className;

/** Writes one audit entry in the transaction `em` belongs to (flushed with it). */
export function recordAudit(
  em: EntityManager,
  actor: string,
  action: AuditAction,
  entity: Versioned,
  before: Snapshot | null,
  reason: string | null = null,
): AuditEntry {
  return em.create(AuditEntry, {
    actor,
    action,
    reason,
    at: new Date(),
    entityType: entityType(em, entity),
    entityId: entity.id,
    before,
    after: snapshot(em, entity),
  });
}

/** The change was based on a version someone else has since replaced. */
const staleVersion = (type: string, id: string, detail = '') =>
  conflict(
    `${type} ${id} was changed by someone else${detail}; reload it and apply your change again（该记录已被他人修改，请重新读取后再改）`,
  );

async function inTransaction<T>(em: EntityManager, actor: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(async (tx) => {
      await actAs(tx, actor);
      return work(tx);
    });
  } catch (error) {
    // The UPDATE … WHERE version = ? found no row: another transaction committed first.
    if (error instanceof OptimisticLockError) {
      const entity = error.entity as Versioned | undefined;
      throw staleVersion(entity ? entityType(em, entity) : 'The record', entity?.id ?? '');
    }
    throw error;
  }
}

/** Creates a row and its CREATE entry. `build` validates and `em.create`s the row on `tx`. */
export function auditedCreate<T extends Versioned>(
  em: EntityManager,
  actor: string,
  build: (tx: EntityManager) => Promise<T>,
  reason: string | null = null,
): Promise<T> {
  return inTransaction(em, actor, async (tx) => {
    const entity = await build(tx);
    await tx.flush();
    recordAudit(tx, actor, 'CREATE', entity, null, reason);
    return entity;
  });
}

/**
 * Changes the row `id` as it was at `version`. `apply` validates and assigns on `tx`; when it
 * changes nothing, nothing is written (not even an audit entry) and the row is returned as is.
 */
export function auditedUpdate<T extends Versioned>(
  em: EntityManager,
  actor: string,
  target: { entity: EntityName<T>; id: string; version: number; action: 'UPDATE' | 'END'; reason?: string | null },
  apply: (row: T, tx: EntityManager) => Promise<void> | void,
): Promise<T> {
  return inTransaction(em, actor, async (tx) => {
    // refresh: the version check is against the row as committed, not as this request last saw it.
    const row = (await tx.findOne(target.entity, { id: target.id } as never, { refresh: true })) as T | null;
    const type = tx.getMetadata(target.entity).className;
    if (!row) throw notFound(`No ${type} has id ${target.id}`);
    if (row.version !== target.version) {
      throw staleVersion(
        type,
        target.id,
        ` (it is at version ${row.version}, your change was based on ${target.version})`,
      );
    }
    const before = snapshot(tx, row);
    await apply(row, tx);
    // The UPDATE carries "where version = <read version>"; a concurrent commit makes it miss.
    await tx.flush();
    if (JSON.stringify(snapshot(tx, row)) !== JSON.stringify(before))
      recordAudit(tx, actor, target.action, row, before, target.reason ?? null);
    return row;
  });
}

/** A row a change refers to (a position's person, an edge's end); NOT_FOUND when there is none. */
export async function referencedRow<T extends object>(
  tx: EntityManager,
  entity: EntityName<T>,
  id: string,
): Promise<T> {
  const row = (await tx.findOne(entity, { id } as never)) as T | null;
  if (!row) throw notFound(`No ${tx.getMetadata(entity).className.toLowerCase()} has id ${id}`);
  return row;
}
