import { UniqueConstraintViolationException, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit, type Versioned } from './audit.js';
import { badInput } from '../common/errors.js';
import { actAs } from './changes/actor.js';

// Write-backs from the processes: an activity may run more than once (a retry after a timeout
// whose first attempt did commit), so each write carries an idempotency key, kept in a unique
// column. The same key again returns the first write; two attempts racing both end up with the
// row the winner committed. Each write is audited like an admin's change, in its transaction.

const KEY = /^[\w:.-]{1,200}$/;

/** BAD_USER_INPUT unless the key is 1 to 200 letters, digits or : . _ - */
export function requireIdempotencyKey(key: string): string {
  if (!KEY.test(key)) throw badInput('idempotencyKey must be 1 to 200 letters, digits or : . _ -', 'idempotencyKey');
  return key;
}

/** A trimmed text of 1 to `max` characters without control characters, or BAD_USER_INPUT naming `field`. */
export function requireText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text || text.length > max || /[\u0000-\u001f\u007f]/.test(text))
    throw badInput(`${field} must be 1 to ${max} characters without control characters`, field);
  return text;
}

/**
 * The row written under `idempotencyKey`: the earlier one if there is one, else the one `build`
 * creates on the transaction (it validates what needs the database, e.g. the organization).
 */
export async function writeOnce<T extends { id: string; idempotencyKey?: string | null }>(
  em: EntityManager,
  actor: string,
  entity: EntityName<T>,
  idempotencyKey: string,
  build: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const byKey = { idempotencyKey } as never;
  const earlier = (await em.findOne(entity, byKey)) as T | null;
  if (earlier) return earlier;
  try {
    return await em.transactional(async (tx) => {
      await actAs(tx, actor);
      const row = await build(tx);
      await tx.flush();
      recordAudit(tx, actor, 'CREATE', row as unknown as Versioned, null);
      return row;
    });
  } catch (error) {
    // Two attempts raced: the other committed first, and its row is the answer.
    if (error instanceof UniqueConstraintViolationException) {
      const first = (await em.fork().findOne(entity, byKey)) as T | null;
      if (first) return first;
    }
    throw error;
  }
}
