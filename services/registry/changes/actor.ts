import type { EntityManager } from '@mikro-orm/postgresql';

// The change feed's "by whom": the registry's triggers read hub.actor of the writing
// transaction (migration change_feed_triggers). Every write path names its actor first thing
// in its transaction; set_config(..., true) lasts until the transaction ends, so a pooled
// connection never carries it into someone else's write.

/** Names `actor` (a token's subject, "seed") as the author of what `tx` writes. */
export async function actAs(tx: EntityManager, actor: string): Promise<void> {
  // PostgreSQL's protocol cannot carry a NUL; the audit entry, written later, refuses such a subject itself.
  await tx.execute(`select set_config('hub.actor', ?, true)`, [actor.replaceAll('\u0000', '')]);
}
